import Foundation
import GRDB

/// What room staff turn away at the door, and the end of a delivery (Q2).
extension Equipment {
    /// A unit that arrives with a serial: refused against its line if the order lists it (wrong
    /// model, damage, packaging not removed…), else recorded as an arrival not on the order.
    public func refuseItem(workOrder number: WorkOrderNumber, serial: String, reason: String, by actor: Actor) throws
        -> WorkOrderView
    {
        let serial = try EquipmentInput.serial(serial)
        return try refuse(number, action: "workorder.refuse", reason: reason, by: actor) { order, reason, tx in
            let lines = try WorkOrderLine.filter(WorkOrderLine.Columns.workOrderId == order.id).fetchAll(tx.db)
            if let line = lines.first(where: { $0.serial == serial }) {
                try refuse(line, reason: reason, order, tx)
            } else {
                _ = try recordRefusedArrival(order, serial: serial, description: "SN \(serial): \(reason)", tx)
            }
        }
    }

    /// Refuses what is left of a listed line (for unlabelled parts, or a line refused as a whole).
    public func refuseLine(workOrder number: WorkOrderNumber, line lineNo: Int, reason: String, by actor: Actor) throws
        -> WorkOrderView
    {
        try refuse(number, action: "workorder.refuse", reason: reason, by: actor) { order, reason, tx in
            try refuse(try fetchLine(order, lineNo, tx.db), reason: reason, order, tx)
        }
    }

    /// Records something unlabelled that is not on the order at all (Q2: refused, kept on record).
    public func refuseArrival(workOrder number: WorkOrderNumber, description: String, by actor: Actor) throws -> WorkOrderView {
        try refuse(number, action: "workorder.refuse_arrival", reason: description, by: actor) { order, text, tx in
            _ = try recordRefusedArrival(order, serial: nil, description: text, tx)
        }
    }

    /// Delivery is over: every line still expected is recorded short, and the order closes.
    public func closeWorkOrder(_ number: WorkOrderNumber, by actor: Actor) throws -> WorkOrderView {
        let id = number.id
        return try perform(actor, .acceptEquipment, action: "workorder.close") { tx in
            let order = try openForAcceptance(id, tx)
            let pending = try WorkOrderLine.filter(
                WorkOrderLine.Columns.workOrderId == order.id && WorkOrderLine.Columns.status == WorkOrderLine.Status.pending.rawValue
            ).fetchAll(tx.db)
            for before in pending {
                var line = before
                let missing = line.quantity - line.acceptedQuantity
                settleLine(&line, as: .short, reason: "短缺 \(missing) / short by \(missing)", tx)
                try line.update(tx.db)
                try tx.audit("workorder.short", "work_order", key: order.number, before: before, after: line, clause: .Q2)
            }
            try settleOrder(order, tx)
            return try workOrderView(try fetchWorkOrder(id, tx.db), tx.db)
        }
    }

    private func refuse(
        _ number: WorkOrderNumber, action: String, reason: String, by actor: Actor,
        _ body: (WorkOrder, String, Transaction) throws -> Void
    ) throws -> WorkOrderView {
        let id = number.id
        let reason = try EquipmentInput.reason(reason)
        return try perform(actor, .acceptEquipment, action: action) { tx in
            let order = try openForAcceptance(id, tx)
            try body(order, reason, tx)
            try settleOrder(try fetchWorkOrder(id, tx.db), tx)
            return try workOrderView(try fetchWorkOrder(id, tx.db), tx.db)
        }
    }

    private func refuse(_ before: WorkOrderLine, reason: String, _ order: WorkOrder, _ tx: Transaction) throws {
        guard before.status == .pending else {
            throw policy.refusal(
                Q2.state, zh: "第 \(before.lineNo) 行已处理（\(before.status.rawValue)）",
                en: "line \(before.lineNo) is already settled (\(before.status.rawValue))")
        }
        var line = before
        settleLine(&line, as: .refused, reason: reason, tx)
        try line.update(tx.db)
        try tx.audit("workorder.refuse", "work_order", key: order.number, before: before, after: line, clause: .Q2)
    }
}
