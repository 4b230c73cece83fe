import Foundation
import GRDB

/// A hosted server with the addresses and ports it holds, what its contract allows (Q3), and
/// whether the asker may give it one more of each now.
public struct ServerAddressing: Sendable {
    public var view: InventoryView
    public var contractNumber: String
    public var allowedIPs: Int
    public var allowedPorts: Int
    public var mayAddIP: Bool
    public var mayAddPort: Bool
}

extension Equipment {
    /// Q3: every hosted server, with one IP and one port by default and more only where its
    /// contract says so; the admin is offered "one more" exactly while the contract allows it.
    public func addressing(by actor: Actor) throws -> [ServerAddressing] {
        let manages = actor.may(.manageIPPools)
        return try read(actor, .viewRegistry) { db in
            let contracts = Dictionary(uniqueKeysWithValues: try Contract.fetchAll(db).map { ($0.id, $0) })
            return try InventoryItem.order(InventoryItem.Columns.id).ownedBy(nil, visibleTo: actor)
                .filter(InventoryItem.Columns.kind == EquipmentKind.server.rawValue)
                .filter(InventoryItem.Columns.status != InventoryItem.Status.removed.rawValue)
                .fetchAll(db).map { item in
                    let view = try inventoryView(item, db)
                    let contract = contracts[item.contractId]
                    let ips = contract?.allowedIPsPerServer(policy) ?? policy.parameters.ipsPerServer
                    let ports = contract?.allowedPortsPerServer(policy) ?? policy.parameters.portsPerServer
                    return ServerAddressing(
                        view: view, contractNumber: contract?.number ?? "?", allowedIPs: ips, allowedPorts: ports,
                        mayAddIP: manages && view.addresses.count < ips, mayAddPort: manages && view.ports.count < ports)
                }
        }
    }
}
