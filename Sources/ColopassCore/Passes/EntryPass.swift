import Foundation
import GRDB

/// What tells a temporary pass (C7) from an emergency pass (C6): its table, its credential kind
/// and the prefix of its number. Everything else about the two passes is the same.
public protocol PassKind: Sendable {
    static var table: String { get }
    static var credentialKind: CredentialKind { get }
    /// `TP` or `EP`: a guard reads the kind off the printed number.
    static var numberPrefix: String { get }
    static var logKind: VisitLogEntry.Kind { get }
    /// The printed slip's heading.
    static var slipTitle: Bilingual { get }
}

public enum TemporaryPassKind: PassKind {
    public static let table = "temporary_pass"
    public static let credentialKind = CredentialKind.temporaryPass
    public static let numberPrefix = "TP"
    public static let logKind = VisitLogEntry.Kind.temporary
    public static let slipTitle = Bilingual(zh: "临时通行证", en: "Temporary pass")
}

public enum EmergencyPassKind: PassKind {
    public static let table = "emergency_pass"
    public static let credentialKind = CredentialKind.emergencyPass
    public static let numberPrefix = "EP"
    public static let logKind = VisitLogEntry.Kind.emergency
    public static let slipTitle = Bilingual(zh: "紧急通行证", en: "Emergency pass")
}

public typealias TemporaryPass = EntryPass<TemporaryPassKind>
public typealias EmergencyPass = EntryPass<EmergencyPassKind>

/// One person's signed pass for one window. Not single-use: a visitor may go out and come back
/// inside the window, so there is no "used" state; the window's end retires the pass by itself,
/// and "revoked" is the only stored way out (request cancelled, contract ended).
public struct EntryPass<Kind: PassKind>: Record, Identifiable, Equatable {
    public enum Status: String, Codable, Sendable {
        case active, revoked
    }

    /// Also the credential id in the QR.
    public var id: Int64
    /// `TP-DC1-000001-C`: kind, site, sequence, check character.
    public var number: String
    /// The visit request (temporary) or the emergency entry (emergency) this pass belongs to.
    public var requestId: Int64
    public var clientId: Int64
    /// The contract a temporary pass hangs on (C7). Nil on emergency passes: C6 asks for none.
    public var contractId: Int64?
    public var visitorName: String
    public var idType: IDDocumentType
    public var idNumber: String
    public var status: Status
    /// Fixed at issue, so the gate shows what the policy said when the pass was approved.
    public var escortRequired: Bool
    public var validFrom: Date
    public var validUntil: Date
    public var keyId: Int64
    public var credential: String
    public var issuedAt: Date
    public var issuedBy: String
    public var revokedAt: Date?
    public var revokeReason: String?
    /// The clause the pass was revoked under: C7 (the visit withdrawn) or C9 (the contract ended).
    public var stopClause: ClauseID?
    /// C6: the guard who saw the ID document at the door and when (emergency passes only).
    public var idConfirmedBy: String?
    public var idConfirmedAt: Date?
    public var updatedAt: Date

    public static var databaseTableName: String { Kind.table }

    public var maskedIDNumber: String { IDDocument.mask(idNumber) }

    /// What the audit log and screens keep: the ID number masked.
    public var masked: EntryPass {
        var copy = self
        copy.idNumber = maskedIDNumber
        return copy
    }

    /// Still usable at `now`: active and its window not over.
    public func isOpen(at now: Date) -> Bool { status == .active && now < validUntil }

    public func statusLabel(at now: Date) -> String {
        status == .active && now >= validUntil ? "expired" : status.rawValue
    }
}

/// The pass tables' columns, named once (both kinds of pass share them).
enum PassColumns {
    static let clientId = Column("client_id")
    static let contractId = Column("contract_id")
    static let id = Column("id")
    static let number = Column("number")
    static let requestId = Column("request_id")
}
