import Foundation
import GRDB

/// A block of the site's addresses that servers are given IPs from (Q3).
public struct IPPool: Record, Identifiable, Equatable {
    public var id: Int64
    public var cidr: String
    public var network: Int64
    public var prefix: Int
    public var note: String?
    public var createdAt: Date
    public var createdBy: String

    public static let databaseTableName = "ip_pool"

    public var block: IPv4Network { IPv4Network(network: IPv4Address(UInt32(network)), prefix: prefix) }
}

/// A run of ports on one access switch that servers are patched into (Q3). Ports are modelled
/// like addresses, a range per switch, so one allocator serves both.
public struct PortPool: Record, Identifiable, Equatable {
    public var id: Int64
    public var switchName: String
    public var firstPort: Int
    public var lastPort: Int
    public var createdAt: Date
    public var createdBy: String

    public static let databaseTableName = "port_pool"
}

/// One address given to one server. A row is never deleted: release stamps `releasedAt`, which
/// returns the address to its pool and keeps who held it when (S3). The store refuses a second
/// live row for the same address.
public struct IPAllocation: Record, Identifiable, Equatable {
    public var id: Int64
    public var poolId: Int64
    public var address: String
    public var addressValue: Int64
    public var itemId: Int64
    public var clientId: Int64
    public var allocatedAt: Date
    public var allocatedBy: String
    public var releasedAt: Date?
    public var releasedBy: String?

    public static let databaseTableName = "ip_allocation"
}

/// One switch port given to one server; released like an address.
public struct PortAllocation: Record, Identifiable, Equatable {
    public var id: Int64
    public var poolId: Int64
    public var switchName: String
    public var port: Int
    public var itemId: Int64
    public var clientId: Int64
    public var allocatedAt: Date
    public var allocatedBy: String
    public var releasedAt: Date?
    public var releasedBy: String?

    public static let databaseTableName = "port_allocation"

    /// `SW-A01/12`, as it is written on the patch label.
    public var label: String { "\(switchName)/\(port)" }
}

extension IPAllocation {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let addressValue = Column("address_value")
        public static let itemId = Column("item_id")
        public static let poolId = Column("pool_id")
        public static let releasedAt = Column("released_at")
    }
}

extension IPPool {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let id = Column("id")
    }
}

extension PortAllocation {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let id = Column("id")
        public static let itemId = Column("item_id")
        public static let poolId = Column("pool_id")
        public static let releasedAt = Column("released_at")
    }
}

extension PortPool {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let id = Column("id")
        public static let switchName = Column("switch_name")
    }
}
