import Foundation
import GRDB

extension ServiceRecords {
    /// C7: the status of a temporary pass, for the verifier. Nil: no such pass.
    func temporaryPassStatus(id: UInt32, at date: Date) throws -> CredentialStatus? { nil }

    /// C6: the status of an emergency pass, for the verifier. Nil: no such pass.
    func emergencyPassStatus(id: UInt32, at date: Date) throws -> CredentialStatus? { nil }
}
