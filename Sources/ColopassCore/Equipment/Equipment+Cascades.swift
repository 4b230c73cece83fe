import GRDB

extension Equipment {
    /// C9: a terminated contract cancels its pending work orders and open removal requests and
    /// voids unused exit slips, in the termination's transaction. Equipment already on site stays
    /// in the inventory with its addresses: it leaves on a new decommission request.
    func contractEnded(_ contract: Contract, in tx: Transaction) throws {
        let reason = "合同 \(contract.number) 终止 / contract \(contract.number) terminated"
        for before in try WorkOrder.filter(WorkOrder.Columns.contractId == contract.id).fetchAll(tx.db)
        where before.status.isPending {
            var order = before
            order.status = .cancelled
            order.cancelledAt = tx.now
            order.cancelReason = reason
            order.updatedAt = tx.now
            try order.update(tx.db)
            try tx.audit("workorder.cancel", "work_order", key: order.number, before: before, after: order, clause: .C9)
        }
        for before in try RemovalRequest.filter(RemovalRequest.Columns.contractId == contract.id).fetchAll(tx.db)
        where before.status.isOpen {
            try voidExitSlip(of: before, reason: reason, clause: .C9, tx)
            var request = before
            request.status = .cancelled
            request.cancelledAt = tx.now
            request.cancelReason = reason
            request.updatedAt = tx.now
            try request.update(tx.db)
            try tx.audit("removal.cancel", "removal_request", key: request.number, before: before, after: request,
                clause: .C9)
        }
    }
}
