import Foundation
import GRDB

extension Equipment {
    /// Q5: equipment that left for repair is racked again, checked by serial against the request.
    public func returnFromRepair(_ number: RemovalNumber, items references: [String], by actor: Actor) throws -> RemovalView {
        guard !references.isEmpty else {
            throw CoreError.invalid("items", zh: "至少列出一件设备", en: "list at least one item")
        }
        let references = try references.map { try EquipmentInput.serial($0, field: "items") }
        return try changeRemoval(number, by: actor, permission: .acceptEquipment, action: "removal.return") {
            tx, request in
            guard request.kind == .repair, request.status == .exited else { throw removalStateRefusal(request) }
            guard tx.actor.name != request.filedBy else {
                throw policy.refusal(R2.ownRequest, zh: "不能验收自己提交的申请", en: "no one accepts back a request they filed")
            }
            let listed = try removalItems(request, tx.db)
            for reference in references {
                let found = try? resolveItem(reference, tx.db)
                guard let item = found, listed.contains(where: { $0.itemId == item.id }), item.status == .outForRepair
                else {
                    throw policy.refusal(
                        Q5.notOnRequest, zh: "\(reference) 不是此申请搬出检修的设备",
                        en: "\(reference) is not equipment that left for repair on this request")
                }
                try moveItem(item, to: .onSite, action: "inventory.return", clause: .Q5, tx)
            }
            let away = try InventoryItem.filter(
                listed.map(\.itemId).contains(InventoryItem.Columns.id) && InventoryItem.Columns.status == "out_for_repair"
            ).fetchCount(tx.db)
            if away == 0 {
                request.status = .returned
                request.returnedAt = tx.now
            }
        }
    }
}
