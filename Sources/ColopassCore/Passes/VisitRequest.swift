import Foundation
import GRDB

/// A client's request for temporary entry without a card (C7): the sealed letter, the reason,
/// the window and the people. Customer service decides it; approval issues one pass per person.
public struct VisitRequest: Record, Identifiable, Equatable {
    /// Stored states. "closed" is not stored: an approved request closes when its window ends.
    public enum Status: String, Codable, Sendable, CaseIterable {
        case filed, approved, rejected, cancelled
    }

    public var id: Int64
    public var clientId: Int64
    /// The contract in force when filed (re-checked, and replaced if renewed, at approval).
    public var contractId: Int64
    public var reason: String
    public var windowStart: Date
    public var windowEnd: Date
    /// SHA-256 of the sealed letter's scan.
    public var letter: String
    public var status: Status
    public var requestedBy: String
    public var requestedAt: Date
    /// Who approved, rejected or cancelled it, when and (reject, cancel) why.
    public var decidedBy: String?
    public var decidedAt: Date?
    public var decisionReason: String?
    public var updatedAt: Date
    /// C7: the client's person who hosts (escorts) the visitors, granted may-host; none on
    /// requests filed before hosts were named.
    public var hostPersonId: Int64? = nil

    public static let databaseTableName = "visit_request"

    /// An approved request whose window is over is closed: its passes no longer open anything.
    public func statusLabel(at now: Date) -> String {
        status == .approved && now >= windowEnd ? "closed" : status.rawValue
    }
}

/// One person named in a visit request, with the ID document the letter gives for them.
public struct VisitVisitor: Record, Identifiable, Equatable {
    public var id: Int64
    public var requestId: Int64
    public var name: String
    public var idType: IDDocumentType
    public var idNumber: String

    public static let databaseTableName = "visit_visitor"

    public var masked: VisitVisitor {
        var copy = self
        copy.idNumber = IDDocument.mask(idNumber)
        return copy
    }
}

/// A person as typed into a request or an emergency: name and ID document, not yet checked.
public struct NewVisitor: Sendable, Codable, Equatable {
    public var name: String
    public var idType: String
    public var idNumber: String

    public init(name: String, idType: String = IDDocumentType.residentID.rawValue, idNumber: String) {
        self.name = name
        self.idType = idType
        self.idNumber = idNumber
    }
}

/// A visitor whose name and ID document passed the checks.
struct CheckedVisitor: Sendable {
    var name: String
    var document: IDDocument

    /// At least one person, each with a name and a valid ID document (as in the registry), and
    /// no document twice: the letter names each person once. Fields are named by position.
    static func check(_ visitors: [NewVisitor], field: String, today: Date) throws -> [CheckedVisitor] {
        guard !visitors.isEmpty else {
            throw CoreError.invalid(field, zh: "至少填写一名人员", en: "name at least one person")
        }
        var seen = Set<IDDocument>()
        return try visitors.enumerated().map { index, visitor in
            let name = try Validate.name(visitor.name, field: "\(field)[\(index)].name")
            let document: IDDocument
            do {
                document = try IDDocument.parse(type: visitor.idType, number: visitor.idNumber, today: today)
            } catch CoreError.invalidInput(let inner, let reason) {
                throw CoreError.invalidInput(field: "\(field)[\(index)].\(inner)", reason: reason)
            }
            guard seen.insert(document).inserted else {
                throw CoreError.invalid(
                    "\(field)[\(index)].id_number", zh: "同一证件重复填写", en: "the same ID document is listed twice")
            }
            return CheckedVisitor(name: name, document: document)
        }
    }
}

extension VisitRequest {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let clientId = Column("client_id")
        public static let contractId = Column("contract_id")
        public static let id = Column("id")
        public static let status = Column("status")
    }
}

extension VisitVisitor {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let id = Column("id")
        public static let requestId = Column("request_id")
    }
}
