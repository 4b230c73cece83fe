import GRDB

extension AuditTrail {
    /// Walks the whole chain; names the first record that does not match.
    public func verifyAudit(by actor: Actor) throws -> (checked: Int, firstBreak: AuditLog.Break?) {
        try read(actor, .viewAudit) { db in try AuditLog.verify(db) }
    }

    public func auditRecords(
        entity: String? = nil, key: String? = nil, limit: Int = 100, by actor: Actor
    ) throws -> [AuditRecord] {
        try read(actor, .viewAudit) { db in
            var request = AuditRecord.order(AuditRecord.Columns.seq.desc).limit(limit)
            if let entity { request = request.filter(AuditRecord.Columns.entity == entity) }
            if let key { request = request.filter(AuditRecord.Columns.entityKey == key) }
            return try request.fetchAll(db).reversed()
        }
    }
}
