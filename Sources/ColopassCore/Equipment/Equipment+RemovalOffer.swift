import Foundation
import GRDB

extension Equipment {
    /// What a removal form may offer a client: its equipment on site that no open removal
    /// request (filed, checked or approved) already holds, so a form never offers what filing
    /// would refuse (Q4/Q5 `alreadyRequested`).
    public func removableItems(clientId: Int64, by actor: Actor) throws -> [InventoryView] {
        try requireOwnClient(actor, clientId)
        return try read(actor, .viewRegistry) { db in
            let open = RemovalRequest.Status.allCases.filter(\.isOpen).map(\.rawValue)
            let held = Set(
                try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT removal_item.item_id FROM removal_item
                        JOIN removal_request ON removal_request.id = removal_item.request_id
                        WHERE removal_request.client_id = ? AND removal_request.status IN (\(open.map { "'\($0)'" }.joined(separator: ",")))
                        """, arguments: [clientId]))
            return try InventoryItem.order(InventoryItem.Columns.id).ownedBy(clientId, visibleTo: actor)
                .filter(InventoryItem.Columns.status == InventoryItem.Status.onSite.rawValue)
                .fetchAll(db).filter { !held.contains($0.id) }.map { try inventoryView($0, db) }
        }
    }
}
