import Foundation
import GRDB

/// A piece of a client's equipment on site, created by acceptance against a work order (Q2).
/// The operator always knows whose it is, where it is, and (for servers) its IPs and ports.
public struct InventoryItem: Record, Identifiable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case onSite = "on_site"
        /// Left on an exit slip for repair or replacement (Q5): its IPs and ports stay reserved.
        case outForRepair = "out_for_repair"
        /// Decommissioned and carried out (Q4): history only.
        case removed

        /// Still the client's equipment at the site: counts against the server quota.
        public var isHosted: Bool { self != .removed }
    }

    public var id: Int64
    public var number: String
    public var clientId: Int64
    public var contractId: Int64
    public var workOrderId: Int64
    public var lineId: Int64
    public var kind: EquipmentKind
    public var brand: String
    public var model: String
    public var serial: String?
    public var quantity: Int
    public var rack: String
    public var uPosition: Int
    public var status: Status
    public var acceptedAt: Date
    public var acceptedBy: String
    public var removedAt: Date?
    public var updatedAt: Date

    public static let databaseTableName = "inventory_item"

    public var location: String { "\(rack) U\(uPosition)" }

    public var description: String {
        "\(brand) \(model)" + (serial.map { " SN \($0)" } ?? " ×\(quantity)")
    }
}

extension InventoryItem {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let contractId = Column("contract_id")
        public static let id = Column("id")
        public static let kind = Column("kind")
        public static let serial = Column("serial")
        public static let status = Column("status")
    }
}
