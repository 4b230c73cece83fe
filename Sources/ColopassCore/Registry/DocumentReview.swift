import Foundation
import GRDB

/// A photo, ID copy or letter a client supplied for one of its people, waiting for the desk. Until
/// the desk approves it the person keeps the last approved one: badges, C1 and the gates read
/// only `Person.photo` and its siblings, never a document under review.
public struct DocumentReview: Record, Identifiable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case photo
        case idCopy = "id_copy"
        case letter

        public var title: Bilingual {
            switch self {
            case .photo: Bilingual(zh: "照片", en: "photo")
            case .idCopy: Bilingual(zh: "身份证件复印件", en: "ID copy")
            case .letter: Bilingual(zh: "单位介绍信", en: "company letter")
            }
        }
    }

    public enum Status: String, Codable, Sendable {
        /// Waiting for the desk.
        case pending
        case approved
        case refused
        /// A newer document of the same kind for the same person came in before a decision.
        case superseded
    }

    public var id: Int64
    public var personId: Int64
    public var kind: Kind
    public var sha256: String
    public var status: Status
    public var submittedBy: String
    public var submittedAt: Date
    public var decidedBy: String?
    public var decidedAt: Date?
    public var reason: String?

    public static let databaseTableName = "document_review"

    public enum Columns {
        public static let id = Column("id")
        public static let personId = Column("person_id")
        public static let kind = Column("kind")
        public static let status = Column("status")
    }
}

/// A review as the desk sees it: with the person's name, client and the document it would replace.
public struct DocumentReviewView: Sendable, Codable, Equatable {
    public var review: DocumentReview
    public var personName: String
    public var clientId: Int64
    /// The approved document of the same kind now in use, if any.
    public var current: String?
}
