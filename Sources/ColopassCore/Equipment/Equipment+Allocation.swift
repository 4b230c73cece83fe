import Foundation
import GRDB

extension Equipment {
    /// Q3: an accepted server gets the policy's default of addresses and ports (one each), never
    /// more than its contract allows. An exhausted pool refuses the acceptance as a whole.
    func allocateDefaults(to item: InventoryItem, _ contract: Contract, _ tx: Transaction) throws
        -> (addresses: [String], ports: [String])
    {
        let ips = min(policy.parameters.ipsPerServer, contract.allowedIPsPerServer(policy))
        let ports = min(policy.parameters.portsPerServer, contract.allowedPortsPerServer(policy))
        let addresses = try (0..<ips).map { _ in try allocateAddress(to: item, tx).address }
        let labels = try (0..<ports).map { _ in try allocatePort(to: item, tx).label }
        return (addresses, labels)
    }

    /// Q3 exception: one more address for a server, up to what its contract allows.
    public func assignAddress(item reference: String, by actor: Actor) throws -> IPAllocation {
        try perform(actor, .manageIPPools, action: "ip.assign") { tx in
            let (item, contract) = try serverForAllocation(reference, tx)
            let held = try IPAllocation.filter(IPAllocation.Columns.itemId == item.id && IPAllocation.Columns.releasedAt == nil)
                .fetchCount(tx.db)
            try requireAllowance(held, of: contract.allowedIPsPerServer(policy), "IP", item, tx)
            return try allocateAddress(to: item, tx)
        }
    }

    /// Q3 exception: one more switch port for a server, up to what its contract allows.
    public func assignPort(item reference: String, by actor: Actor) throws -> PortAllocation {
        try perform(actor, .manageIPPools, action: "ip.assign_port") { tx in
            let (item, contract) = try serverForAllocation(reference, tx)
            let held = try PortAllocation.filter(PortAllocation.Columns.itemId == item.id && PortAllocation.Columns.releasedAt == nil)
                .fetchCount(tx.db)
            try requireAllowance(held, of: contract.allowedPortsPerServer(policy), "port", item, tx)
            return try allocatePort(to: item, tx)
        }
    }

    /// The lowest free host of the oldest pool that has one. The set of live addresses is the
    /// check; the unique index on live addresses is the guarantee (S3).
    func allocateAddress(to item: InventoryItem, _ tx: Transaction) throws -> IPAllocation {
        for pool in try IPPool.order(IPPool.Columns.id).fetchAll(tx.db) {
            let live = Set(try Int64.fetchAll(
                tx.db, sql: "SELECT address_value FROM ip_allocation WHERE pool_id = ? AND released_at IS NULL",
                arguments: [pool.id]))
            let block = pool.block
            guard let free = (block.firstHost.value...block.lastHost.value).first(where: { !live.contains(Int64($0)) })
            else { continue }
            let address = IPv4Address(free)
            let allocation = IPAllocation(
                id: try Store.nextID(of: IPAllocation.databaseTableName, in: tx.db), poolId: pool.id,
                address: address.description, addressValue: Int64(free), itemId: item.id, clientId: item.clientId,
                allocatedAt: tx.now, allocatedBy: tx.actor.name, releasedAt: nil, releasedBy: nil)
            try allocation.insert(tx.db)
            try tx.audit("ip.allocate", "inventory_item", key: item.number, after: allocation, clause: .Q3)
            return allocation
        }
        throw policy.refusal(
            Q3.poolExhausted, zh: "地址池已无空闲 IP，请先添加地址池", en: "no free IP address left in the pools; add a pool")
    }

    func allocatePort(to item: InventoryItem, _ tx: Transaction) throws -> PortAllocation {
        for pool in try PortPool.order(PortPool.Columns.id).fetchAll(tx.db) {
            let live = Set(try Int.fetchAll(
                tx.db, sql: "SELECT port FROM port_allocation WHERE pool_id = ? AND released_at IS NULL",
                arguments: [pool.id]))
            guard let free = (pool.firstPort...pool.lastPort).first(where: { !live.contains($0) }) else { continue }
            let allocation = PortAllocation(
                id: try Store.nextID(of: PortAllocation.databaseTableName, in: tx.db), poolId: pool.id,
                switchName: pool.switchName, port: free, itemId: item.id, clientId: item.clientId,
                allocatedAt: tx.now, allocatedBy: tx.actor.name, releasedAt: nil, releasedBy: nil)
            try allocation.insert(tx.db)
            try tx.audit("ip.allocate_port", "inventory_item", key: item.number, after: allocation, clause: .Q3)
            return allocation
        }
        throw policy.refusal(
            Q3.poolExhausted, zh: "交换机端口已用完，请先添加端口", en: "no free switch port left; add switch ports")
    }

    /// Decommissioned equipment gives its addresses and ports back to the pools.
    func releaseAllocations(of item: InventoryItem, _ tx: Transaction) throws {
        for before in try IPAllocation.filter(IPAllocation.Columns.itemId == item.id && IPAllocation.Columns.releasedAt == nil)
            .fetchAll(tx.db)
        {
            var allocation = before
            allocation.releasedAt = tx.now
            allocation.releasedBy = tx.actor.name
            try allocation.update(tx.db)
            try tx.audit("ip.release", "inventory_item", key: item.number, before: before, after: allocation, clause: .Q3)
        }
        for before in try PortAllocation.filter(PortAllocation.Columns.itemId == item.id && PortAllocation.Columns.releasedAt == nil)
            .fetchAll(tx.db)
        {
            var allocation = before
            allocation.releasedAt = tx.now
            allocation.releasedBy = tx.actor.name
            try allocation.update(tx.db)
            try tx.audit("ip.release_port", "inventory_item", key: item.number, before: before, after: allocation,
                clause: .Q3)
        }
    }

    private func serverForAllocation(_ reference: String, _ tx: Transaction) throws -> (InventoryItem, Contract) {
        let item = try resolveItem(reference, tx.db)
        guard item.kind == .server, item.status == .onSite else {
            throw policy.refusal(
                Q3.server, zh: "只为在架的服务器分配 IP 和端口", en: "IPs and ports go to servers on site only")
        }
        return (item, try Contract.fetchOne(tx.db, key: item.contractId)!)
    }

    private func requireAllowance(_ held: Int, of allowed: Int, _ what: String, _ item: InventoryItem, _ tx: Transaction)
        throws
    {
        guard held < allowed else {
            throw policy.refusal(
                Q3.allowance, zh: "\(item.number) 已有 \(held) 个 \(what)，合同只允许每台 \(allowed) 个",
                en: "\(item.number) already has \(held) \(what)(s); its contract allows \(allowed) per server")
        }
    }
}
