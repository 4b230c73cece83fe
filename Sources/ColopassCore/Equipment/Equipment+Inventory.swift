import Foundation
import GRDB

/// A work order with its lines and what was turned away against it.
public struct WorkOrderView: Sendable, Codable {
    public var order: WorkOrder
    public var clientName: String
    public var contractNumber: String
    public var lines: [WorkOrderLine]
    public var refusedArrivals: [RefusedArrival]
}

/// An inventory item with whose it is and the addresses and ports it holds now.
public struct InventoryView: Sendable, Codable {
    public var item: InventoryItem
    public var clientName: String
    public var addresses: [String]
    public var ports: [String]
}

/// Reads. A client user sees its own client's records only (R3).
extension Equipment {
    public func workOrders(clientId: Int64? = nil, by actor: Actor) throws -> [WorkOrderView] {
        try read(actor, .viewRegistry) { db in
            try WorkOrder.order(WorkOrder.Columns.id).ownedBy(clientId, visibleTo: actor).fetchAll(db)
                .map { try workOrderView($0, db) }
        }
    }

    public func workOrder(_ number: WorkOrderNumber, by actor: Actor) throws -> WorkOrderView {
        let id = number.id
        let view = try read(actor, .viewRegistry) { db in try workOrderView(try fetchWorkOrder(id, db), db) }
        try requireOwnClient(actor, view.order.clientId)
        return view
    }

    public func inventory(clientId: Int64? = nil, includeRemoved: Bool = false, by actor: Actor) throws
        -> [InventoryView]
    {
        try read(actor, .viewRegistry) { db in
            var request = InventoryItem.order(InventoryItem.Columns.id).ownedBy(clientId, visibleTo: actor)
            if !includeRemoved { request = request.filter(InventoryItem.Columns.status != InventoryItem.Status.removed.rawValue) }
            return try request.fetchAll(db).map { try inventoryView($0, db) }
        }
    }

    /// Live address allocations: which client's server uses which IP (S3).
    public func addressAllocations(clientId: Int64? = nil, by actor: Actor) throws -> [IPAllocation] {
        try read(actor, .viewRegistry) { db in
            try IPAllocation.filter(IPAllocation.Columns.releasedAt == nil).order(IPAllocation.Columns.addressValue)
                .ownedBy(clientId, visibleTo: actor).fetchAll(db)
        }
    }

    func workOrderView(_ order: WorkOrder, _ db: Database) throws -> WorkOrderView {
        WorkOrderView(
            order: order, clientName: try Registry.fetchClient(order.clientId, db).name,
            contractNumber: try Contract.fetchOne(db, key: order.contractId)?.number ?? "?",
            lines: try WorkOrderLine.filter(WorkOrderLine.Columns.workOrderId == order.id).order(WorkOrderLine.Columns.lineNo).fetchAll(db),
            refusedArrivals: try RefusedArrival.filter(RefusedArrival.Columns.workOrderId == order.id).order(RefusedArrival.Columns.id)
                .fetchAll(db))
    }

    func inventoryView(_ item: InventoryItem, _ db: Database) throws -> InventoryView {
        InventoryView(
            item: item, clientName: try Registry.fetchClient(item.clientId, db).name,
            addresses: try IPAllocation.filter(IPAllocation.Columns.itemId == item.id && IPAllocation.Columns.releasedAt == nil)
                .order(IPAllocation.Columns.addressValue).fetchAll(db).map(\.address),
            ports: try PortAllocation.filter(PortAllocation.Columns.itemId == item.id && PortAllocation.Columns.releasedAt == nil)
                .order(PortAllocation.Columns.id).fetchAll(db).map(\.label))
    }

    /// An item by its number (`EQ-000012`) or by its serial; a serial finds the unit hosted now
    /// before any earlier one that was removed.
    func resolveItem(_ reference: String, _ db: Database) throws -> InventoryItem {
        let text = reference.trimmingCharacters(in: .whitespaces).uppercased()
        if text.hasPrefix(EquipmentNumber.item + "-"),
            let id = try? EquipmentNumber.parse(text, prefix: EquipmentNumber.item, field: "item"),
            let item = try InventoryItem.fetchOne(db, key: id)
        {
            return item
        }
        let serial = try EquipmentInput.serial(text, field: "item")
        let units = try InventoryItem.filter(InventoryItem.Columns.serial == serial).order(InventoryItem.Columns.id.desc).fetchAll(db)
        guard let item = units.first(where: { $0.status.isHosted }) ?? units.first else {
            throw CoreError.notFound(entity: "inventory item", key: reference)
        }
        return item
    }
}

extension QueryInterfaceRequest {
    /// Narrows to one client: the one asked for, and always the client user's own.
    func ownedBy(_ clientId: Int64?, visibleTo actor: Actor) -> Self {
        var request = self
        if let clientId { request = request.filter(Column("client_id") == clientId) }
        if actor.role == .clientUser { request = request.filter(Column("client_id") == actor.clientId) }
        return request
    }
}
