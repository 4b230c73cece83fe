import Foundation
import GRDB

/// C7: the sealed letter a temporary-entry request rests on, opened by the desk deciding it or by
/// the client who filed it; each opening audited.
extension Passes {
    public func visitLetter(_ id: Int64, by actor: Actor) throws -> Evidence {
        try showDocument("letter", entity: "visit_request", key: String(id), permission: .fileVisitRequest, by: actor) { db in
            let request = try Self.fetchVisitRequest(id, db)
            return (request.letter, request.clientId)
        }
    }

    /// C7, ticked by the clerk before approving: each thing the sealed letter must show.
    public enum LetterCheck: String, CaseIterable, Sendable {
        case reason, time, names
        case idNumbers = "id_numbers"
        case seal

        public var title: Bilingual {
            switch self {
            case .reason: Bilingual(zh: "写明进入事由", en: "states the reason for entry")
            case .time: Bilingual(zh: "写明进入时间", en: "states the time of entry")
            case .names: Bilingual(zh: "写明人员姓名", en: "names the people")
            case .idNumbers: Bilingual(zh: "写明身份证号码", en: "gives their ID numbers")
            case .seal: Bilingual(zh: "加盖单位公章", en: "bears the company's seal")
            }
        }
    }

    /// C7: approves only when the clerk has ticked every item the letter must show.
    public func approveVisitRequest(_ id: Int64, checked: Set<LetterCheck>, by actor: Actor) throws -> VisitRequestView {
        let missing = LetterCheck.allCases.filter { !checked.contains($0) }
        guard missing.isEmpty else {
            let refusal = policy.refusal(
                C7.checklist, zh: "介绍信未核对完：\(missing.map(\.title.zh).joined(separator: "、"))",
                en: "the letter is not checked for: \(missing.map(\.title.en).joined(separator: ", "))")
            try perform(actor, .decideVisitRequest, action: "visit.approve") { _ -> Void in throw refusal }
            throw refusal
        }
        return try approveVisitRequest(id, by: actor)
    }
}
