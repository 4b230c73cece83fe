import Foundation
import GRDB

/// A request as a client or an operator follows it: its state now ("closed" once the window is
/// over), its people and its passes, ID numbers masked.
public struct VisitRequestView: Sendable, Codable, Equatable {
    public var request: VisitRequest
    public var clientName: String
    public var status: String
    public var visitors: [VisitVisitor]
    public var passes: [PassView<TemporaryPassKind>]
}

extension Passes {
    /// Requests, newest first; a client user sees its own client's only (R3).
    public func visitRequests(
        clientId: Int64? = nil, status: VisitRequest.Status? = nil, by actor: Actor
    ) throws -> [VisitRequestView] {
        try read(actor, .viewRegistry) { db in
            var request = VisitRequest.order(VisitRequest.Columns.id.desc)
            if let clientId { request = request.filter(VisitRequest.Columns.clientId == clientId) }
            if let status { request = request.filter(VisitRequest.Columns.status == status.rawValue) }
            if actor.role == .clientUser { request = request.filter(VisitRequest.Columns.clientId == actor.clientId) }
            let now = clock.now()
            return try request.fetchAll(db).map { try self.visitView($0, db, at: now) }
        }
    }

    public func visitRequest(_ id: Int64, by actor: Actor) throws -> VisitRequestView {
        let view = try read(actor, .viewRegistry) { db in
            try self.visitView(try Self.fetchVisitRequest(id, db), db, at: clock.now())
        }
        try requireOwnClient(actor, view.request.clientId)
        return view
    }

    func visitView(_ request: VisitRequest, _ db: Database, at now: Date) throws -> VisitRequestView {
        VisitRequestView(
            request: request, clientName: try Registry.fetchClient(request.clientId, db).name,
            status: request.statusLabel(at: now), visitors: try Self.visitors(of: request.id, db).map(\.masked),
            passes: try Self.passes(TemporaryPassKind.self, of: request.id, db).map { PassView($0, at: now) })
    }

    static func fetchVisitRequest(_ id: Int64, _ db: Database) throws -> VisitRequest {
        guard let request = try VisitRequest.fetchOne(db, key: id) else {
            throw CoreError.notFound(entity: "visit request", key: String(id))
        }
        return request
    }

    static func visitors(of requestId: Int64, _ db: Database) throws -> [VisitVisitor] {
        try VisitVisitor.filter(VisitVisitor.Columns.requestId == requestId).order(VisitVisitor.Columns.id).fetchAll(db)
    }
}
