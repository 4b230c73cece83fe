import Foundation
import GRDB

public struct NewWorkOrderItem: Sendable {
    public var kind: EquipmentKind
    public var brand: String
    public var model: String
    public var serial: String?
    public var quantity: Int
    public var rack: String
    public var uPosition: Int

    public init(
        kind: EquipmentKind, brand: String, model: String, serial: String?, quantity: Int = 1, rack: String,
        uPosition: Int
    ) {
        self.kind = kind
        self.brand = brand
        self.model = model
        self.serial = serial
        self.quantity = quantity
        self.rack = rack
        self.uPosition = uPosition
    }
}

extension Equipment {
    /// Q1: a draft work order on the client's contract in force, for a racking time inside its term.
    public func createWorkOrder(
        contract number: String, plannedAt: Date, note: String? = nil, by actor: Actor
    ) throws -> WorkOrder {
        let note = try note.map { try Validate.name($0, field: "note", max: 500) }
        return try perform(actor, .fileWorkOrder, action: "workorder.create") { tx in
            let contract = try Registry.fetchContract(number, tx.db)
            try tx.requireOwnClient(contract.clientId)
            try requireContractInForce(contract, for: plannedAt, tx)
            let id = try Store.nextID(of: WorkOrder.databaseTableName, in: tx.db)
            let order = WorkOrder(
                id: id, number: EquipmentNumber.make(EquipmentNumber.workOrder, id), clientId: contract.clientId,
                contractId: contract.id, plannedAt: plannedAt, status: .draft, note: note, createdAt: tx.now,
                createdBy: tx.actor.name, issuedAt: nil, issuedBy: nil, closedAt: nil, cancelledAt: nil,
                cancelReason: nil, updatedAt: tx.now)
            try order.insert(tx.db)
            try tx.audit("workorder.create", "work_order", key: order.number, after: order, clause: .Q1)
            return order
        }
    }

    /// Adds a line to a draft: the rack must be one of the contract's, a serial appears once and
    /// is not already hosted, and the servers stay within the contract's quota.
    public func addWorkOrderItem(
        _ number: WorkOrderNumber, _ input: NewWorkOrderItem, by actor: Actor
    ) throws -> WorkOrderLine {
        let id = number.id
        let brand = try Validate.name(input.brand, field: "brand", max: 60)
        let model = try Validate.name(input.model, field: "model", max: 60)
        let serial = try input.serial.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            .map { try EquipmentInput.serial($0) }
        let rack = try Validate.code(input.rack, field: "rack")
        let unit = try EquipmentInput.unit(input.uPosition)
        let quantity = try Validate.count(input.quantity, field: "quantity", atLeast: 1)
        if input.kind.needsSerial, serial == nil {
            throw CoreError.invalid(
                "serial", zh: "\(input.kind.title.zh)须填写序列号", en: "a \(input.kind.title.en) needs its serial")
        }
        if serial != nil, quantity != 1 {
            throw CoreError.invalid(
                "quantity", zh: "有序列号的设备每行数量为 1", en: "a line with a serial is one unit (quantity 1)")
        }
        return try perform(actor, .fileWorkOrder, action: "workorder.add_item") { tx in
            let order = try fetchWorkOrder(id, tx.db)
            try tx.requireOwnClient(order.clientId)
            guard order.status == .draft else {
                throw policy.refusal(
                    Q1.state, zh: "只能向草稿工单添加设备（当前：\(order.status.rawValue)）",
                    en: "items are added to a draft order only (now \(order.status.rawValue))")
            }
            let contract = try Contract.fetchOne(tx.db, key: order.contractId)!
            guard contract.rackList.contains(rack) else {
                throw policy.refusal(
                    Q1.rack, zh: "机柜 \(rack) 不属于合同 \(contract.number)（\(contract.racks)）",
                    en: "rack \(rack) is not on contract \(contract.number) (\(contract.racks))")
            }
            let lines = try WorkOrderLine.filter(WorkOrderLine.Columns.workOrderId == order.id).fetchAll(tx.db)
            if let serial { try requireSerialFree(serial, onOrder: lines, tx) }
            if input.kind == .server {
                let planned = lines.filter { $0.kind == .server }.count
                try requireQuota(contract, adding: planned + 1, tx)
            }
            let line = WorkOrderLine(
                id: try Store.nextID(of: WorkOrderLine.databaseTableName, in: tx.db), workOrderId: order.id,
                lineNo: (lines.map(\.lineNo).max() ?? 0) + 1, kind: input.kind, brand: brand, model: model,
                serial: serial, quantity: quantity, rack: rack, uPosition: unit, status: .pending, acceptedQuantity: 0,
                reason: nil, settledAt: nil, settledBy: nil)
            try line.insert(tx.db)
            try touchWorkOrder(order, tx)
            try tx.audit("workorder.add_item", "work_order", key: order.number, after: line, clause: .Q1)
            return line
        }
    }

    /// Q1: the order reaches the room at least the policy's lead time before racking.
    public func issueWorkOrder(_ number: WorkOrderNumber, by actor: Actor) throws -> WorkOrder {
        try changeWorkOrder(number, by: actor, permission: .fileWorkOrder, action: "workorder.issue") { tx, order in
            guard order.status == .draft else {
                throw policy.refusal(
                    Q1.state, zh: "工单已下达或已结束", en: "the order was already issued or has ended")
            }
            guard try WorkOrderLine.filter(WorkOrderLine.Columns.workOrderId == order.id).fetchCount(tx.db) > 0 else {
                throw policy.refusal(Q1.empty, zh: "工单没有设备", en: "the order lists no equipment")
            }
            try requireContractInForce(try Contract.fetchOne(tx.db, key: order.contractId)!, for: order.plannedAt, tx)
            let lead = policy.parameters.workOrderLeadHours
            guard order.plannedAt.timeIntervalSince(tx.now) >= TimeInterval(lead) * 3600 else {
                let planned = SiteTime.format(order.plannedAt, in: policy.site.timeZone)
                throw policy.refusal(
                    Q1.leadTime, zh: "开工单须在上架前至少 \(lead) 小时下达（计划上架 \(planned)）",
                    en: "a work order is issued at least \(lead) h before racking (planned \(planned))")
            }
            order.status = .issued
            order.issuedAt = tx.now
            order.issuedBy = tx.actor.name
        }
    }

    /// Withdraws an order that nothing was accepted on yet.
    public func cancelWorkOrder(_ number: WorkOrderNumber, reason: String, by actor: Actor) throws -> WorkOrder {
        let reason = try EquipmentInput.reason(reason)
        return try changeWorkOrder(number, by: actor, permission: .fileWorkOrder, action: "workorder.cancel") {
            tx, order in
            guard order.status == .draft || order.status == .issued else {
                throw policy.refusal(
                    Q1.state, zh: "只能撤销尚未验收的工单", en: "only an order with nothing accepted yet can be cancelled")
            }
            order.status = .cancelled
            order.cancelledAt = tx.now
            order.cancelReason = reason
        }
    }
}
