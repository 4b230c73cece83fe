import Foundation
import GRDB

extension Registry {
    /// Puts a client's document in the desk's queue, in the caller's transaction. An earlier one
    /// of the same kind still waiting is superseded: the desk decides on the newest only.
    func submitForReview(
        _ sha256: String, kind: DocumentReview.Kind, person: Person, in tx: Transaction
    ) throws -> DocumentReview {
        try tx.db.execute(
            sql: "UPDATE document_review SET status = 'superseded' WHERE person_id = ? AND kind = ? AND status = 'pending'",
            arguments: [person.id, kind.rawValue])
        let review = DocumentReview(
            id: try Store.nextID(of: DocumentReview.databaseTableName, in: tx.db), personId: person.id, kind: kind,
            sha256: sha256, status: .pending, submittedBy: tx.actor.name, submittedAt: tx.now)
        try review.insert(tx.db)
        try tx.audit("document.submit", "document_review", key: String(review.id), after: review, clause: .C1)
        return review
    }

    /// The desk's queue (status nil: every review), oldest first; a client user sees its own.
    public func documentReviews(status: DocumentReview.Status? = .pending, by actor: Actor) throws
        -> [DocumentReviewView]
    {
        try read(actor, .viewRegistry) { db in
            var request = DocumentReview.order(DocumentReview.Columns.id)
            if let status { request = request.filter(DocumentReview.Columns.status == status.rawValue) }
            return try request.fetchAll(db).compactMap { review -> DocumentReviewView? in
                let person = try Self.fetchPerson(review.personId, db)
                if actor.role == .clientUser, person.clientId != actor.clientId { return nil }
                return DocumentReviewView(
                    review: review, personName: person.name, clientId: person.clientId,
                    current: person.approved(review.kind))
            }
        }
    }

    /// One review with its document's bytes, for the desk to look at before deciding.
    public func documentUnderReview(_ id: Int64, by actor: Actor) throws -> (view: DocumentReviewView, path: String) {
        let view = try read(actor, .viewRegistry) { db in
            let review = try Self.fetchReview(id, db)
            let person = try Self.fetchPerson(review.personId, db)
            return DocumentReviewView(
                review: review, personName: person.name, clientId: person.clientId, current: person.approved(review.kind))
        }
        try requireOwnClient(actor, view.clientId)
        return (view, documents.path(of: view.review.sha256))
    }

    /// C1: the desk accepts the document; from now on badges and gates use it.
    public func approveDocument(_ id: Int64, by actor: Actor) throws -> DocumentReviewView {
        try perform(actor, .reviewDocuments, action: "document.approve") { tx in
            var review = try pendingReview(id, tx)
            let before = try Self.fetchPerson(review.personId, tx.db)
            var person = before
            switch review.kind {
            case .photo: person.photo = review.sha256
            case .idCopy: person.idCopy = review.sha256
            case .letter: person.letter = review.sha256
            }
            try person.update(tx.db)
            review.status = .approved
            review.decidedBy = tx.actor.name
            review.decidedAt = tx.now
            try review.update(tx.db)
            try tx.audit("document.approve", "document_review", key: String(review.id), after: review, clause: .C1)
            try tx.audit("person.documents", "person", key: String(person.id), before: before.masked, after: person.masked)
            return DocumentReviewView(
                review: review, personName: person.name, clientId: person.clientId, current: person.approved(review.kind))
        }
    }

    /// C1: the desk refuses the document, with the reason the client reads; the approved one stays.
    public func refuseDocument(_ id: Int64, reason: String, by actor: Actor) throws -> DocumentReviewView {
        let reason = try Validate.name(reason, field: "reason", max: 200)
        return try perform(actor, .reviewDocuments, action: "document.refuse") { tx in
            var review = try pendingReview(id, tx)
            let person = try Self.fetchPerson(review.personId, tx.db)
            review.status = .refused
            review.decidedBy = tx.actor.name
            review.decidedAt = tx.now
            review.reason = reason
            try review.update(tx.db)
            try tx.audit("document.refuse", "document_review", key: String(review.id), after: review, clause: .C1)
            return DocumentReviewView(
                review: review, personName: person.name, clientId: person.clientId, current: person.approved(review.kind))
        }
    }

    private func pendingReview(_ id: Int64, _ tx: Transaction) throws -> DocumentReview {
        let review = try Self.fetchReview(id, tx.db)
        guard review.status == .pending else {
            throw policy.refusal(
                D1.status, zh: "该文件审核已结束（\(review.status.rawValue)）",
                en: "this document review is already closed (\(review.status.rawValue))")
        }
        guard review.submittedBy != tx.actor.name else {
            throw policy.refusal(R2.ownRequest, zh: "不能审核自己提交的文件", en: "no one reviews a document they submitted")
        }
        return review
    }

    static func fetchReview(_ id: Int64, _ db: Database) throws -> DocumentReview {
        guard let review = try DocumentReview.fetchOne(db, key: id) else {
            throw CoreError.notFound(entity: "document_review", key: String(id))
        }
        return review
    }
}

extension Person {
    /// The approved document of a kind: what badges, C1 and the gates use.
    func approved(_ kind: DocumentReview.Kind) -> String? {
        switch kind {
        case .photo: photo
        case .idCopy: idCopy
        case .letter: letter
        }
    }
}
