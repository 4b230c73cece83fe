import Foundation
import GRDB

/// The checks work orders and acceptance share, and the one way an order is changed.
extension Equipment {
    /// Q1: equipment comes in on a contract in force today, for a racking time inside its term.
    func requireContractInForce(_ contract: Contract, for plannedAt: Date, _ tx: Transaction) throws {
        guard contract.isInForce(on: tx.today) else {
            throw policy.refusal(
                Q1.contract, zh: "合同 \(contract.number) 未生效或已终止", en: "contract \(contract.number) is not in force")
        }
        let day = Day(plannedAt, in: policy.site.timeZone)
        guard contract.startsOn <= day, day <= contract.endsOn else {
            throw policy.refusal(
                Q1.contract, zh: "计划上架日 \(day) 不在合同期限 \(contract.startsOn)…\(contract.endsOn) 内",
                en: "racking on \(day) falls outside the contract term \(contract.startsOn)…\(contract.endsOn)")
        }
    }

    /// Q2: the contract's server quota counts every server still hosted (on site or out for
    /// repair, since that one comes back) plus `adding`.
    func requireQuota(_ contract: Contract, adding: Int, _ tx: Transaction) throws {
        let hosted = try InventoryItem.filter(
            InventoryItem.Columns.contractId == contract.id && InventoryItem.Columns.kind == EquipmentKind.server.rawValue
                && InventoryItem.Columns.status != InventoryItem.Status.removed.rawValue
        ).fetchCount(tx.db)
        guard hosted + adding <= contract.serverQuota else {
            throw policy.refusal(
                Q2.quota, zh: "合同 \(contract.number) 服务器配额为 \(contract.serverQuota) 台，已托管 \(hosted) 台",
                en: "contract \(contract.number) allows \(contract.serverQuota) server(s); \(hosted) already hosted")
        }
    }

    /// Q2: a serial names one box, so it appears once on an order and is hosted at most once.
    func requireSerialFree(_ serial: String, onOrder lines: [WorkOrderLine], _ tx: Transaction) throws {
        let hosted = try InventoryItem.filter(
            InventoryItem.Columns.serial == serial && InventoryItem.Columns.status != InventoryItem.Status.removed.rawValue
        ).fetchOne(tx.db)
        guard !lines.contains(where: { $0.serial == serial }), hosted == nil else {
            throw policy.refusal(
                Q2.duplicateSerial, zh: "序列号 \(serial) 已在工单上或已在架",
                en: "serial \(serial) is already on the order or already hosted")
        }
    }

    /// R2: room staff do not accept an order they wrote or issued themselves.
    func requireNotFiler(_ order: WorkOrder, _ tx: Transaction) throws {
        guard tx.actor.name != order.createdBy, tx.actor.name != order.issuedBy else {
            throw policy.refusal(
                R2.ownRequest, zh: "不能验收自己填写或下达的工单", en: "no one accepts a work order they filed or issued")
        }
    }

    func fetchWorkOrder(_ id: Int64, _ db: Database) throws -> WorkOrder {
        guard let order = try WorkOrder.fetchOne(db, key: id) else {
            throw CoreError.notFound(entity: "work order", key: EquipmentNumber.make(EquipmentNumber.workOrder, id))
        }
        return order
    }

    /// Stamps a change to the order's lines on the order itself.
    func touchWorkOrder(_ order: WorkOrder, _ tx: Transaction) throws {
        var touched = order
        touched.updatedAt = tx.now
        try touched.update(tx.db)
    }

    func changeWorkOrder(
        _ number: WorkOrderNumber, by actor: Actor, permission: Permission, action: String, clause: ClauseID = .Q1,
        _ change: (Transaction, inout WorkOrder) throws -> Void
    ) throws -> WorkOrder {
        let id = number.id
        return try perform(actor, permission, action: action) { tx in
            let before = try fetchWorkOrder(id, tx.db)
            try tx.requireOwnClient(before.clientId)
            var order = before
            try change(tx, &order)
            order.updatedAt = tx.now
            try order.update(tx.db)
            try tx.audit(action, "work_order", key: order.number, before: before, after: order, clause: clause)
            return order
        }
    }

    func fetchLine(_ order: WorkOrder, _ lineNo: Int, _ db: Database) throws -> WorkOrderLine {
        guard let line = try WorkOrderLine.filter(WorkOrderLine.Columns.workOrderId == order.id && WorkOrderLine.Columns.lineNo == lineNo)
            .fetchOne(db)
        else { throw CoreError.notFound(entity: "work order line", key: "\(order.number)#\(lineNo)") }
        return line
    }

    func settleLine(_ line: inout WorkOrderLine, as status: WorkOrderLine.Status, reason: String?, _ tx: Transaction) {
        line.status = status
        line.reason = reason
        line.settledAt = tx.now
        line.settledBy = tx.actor.name
    }

    /// The order closes by itself once every line is accepted, refused or short.
    @discardableResult
    func settleOrder(_ before: WorkOrder, _ tx: Transaction) throws -> WorkOrder.Status {
        let pending = try WorkOrderLine.filter(
            WorkOrderLine.Columns.workOrderId == before.id && WorkOrderLine.Columns.status == WorkOrderLine.Status.pending.rawValue
        ).fetchCount(tx.db)
        var order = before
        order.status = pending == 0 ? .closed : .accepting
        order.closedAt = pending == 0 ? tx.now : nil
        order.updatedAt = tx.now
        try order.update(tx.db)
        if order.status != before.status {
            try tx.audit("workorder.\(order.status.rawValue)", "work_order", key: order.number, before: before,
                after: order, clause: .Q2)
        }
        return order.status
    }
}
