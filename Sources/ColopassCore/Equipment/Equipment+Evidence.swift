import Foundation
import GRDB

/// Q4, Q5: a removal's sealed application and its movers' ID copies, opened by the desk deciding
/// it or by the client who filed it; each opening audited.
extension Equipment {
    /// `scan` for the application; `mover-1`, `mover-2`… for each mover's ID copy.
    public func removalDocument(_ number: RemovalNumber, _ which: String, by actor: Actor) throws -> Evidence {
        try showDocument(which, entity: "removal_request", key: number.description, permission: .fileRemoval, by: actor) { db in
            let view = try removalView(try fetchRemoval(number.id, db), db)
            if which == "scan" { return (view.request.applicationScan, view.request.clientId) }
            guard which.hasPrefix("mover-"), let index = Int(which.dropFirst(6)), index >= 1, index <= view.movers.count else {
                throw CoreError.notFound(entity: "removal document", key: which)
            }
            return (view.movers[index - 1].idCopy, view.request.clientId)
        }
    }
}
