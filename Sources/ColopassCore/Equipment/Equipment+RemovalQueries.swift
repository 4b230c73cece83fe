import Foundation
import GRDB

/// A removal request with its items, its movers (ID numbers masked) and its exit slip if any.
public struct RemovalView: Sendable, Codable {
    public var request: RemovalRequest
    public var clientName: String
    public var items: [RemovalItem]
    public var movers: [RemovalMover]
    public var exitSlip: ExitSlip?
}

extension Equipment {
    public func removals(clientId: Int64? = nil, by actor: Actor) throws -> [RemovalView] {
        try read(actor, .viewRegistry) { db in
            try RemovalRequest.order(RemovalRequest.Columns.id).ownedBy(clientId, visibleTo: actor).fetchAll(db)
                .map { try removalView($0, db) }
        }
    }

    public func removal(_ number: RemovalNumber, by actor: Actor) throws -> RemovalView {
        let id = number.id
        let view = try read(actor, .viewRegistry) { db in try removalView(try fetchRemoval(id, db), db) }
        try requireOwnClient(actor, view.request.clientId)
        return view
    }

    func removalView(_ request: RemovalRequest, _ db: Database) throws -> RemovalView {
        RemovalView(
            request: request, clientName: try Registry.fetchClient(request.clientId, db).name,
            items: try removalItems(request, db),
            movers: try RemovalMover.filter(RemovalMover.Columns.requestId == request.id).order(RemovalMover.Columns.id).fetchAll(db)
                .map(\.masked),
            exitSlip: try ExitSlip.filter(ExitSlip.Columns.requestId == request.id).fetchOne(db))
    }

    func removalItems(_ request: RemovalRequest, _ db: Database) throws -> [RemovalItem] {
        try RemovalItem.filter(RemovalItem.Columns.requestId == request.id).order(RemovalItem.Columns.id).fetchAll(db)
    }

    func fetchRemoval(_ id: Int64, _ db: Database) throws -> RemovalRequest {
        guard let request = try RemovalRequest.fetchOne(db, key: id) else {
            throw CoreError.notFound(entity: "removal request", key: EquipmentNumber.make(EquipmentNumber.removal, id))
        }
        return request
    }
}
