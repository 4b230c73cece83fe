import Foundation
import GRDB

extension Passes {
    /// C9: a terminated contract revokes its client's open temporary and emergency passes and
    /// closes their pending requests, in the termination's transaction.
    func contractEnded(_ contract: Contract, in tx: Transaction) throws {
        let reason = "contract \(contract.number) terminated"
        let requests = try VisitRequest.filter(
            VisitRequest.Columns.contractId == contract.id
                && [VisitRequest.Status.filed.rawValue, VisitRequest.Status.approved.rawValue].contains(
                    VisitRequest.Columns.status)
        ).fetchAll(tx.db)
        for request in requests where request.status == .filed || tx.now < request.windowEnd {
            _ = try endVisitRequest(
                request, as: .cancelled, reason: reason, action: "visit.cancel", clause: .C9, in: tx)
        }
        for pass in try TemporaryPass.filter(PassColumns.contractId == contract.id).fetchAll(tx.db)
        where pass.isOpen(at: tx.now) {
            try revokePass(pass, reason: reason, clause: .C9, in: tx)
        }
        // Emergency passes hang on no contract, but an emergency is no way around the end of the
        // client's last one. (The terminated contract is not yet written back: exclude it by id.)
        let othersInForce = try Contract.filter(
            Contract.Columns.clientId == contract.clientId && Contract.Columns.id != contract.id
                && Contract.Columns.status == Contract.Status.active.rawValue
        ).fetchAll(tx.db).contains { $0.isInForce(on: tx.today) }
        guard !othersInForce else { return }
        for pass in try EmergencyPass.filter(PassColumns.clientId == contract.clientId).fetchAll(tx.db)
        where pass.isOpen(at: tx.now) {
            try revokePass(pass, reason: reason, clause: .C9, in: tx)
        }
    }
}
