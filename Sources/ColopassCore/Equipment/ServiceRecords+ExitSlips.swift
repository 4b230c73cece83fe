import Foundation
import GRDB

extension ServiceRecords {
    /// Q4, Q5: the status of an exit slip, for the verifier. Nil: no such slip. Derived from the
    /// same gate entry a door decides from (see `GateEntries.exitSlipEntry` for the contract rule).
    func exitSlipStatus(id: UInt32, at date: Date) throws -> CredentialStatus? {
        try GateEntries.exitSlipEntry(id: Int64(id), in: db)?.status(at: date, timeZone: timeZone)
    }
}
