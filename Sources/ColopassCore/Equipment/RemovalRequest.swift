import Foundation
import GRDB

/// A request to carry equipment out: decommissioning (撤机, Q4) or removal for repair or
/// replacement (检修搬出, Q5). Filed by the client, checked and decided by customer service,
/// and carried out once on the exit slip it earns.
public struct RemovalRequest: Record, Identifiable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case decommission, repair

        /// The clause that governs this kind: refusals name it.
        public var clause: ClauseID { self == .decommission ? .Q4 : .Q5 }

        /// The same facet under this kind's clause: Q4 for a decommission, Q5 for a repair.
        public func facet(_ decommission: Q4, _ repair: Q5) -> Clause {
            self == .decommission ? Clause(decommission) : Clause(repair)
        }

        public var title: Bilingual {
            switch self {
            case .decommission: Bilingual(zh: "撤机", en: "decommission")
            case .repair: Bilingual(zh: "检修搬出", en: "removal for repair")
            }
        }
    }

    public enum Status: String, Codable, Sendable, CaseIterable {
        case filed
        /// Customer service found the equipment matching the list.
        case checked
        /// An exit slip was issued.
        case approved
        case rejected, cancelled
        /// The slip was used: the equipment left.
        case exited
        /// Repair only: everything that left has come back.
        case returned

        /// Not yet decided or not yet used: what a contract's end cancels (C9).
        public var isOpen: Bool { self == .filed || self == .checked || self == .approved }
    }

    public var id: Int64
    public var number: String
    public var kind: Kind
    public var clientId: Int64
    public var contractId: Int64
    public var status: Status
    public var removalDate: Day
    /// Q5: the company named on the application, as sealed.
    public var companyName: String?
    /// SHA-256 of the sealed application (Q5) or the equipment list (Q4).
    public var applicationScan: String?
    public var note: String?
    public var filedAt: Date
    public var filedBy: String
    public var checkedAt: Date?
    public var checkedBy: String?
    public var decidedAt: Date?
    public var decidedBy: String?
    public var rejectReason: String?
    public var cancelledAt: Date?
    public var cancelReason: String?
    public var exitedAt: Date?
    public var returnedAt: Date?
    public var updatedAt: Date

    public static let databaseTableName = "removal_request"
}

/// One inventory item on a request, with what it was when filed, so the slip and the audit read
/// the same even after the item changes.
public struct RemovalItem: Record, Identifiable, Equatable {
    public var id: Int64
    public var requestId: Int64
    public var itemId: Int64
    public var itemNumber: String
    public var kind: EquipmentKind
    public var brand: String
    public var model: String
    public var serial: String?
    public var quantity: Int

    public static let databaseTableName = "removal_item"

    public var description: String {
        "\(brand) \(model)" + (serial.map { " SN \($0)" } ?? "") + " ×\(quantity)"
    }
}

/// Someone who will carry the equipment out (Q5): named, with a validated ID document and the
/// scan of its copy. The guard compares the masked number with the document in hand.
public struct RemovalMover: Record, Identifiable, Equatable {
    public var id: Int64
    public var requestId: Int64
    public var name: String
    public var idType: IDDocumentType
    public var idNumber: String
    public var idCopy: String?

    public static let databaseTableName = "removal_mover"

    public var maskedIDNumber: String { IDDocument.mask(idNumber) }

    public var masked: RemovalMover {
        var copy = self
        copy.idNumber = maskedIDNumber
        return copy
    }
}

extension RemovalItem {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let id = Column("id")
        public static let requestId = Column("request_id")
    }
}

extension RemovalMover {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let id = Column("id")
        public static let requestId = Column("request_id")
    }
}

extension RemovalRequest {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let contractId = Column("contract_id")
        public static let id = Column("id")
    }
}
