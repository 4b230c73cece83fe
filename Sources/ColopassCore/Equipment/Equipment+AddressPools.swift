import Foundation
import GRDB

/// A pool as an operator sees it: how much of it is in use.
public struct IPPoolView: Sendable, Codable {
    public var pool: IPPool
    public var firstHost: String
    public var lastHost: String
    public var size: Int
    public var inUse: Int
}

public struct PortPoolView: Sendable, Codable {
    public var pool: PortPool
    public var size: Int
    public var inUse: Int
}

extension Equipment {
    /// Q3, S3: a block of the site's addresses for servers. Blocks never overlap, so no address
    /// can be handed out from two pools.
    public func addIPPool(cidr: String, note: String? = nil, by actor: Actor) throws -> IPPool {
        let block = try IPv4Network(parsing: cidr)
        let note = try note.map { try Validate.name($0, field: "note", max: 200) }
        return try perform(actor, .manageIPPools, action: "ip.pool.add") { tx in
            if let clash = try IPPool.fetchAll(tx.db).first(where: { $0.block.overlaps(block) }) {
                throw policy.refusal(
                    S3.overlap, zh: "\(block) 与已有地址池 \(clash.cidr) 重叠",
                    en: "\(block) overlaps the existing pool \(clash.cidr)")
            }
            let pool = IPPool(
                id: try Store.nextID(of: IPPool.databaseTableName, in: tx.db), cidr: block.description,
                network: Int64(block.network.value), prefix: block.prefix, note: note, createdAt: tx.now,
                createdBy: tx.actor.name)
            try pool.insert(tx.db)
            try tx.audit("ip.pool.add", "ip_pool", key: pool.cidr, after: pool, clause: .Q3)
            return pool
        }
    }

    /// Q3: ports `first…last` of an access switch become available for servers.
    public func addPortPool(switch name: String, from first: Int, to last: Int, by actor: Actor) throws -> PortPool {
        let name = try Validate.code(name, field: "switch")
        let first = try Validate.count(first, field: "from", atLeast: 1)
        guard last >= first, last <= 4096 else {
            throw CoreError.invalid("to", zh: "结束端口应在起始端口与 4096 之间", en: "the last port is between the first and 4096")
        }
        return try perform(actor, .manageIPPools, action: "ip.ports.add") { tx in
            let existing = try PortPool.filter(PortPool.Columns.switchName == name).fetchAll(tx.db)
            if let clash = existing.first(where: { $0.firstPort <= last && first <= $0.lastPort }) {
                throw policy.refusal(
                    S3.overlap, zh: "\(name) 的端口 \(clash.firstPort)–\(clash.lastPort) 已登记",
                    en: "ports \(clash.firstPort)–\(clash.lastPort) of \(name) are already registered")
            }
            let pool = PortPool(
                id: try Store.nextID(of: PortPool.databaseTableName, in: tx.db), switchName: name, firstPort: first,
                lastPort: last, createdAt: tx.now, createdBy: tx.actor.name)
            try pool.insert(tx.db)
            try tx.audit("ip.ports.add", "port_pool", key: "\(name)/\(first)-\(last)", after: pool, clause: .Q3)
            return pool
        }
    }

    public func ipPools(by actor: Actor) throws -> [IPPoolView] {
        try read(actor, .viewRegistry) { db in
            try IPPool.order(IPPool.Columns.id).fetchAll(db).map { pool in
                let block = pool.block
                let used = try IPAllocation.filter(IPAllocation.Columns.poolId == pool.id && IPAllocation.Columns.releasedAt == nil)
                    .fetchCount(db)
                return IPPoolView(
                    pool: pool, firstHost: block.firstHost.description, lastHost: block.lastHost.description,
                    size: block.hostCount, inUse: used)
            }
        }
    }

    public func portPools(by actor: Actor) throws -> [PortPoolView] {
        try read(actor, .viewRegistry) { db in
            try PortPool.order(PortPool.Columns.id).fetchAll(db).map { pool in
                let used = try PortAllocation.filter(PortAllocation.Columns.poolId == pool.id && PortAllocation.Columns.releasedAt == nil)
                    .fetchCount(db)
                return PortPoolView(pool: pool, size: pool.lastPort - pool.firstPort + 1, inUse: used)
            }
        }
    }
}
