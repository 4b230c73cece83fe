import Foundation
import GateKernel

/// The guard's station (`gate-check station`): one door, one direction, answering the page the
/// guard keeps open beside the scanner. Everything comes from the replica, so the page works with
/// the network down. The HTTP shell only passes bytes in and out; what is decided and shown is
/// built here.
///
/// A scan that needs the guard's word (an exit slip's items and movers, an emergency repairer's
/// ID) is first asked, not decided: nothing is recorded until the guard presses a button, and
/// the scan is then decided once, with the answer.
public final class Station: @unchecked Sendable {
    let desk: GateDesk
    let clock: Clock
    private let lock = NSLock()

    public init(desk: GateDesk, clock: Clock = .system) {
        self.desk = desk
        self.clock = clock
    }

    public var replica: Replica { desk.replica }

    /// `confirm` nil: a fresh scan (asked back if the rules want the guard's word); true or false:
    /// the guard's answer to that question.
    public func scan(_ payload: String, confirm: Bool?) throws -> Data {
        try lock.withLock {
            let zone = try replica.state().timeZone
            if confirm == nil {
                var asked: (GateQuestion, GateEntry)?
                let preview = try desk.decide(payload, confirm: { question, entry in
                    asked = (question, entry)
                    return true
                }, record: false)
                if let (question, entry) = asked, preview.denyReason == nil {
                    return try Self.encode(Self.question(question, entry, preview))
                }
            }
            let decision = try desk.decide(payload) { _, _ in confirm ?? false }
            return try Self.encode(Self.decision(decision, zone))
        }
    }

    /// The scan's answer as the page shows it.
    static func decision(_ decision: GateDecision, _ zone: TimeZone) -> [String: Any] {
        var body: [String: Any] = [
            "granted": decision.granted,
            "verdict": decision.granted
                ? ["zh": "准许通行", "en": "GRANTED"] : ["zh": "拒绝通行", "en": "DENIED"],
            "at": GateDisplay.siteTime(decision.event.at, zone),
            "warnings": decision.warnings.filter { $0 != decision.letOut }.map(reason),
            "stale": decision.stale, "aging": decision.aging,
        ]
        if let staleAt = decision.staleAt { body["stale_at"] = GateDisplay.siteTime(staleAt, zone) }
        if let deny = decision.denyReason { body["reason"] = reason(deny) }
        if let letOut = decision.letOut {
            body["let_out"] = [
                "clause": Clause(G3.letOut).code, "zh": "证件已失效，已放行出门：请报告值班主管",
                "en": "Let out on a credential no longer valid: report to the duty supervisor", "reason": reason(letOut),
            ] as [String: Any]
        }
        if let entry = decision.entry { body.merge(holder(entry, photo: decision.photo)) { a, _ in a } }
        return body
    }

    static func question(_ question: GateQuestion, _ entry: GateEntry, _ preview: GateDecision) -> [String: Any] {
        var body: [String: Any] = [
            "ask": question == .slipMatches ? "slip_matches" : "id_shown",
            "prompt": ["zh": question.prompt.zh.replacingOccurrences(of: "(y/n)", with: "").trimmingCharacters(in: .whitespaces),
                       "en": question.prompt.en.replacingOccurrences(of: "(y/n)", with: "").trimmingCharacters(in: .whitespaces)],
            "warnings": preview.warnings.map(reason),
        ]
        body.merge(holder(entry, photo: preview.photo)) { a, _ in a }
        return body
    }

    static func holder(_ entry: GateEntry, photo: String?) -> [String: Any] {
        var body: [String: Any] = [
            "kind": ["zh": entry.kind.title.zh, "en": entry.kind.title.en],
            "holder": entry.holderName, "company": entry.company, "id_last4": String(entry.maskedID.suffix(4)),
            "escort_required": entry.escortRequired, "details": entry.details,
        ]
        if let photo { body["photo"] = "/photo/" + photo }
        return body
    }

    static func reason(_ reason: DenyReason) -> [String: Any] {
        ["clause": reason.clause.code, "zh": reason.message.zh, "en": reason.message.en]
    }

    /// Who is inside now, with each company's count and the total: the muster list.
    public func inside() throws -> Data {
        let zone = try replica.state().timeZone
        let people = try replica.occupants()
        var companies: [String: Int] = [:]
        for person in people { companies[person.company, default: 0] += 1 }
        return try Self.encode([
            "total": people.count,
            "companies": companies.sorted { $0.key < $1.key }.map { ["company": $0.key, "count": $0.value] },
            "people": people.map { person in
                [
                    "holder": person.holderName, "company": person.company, "id_last4": String(person.maskedID.suffix(4)),
                    "kind": person.kind.title.zh + " / " + person.kind.title.en,
                    "since": GateDisplay.siteTime(person.since, zone), "gate": person.gate,
                ]
            },
        ])
    }

    /// The sync state the page shows in its footer.
    public func syncState() throws -> Data {
        let state = try replica.state()
        let link = try replica.link()
        let now = clock.now()
        var body: [String: Any] = [
            "gate": desk.gate, "direction": desk.direction.rawValue, "stale": state.isStale(at: now),
            "aging": state.isAging(at: now), "events_waiting": try replica.eventCount().pending,
        ]
        if let lastSync = state.lastSync { body["last_sync"] = GateDisplay.siteTime(lastSync, state.timeZone) }
        if let staleAt = state.staleAt { body["stale_at"] = GateDisplay.siteTime(staleAt, state.timeZone) }
        if let contact = link.lastContact { body["last_contact"] = GateDisplay.siteTime(contact, state.timeZone) }
        if let error = link.error { body["link_error"] = error }
        return try Self.encode(body)
    }

    /// A photo by its SHA-256, only if it is one of the replica's (the name is checked, not trusted).
    public func photo(_ sha: String) -> Data? {
        guard sha.count == 64, sha.allSatisfy({ $0.isHexDigit }) else { return nil }
        return FileManager.default.contents(atPath: replica.photoPath(sha.lowercased()))
    }

    static func encode(_ value: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
    }
}
