import Foundation
import GRDB

/// A hosting contract ties a client to the site for a term, with racks and a server quota.
public struct Contract: Record, Identifiable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case draft, active, suspended, terminated
    }

    public var id: Int64
    public var number: String
    public var clientId: Int64
    public var startsOn: Day
    public var endsOn: Day
    public var status: Status
    public var racks: String
    public var serverQuota: Int
    /// Q3 exceptions: set only when the contract allows more than the policy's one per server.
    public var ipsPerServer: Int?
    public var portsPerServer: Int?
    public var createdAt: Date
    public var terminatedAt: Date?

    public static let databaseTableName = "contract"

    /// Active and inside its term on `day`: the only state that lets cards and passes work.
    public func isInForce(on day: Day) -> Bool {
        status == .active && startsOn <= day && day <= endsOn
    }

    public var rackList: [String] {
        racks.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    public func allowedIPsPerServer(_ policy: Policy) -> Int { ipsPerServer ?? policy.parameters.ipsPerServer }
    public func allowedPortsPerServer(_ policy: Policy) -> Int { portsPerServer ?? policy.parameters.portsPerServer }
}

extension Contract {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let clientId = Column("client_id")
        public static let id = Column("id")
        public static let number = Column("number")
        public static let status = Column("status")
    }
}
