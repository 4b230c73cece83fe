import Foundation
import GRDB

/// What accepting one arrival produced: the inventory item and, for a server, its IP and port.
public struct Acceptance: Sendable, Codable {
    public var item: InventoryItem
    public var addresses: [String]
    public var ports: [String]
    public var orderStatus: WorkOrder.Status
}

extension Equipment {
    /// Q2: room staff accept a unit against the order by the serial on its label. A serial that is
    /// not on the order is refused and recorded: the record is committed on its own (so the
    /// operator sees what was turned away) and the caller still gets the refusal, like any other.
    public func acceptItem(workOrder number: WorkOrderNumber, serial: String, by actor: Actor) throws -> Acceptance {
        let id = number.id
        let serial = try EquipmentInput.serial(serial)
        enum Outcome { case accepted(Acceptance), notOnOrder(WorkOrder) }
        let outcome = try perform(actor, .acceptEquipment, action: "workorder.accept") { tx -> Outcome in
            let order = try openForAcceptance(id, tx)
            let lines = try WorkOrderLine.filter(WorkOrderLine.Columns.workOrderId == order.id).fetchAll(tx.db)
            guard let line = lines.first(where: { $0.serial == serial }) else {
                _ = try recordRefusedArrival(order, serial: serial, description: "SN \(serial)", tx)
                return .notOnOrder(order)
            }
            return .accepted(try accept(line, quantity: 1, of: order, tx))
        }
        switch outcome {
        case .accepted(let acceptance):
            return acceptance
        case .notOnOrder(let order):
            throw policy.refusal(
                Q2.notOnOrder, zh: "序列号 \(serial) 不在工单 \(order.number) 上，拒绝进入并已登记",
                en: "serial \(serial) is not on work order \(order.number): refused and recorded")
        }
    }

    /// Q2: accepts a count of an unlabelled line (kind `other`); units beyond the order are refused.
    public func acceptLine(workOrder number: WorkOrderNumber, line lineNo: Int, quantity: Int, by actor: Actor) throws -> Acceptance {
        let id = number.id
        let quantity = try Validate.count(quantity, field: "quantity", atLeast: 1)
        return try perform(actor, .acceptEquipment, action: "workorder.accept") { tx in
            let order = try openForAcceptance(id, tx)
            let line = try fetchLine(order, lineNo, tx.db)
            guard line.serial == nil else {
                throw policy.refusal(
                    Q2.serial, zh: "有序列号的设备须按序列号验收", en: "a unit with a serial is accepted by its serial")
            }
            let remaining = line.quantity - line.acceptedQuantity
            guard quantity <= remaining else {
                throw policy.refusal(
                    Q2.notOnOrder, zh: "第 \(lineNo) 行只剩 \(remaining) 件待验收，多出的不得进入",
                    en: "line \(lineNo) expects \(remaining) more; anything beyond the order is refused")
            }
            return try accept(line, quantity: quantity, of: order, tx)
        }
    }

    /// The order is open for arrivals: issued, on a contract in force, its racking time come, and
    /// the person checking it is not the one who filed it (R2).
    func openForAcceptance(_ id: Int64, _ tx: Transaction) throws -> WorkOrder {
        let order = try fetchWorkOrder(id, tx.db)
        try requireNotFiler(order, tx)
        guard order.status == .issued || order.status == .accepting else {
            throw policy.refusal(
                Q2.state, zh: "工单 \(order.number) 不在验收阶段（\(order.status.rawValue)）",
                en: "work order \(order.number) is not open for acceptance (\(order.status.rawValue))")
        }
        guard tx.now >= order.plannedAt else {
            let planned = SiteTime.format(order.plannedAt, in: policy.site.timeZone)
            throw policy.refusal(
                Q1.tooEarly, zh: "计划上架时间 \(planned) 未到，不得提前上架",
                en: "racking is planned for \(planned); not before")
        }
        try requireContractInForce(try Contract.fetchOne(tx.db, key: order.contractId)!, for: order.plannedAt, tx)
        return order
    }

    private func accept(_ before: WorkOrderLine, quantity: Int, of order: WorkOrder, _ tx: Transaction) throws
        -> Acceptance
    {
        guard before.status == .pending else {
            throw policy.refusal(
                Q2.state, zh: "第 \(before.lineNo) 行已处理（\(before.status.rawValue)）",
                en: "line \(before.lineNo) is already settled (\(before.status.rawValue))")
        }
        let contract = try Contract.fetchOne(tx.db, key: order.contractId)!
        if before.kind == .server { try requireQuota(contract, adding: 1, tx) }
        if let serial = before.serial { try requireSerialFree(serial, onOrder: [], tx) }
        let id = try Store.nextID(of: InventoryItem.databaseTableName, in: tx.db)
        let item = InventoryItem(
            id: id, number: EquipmentNumber.make(EquipmentNumber.item, id), clientId: order.clientId,
            contractId: order.contractId, workOrderId: order.id, lineId: before.id, kind: before.kind,
            brand: before.brand, model: before.model, serial: before.serial, quantity: quantity, rack: before.rack,
            uPosition: before.uPosition, status: .onSite, acceptedAt: tx.now, acceptedBy: tx.actor.name,
            removedAt: nil, updatedAt: tx.now)
        try item.insert(tx.db)
        var line = before
        line.acceptedQuantity += quantity
        if line.acceptedQuantity == line.quantity { settleLine(&line, as: .accepted, reason: nil, tx) }
        try line.update(tx.db)
        try tx.audit("workorder.accept", "inventory_item", key: item.number, after: item, clause: .Q2)
        let (addresses, ports) = item.kind == .server ? try allocateDefaults(to: item, contract, tx) : ([], [])
        let status = try settleOrder(order, tx)
        return Acceptance(item: item, addresses: addresses, ports: ports, orderStatus: status)
    }

    /// Writes a refused arrival as a change of its own. Its audit record carries the refusal's
    /// outcome and clause, so the log reads "refused", not "done".
    func recordRefusedArrival(_ order: WorkOrder, serial: String?, description: String, _ tx: Transaction) throws
        -> RefusedArrival
    {
        let arrival = RefusedArrival(
            id: try Store.nextID(of: RefusedArrival.databaseTableName, in: tx.db), workOrderId: order.id,
            serial: serial, description: description, clause: Q2.notOnOrder.code, recordedAt: tx.now,
            recordedBy: tx.actor.name)
        try arrival.insert(tx.db)
        try AuditLog.append(
            AuditLog.Entry(
                action: "workorder.refuse_arrival", entity: "work_order", entityKey: order.number,
                after: AuditImage.of(arrival), clause: arrival.clause, outcome: .refused),
            actor: tx.actor, at: tx.now, in: tx.db)
        return arrival
    }
}
