import ColopassCore
import Foundation
import GateCheck

/// The service's core in this process as the gate's source: what `HTTPSource` reaches over the
/// network, without the network (the HTTP path itself is tested end to end, with real binaries).
struct ServiceSource: GateSource {
    let core: Core
    let actor: Actor

    func upload(_ events: [GateEvent]) throws -> GateUpload { try core.gate.recordGateEvents(events, by: actor) }

    func snapshot(since cursor: Int64) throws -> SignedSnapshot { try core.gate.gateSnapshot(since: cursor, by: actor) }

    /// Waiting is the server's (a long poll): in process there is nothing to wait for.
    func snapshotPage(
        since: Int64, through: Int64?, after: GateSnapshot.Position?, limit: Int, wait: TimeInterval
    ) throws -> SignedSnapshot {
        try core.gate.gateSnapshotPage(since: since, through: through, after: after, limit: limit, by: actor)
    }

    /// In lines, as `HTTPSource` asks for them (the sources wrapping this one read JSON).
    func signedPage(
        since: Int64, through: Int64?, after: GateSnapshot.Position?, limit: Int, wait: TimeInterval
    ) throws -> SignedPage {
        .lines(try core.gate.gateSnapshotPageLines(since: since, through: through, after: after, limit: limit, by: actor))
    }

    func photo(_ sha: String) throws -> [UInt8]? {
        do {
            return try core.gate.gatePhoto(sha256: sha, by: actor)
        } catch CoreError.notFound {
            return nil
        }
    }
}
