import Foundation
import GRDB

extension ServiceRecords {
    /// C7: the status of a temporary pass, for the verifier. Nil: no such pass. Derived from the
    /// same gate entry a door decides from, so the service and the gates cannot disagree.
    func temporaryPassStatus(id: UInt32, at date: Date) throws -> CredentialStatus? {
        try GateEntries.passOrSlipEntry(kind: .temporaryPass, id: Int64(id), in: db)?.status(at: date, timeZone: timeZone)
    }

    /// C6: the status of an emergency pass, for the verifier. Nil: no such pass. C6 asks for no
    /// contract; the ID check at the door is the gate's to enforce.
    func emergencyPassStatus(id: UInt32, at date: Date) throws -> CredentialStatus? {
        try GateEntries.passOrSlipEntry(kind: .emergencyPass, id: Int64(id), in: db)?.status(at: date, timeZone: timeZone)
    }
}
