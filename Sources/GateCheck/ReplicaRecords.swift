import ColopassCore
import Foundation
import GRDB

/// The replica as the verifier's source of keys and statuses. Keys are built once per desk:
/// making an OpenSSL key costs more than a verification.
struct ReplicaRecords: CredentialRecords {
    let db: Database
    let keys: [Int64: Ed25519PublicKey]
    let timeZone: TimeZone

    func publicKey(id: UInt16) throws -> Ed25519PublicKey? { keys[Int64(id)] }

    func status(of kind: CredentialKind, id: UInt32, at date: Date) throws -> CredentialStatus? {
        try Replica.entry(kind: kind, id: id, db)?.status(at: date, timeZone: timeZone)
    }
}
