import GateKernel
import Foundation
import GRDB

/// The replica as the verifier's source of keys and statuses. Keys are built once per desk:
/// making an OpenSSL key costs more than a verification.
final class ReplicaRecords: CredentialRecords {
    let db: Database
    let keys: [Int64: Ed25519PublicKey]
    let timeZone: TimeZone
    /// The entry the last status lookup read, for the desk to show without reading it again.
    private(set) var lastEntry: GateEntry?

    init(db: Database, keys: [Int64: Ed25519PublicKey], timeZone: TimeZone) {
        self.db = db
        self.keys = keys
        self.timeZone = timeZone
    }

    func publicKey(id: UInt16) throws -> Ed25519PublicKey? { keys[Int64(id)] }

    func status(of kind: CredentialKind, id: UInt32, at date: Date) throws -> CredentialStatus? {
        lastEntry = try Replica.entry(kind: kind, id: id, db)
        return lastEntry?.status(at: date, timeZone: timeZone)
    }
}
