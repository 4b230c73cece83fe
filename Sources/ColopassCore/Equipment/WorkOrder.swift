import Foundation
import GRDB

/// What a work-order line or an inventory item is. Servers count against the contract's quota
/// and get an IP and a port (Q3); the other kinds are racked but draw nothing from the pools.
public enum EquipmentKind: String, Codable, Sendable, CaseIterable {
    case server, `switch`, storage, other

    /// Boxed units carry a serial on their label and are checked one by one (Q2). Only `other`
    /// (rails, cable kits…) may come as an unlabelled count.
    public var needsSerial: Bool { self != .other }

    public var title: Bilingual {
        switch self {
        case .server: Bilingual(zh: "服务器", en: "server")
        case .switch: Bilingual(zh: "交换机", en: "switch")
        case .storage: Bilingual(zh: "存储", en: "storage")
        case .other: Bilingual(zh: "其他", en: "other")
        }
    }
}

/// A hosting work order (托管开工单, Q1): what a client will rack, where and when. It must reach
/// the room the policy's lead time before racking, and arrivals are checked against it (Q2).
public struct WorkOrder: Record, Identifiable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Being written by the client or customer service; lines can be added.
        case draft
        /// Sent to the room (Q1); waiting for the planned racking time.
        case issued
        /// At least one line settled; the rest are still expected.
        case accepting
        case closed, cancelled

        /// Still expecting equipment: what a contract's end cancels (C9).
        public var isPending: Bool { self == .draft || self == .issued || self == .accepting }
    }

    public var id: Int64
    public var number: String
    public var clientId: Int64
    public var contractId: Int64
    public var plannedAt: Date
    public var status: Status
    public var note: String?
    public var createdAt: Date
    public var createdBy: String
    public var issuedAt: Date?
    public var issuedBy: String?
    public var closedAt: Date?
    public var cancelledAt: Date?
    public var cancelReason: String?
    public var updatedAt: Date

    public static let databaseTableName = "work_order"
}

/// One line of a work order. A line with a serial is one unit (quantity 1), so acceptance,
/// inventory, IPs and removal all name the same physical box; a line without a serial (kind
/// `other` only) is a count of identical small parts.
public struct WorkOrderLine: Record, Identifiable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case pending, accepted, refused
        /// Did not arrive (in full) by the time the order was closed: the shortfall is recorded.
        case short
    }

    public var id: Int64
    public var workOrderId: Int64
    public var lineNo: Int
    public var kind: EquipmentKind
    public var brand: String
    public var model: String
    public var serial: String?
    public var quantity: Int
    public var rack: String
    public var uPosition: Int
    public var status: Status
    public var acceptedQuantity: Int
    /// Why the line was refused, or what was short.
    public var reason: String?
    public var settledAt: Date?
    public var settledBy: String?

    public static let databaseTableName = "work_order_line"

    public var description: String {
        "\(brand) \(model)" + (serial.map { " SN \($0)" } ?? " ×\(quantity)")
    }
}

/// An arrival that was not on the order (Q2): refused at the door, and kept so the operator can
/// see what was turned away and by whom.
public struct RefusedArrival: Record, Identifiable, Equatable {
    public var id: Int64
    public var workOrderId: Int64
    public var serial: String?
    public var description: String
    public var clause: String
    public var recordedAt: Date
    public var recordedBy: String

    public static let databaseTableName = "refused_arrival"
}

extension RefusedArrival {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let id = Column("id")
        public static let workOrderId = Column("work_order_id")
    }
}

extension WorkOrder {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let contractId = Column("contract_id")
        public static let id = Column("id")
    }
}

extension WorkOrderLine {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let lineNo = Column("line_no")
        public static let status = Column("status")
        public static let workOrderId = Column("work_order_id")
    }
}
