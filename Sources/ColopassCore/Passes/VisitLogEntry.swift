import Foundation
import GRDB

/// One line of the visitor log (R4): what happened to one temporary or emergency visitor, when,
/// and who recorded it. Entries and exits come from the gate; the rest from the approvals.
public struct VisitLogEntry: Record, Identifiable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case temporary, emergency

        public var title: Bilingual {
            switch self {
            case .temporary: Bilingual(zh: "临时进入", en: "temporary")
            case .emergency: Bilingual(zh: "紧急进入", en: "emergency")
            }
        }
    }

    public enum Event: String, Codable, Sendable, CaseIterable {
        case filed, rejected, cancelled
        case passIssued = "pass_issued"
        case passRevoked = "pass_revoked"
        case idConfirmed = "id_confirmed"
        case entry, exit

        public var title: Bilingual {
            switch self {
            case .filed: Bilingual(zh: "申请", en: "filed")
            case .rejected: Bilingual(zh: "驳回", en: "rejected")
            case .cancelled: Bilingual(zh: "撤销", en: "cancelled")
            case .passIssued: Bilingual(zh: "发放通行证", en: "pass issued")
            case .passRevoked: Bilingual(zh: "收回通行证", en: "pass revoked")
            case .idConfirmed: Bilingual(zh: "核验证件", en: "ID confirmed")
            case .entry: Bilingual(zh: "进入", en: "entry")
            case .exit: Bilingual(zh: "离开", en: "exit")
            }
        }
    }

    public var id: Int64?
    public var at: Date
    public var event: Event
    public var kind: Kind
    /// The visit request (temporary) or the emergency entry (emergency).
    public var requestId: Int64
    public var passId: Int64?
    public var passNumber: String?
    public var clientId: Int64
    public var visitorName: String
    public var idType: IDDocumentType
    /// Only ever the masked number: the log is exported and kept long.
    public var idMasked: String
    public var gate: String?
    public var recordedBy: String

    public static let databaseTableName = "visit_log"
}

/// Which way a visitor went through the gate.
public enum VisitDirection: String, Codable, Sendable, CaseIterable {
    case entry, exit

    var event: VisitLogEntry.Event { self == .entry ? .entry : .exit }
}

extension VisitLogEntry {
    /// A row about one pass holder.
    init<Kind: PassKind>(_ event: Event, pass: EntryPass<Kind>, at: Date, gate: String? = nil, by actor: String) {
        self.init(
            id: nil, at: at, event: event, kind: Kind.logKind, requestId: pass.requestId, passId: pass.id,
            passNumber: pass.number, clientId: pass.clientId, visitorName: pass.visitorName, idType: pass.idType,
            idMasked: pass.maskedIDNumber, gate: gate, recordedBy: actor)
    }

    /// A row about a person named in a request that has no pass (yet, or ever).
    init(_ event: Event, visitor: VisitVisitor, request: VisitRequest, at: Date, by actor: String) {
        self.init(
            id: nil, at: at, event: event, kind: .temporary, requestId: request.id, passId: nil, passNumber: nil,
            clientId: request.clientId, visitorName: visitor.name, idType: visitor.idType,
            idMasked: IDDocument.mask(visitor.idNumber), gate: nil, recordedBy: actor)
    }
}

extension VisitLogEntry {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let at = Column("at")
        public static let clientId = Column("client_id")
        public static let id = Column("id")
    }
}
