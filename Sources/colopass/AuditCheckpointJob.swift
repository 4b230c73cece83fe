import ColopassCore
import ColopassServer
import Foundation

/// R4 in `colopass serve`: the audit chain's head is signed and copied outside the database at
/// start and then every `audit_checkpoint_minutes`, so no more than that much of the chain can
/// be cut off or rolled back unseen.
enum AuditCheckpointJob {
    static func start(_ core: Core) -> Task<Void, Never> {
        let interval = UInt64(core.policy.parameters.auditCheckpointMinutes) * 60 * 1_000_000_000
        return Task.detached {
            while !Task.isCancelled {
                do {
                    if let signed = try await Offload.cpu({ try core.audit.signCheckpoint() }) {
                        FileHandle.standardError.write(
                            Data("audit checkpoint signed: record \(signed.seq) (key \(signed.keyId))\n".utf8))
                    }
                } catch {
                    FileHandle.standardError.write(Data("audit checkpoint failed: \(error)\n".utf8))
                }
                try? await Task.sleep(nanoseconds: interval)
            }
        }
    }
}
