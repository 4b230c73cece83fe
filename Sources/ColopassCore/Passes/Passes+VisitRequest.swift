import Foundation
import GRDB

/// What a client's sealed letter asks for (C7): the reason, the window, the people, the scan.
public struct NewVisitRequest: Sendable {
    public var clientId: Int64
    public var reason: String
    public var windowStart: Date
    public var windowEnd: Date
    public var visitors: [NewVisitor]
    /// The scan of the letter with the company seal; C7 admits no request without it.
    public var letterPath: String?
    /// C7: the client's person who hosts the visitors; one the administrator lets host (may-host).
    public var hostPersonId: Int64?

    public init(
        clientId: Int64, reason: String, windowStart: Date, windowEnd: Date, visitors: [NewVisitor],
        letterPath: String?, hostPersonId: Int64? = nil
    ) {
        self.hostPersonId = hostPersonId
        self.clientId = clientId
        self.reason = reason
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.visitors = visitors
        self.letterPath = letterPath
    }
}

extension Passes {
    /// C7: a client (own client only, R3) or customer service on its behalf files a request in
    /// advance, for a client with a contract in force, with the sealed letter, for a window no
    /// longer than the policy allows.
    public func fileVisitRequest(_ input: NewVisitRequest, by actor: Actor) throws -> VisitRequestView {
        let reason = try Validate.name(input.reason, field: "reason", max: 500)
        let visitors = try CheckedVisitor.check(input.visitors, field: "visitors", today: clock.now())
        let letter = try input.letterPath.map { try documents.load($0, field: "letter") }

        return try perform(actor, .fileVisitRequest, action: "visit.file") { tx in
            try tx.requireOwnClient(input.clientId)
            let client = try Registry.fetchClient(input.clientId, tx.db)
            let contract = try visitContract(client, windowEnd: input.windowEnd, in: tx)
            guard let letter else {
                throw policy.refusal(
                    C7.letter, zh: "须附客户加盖公章的介绍信扫描件", en: "the client's sealed letter must be attached")
            }
            try checkVisitWindow(start: input.windowStart, end: input.windowEnd)
            if let host = input.hostPersonId { try requireHost(host, of: client, tx) }
            let noticeHours = policy.parameters.temporaryEntryMinNoticeHours
            guard input.windowStart.timeIntervalSince(tx.now) >= TimeInterval(noticeHours) * 3600 else {
                throw policy.refusal(
                    C7.notice, zh: "临时进入须至少提前 \(noticeHours) 小时申请",
                    en: "a temporary entry is filed at least \(noticeHours) hours before the window starts")
            }
            let request = VisitRequest(
                id: try Store.nextID(of: VisitRequest.databaseTableName, in: tx.db), clientId: client.id,
                contractId: contract.id, reason: reason, windowStart: input.windowStart, windowEnd: input.windowEnd,
                letter: try documents.store(letter.bytes, type: letter.type, in: tx.db, at: tx.now), status: .filed,
                requestedBy: tx.actor.name, requestedAt: tx.now, decidedBy: nil, decidedAt: nil, decisionReason: nil,
                updatedAt: tx.now, hostPersonId: input.hostPersonId)
            try request.insert(tx.db)
            var stored: [VisitVisitor] = []
            for visitor in visitors {
                let row = VisitVisitor(
                    id: try Store.nextID(of: VisitVisitor.databaseTableName, in: tx.db), requestId: request.id,
                    name: visitor.name, idType: visitor.document.type, idNumber: visitor.document.number)
                try row.insert(tx.db)
                try logVisit(
                    VisitLogEntry(.filed, visitor: row, request: request, at: tx.now, by: tx.actor.name), in: tx)
                stored.append(row)
            }
            try tx.audit(
                "visit.file", "visit_request", key: String(request.id),
                after: VisitRequestImage(request: request, visitors: stored.map(\.masked)), clause: .C7)
            return try visitView(request, tx.db, at: tx.now)
        }
    }

    /// C7: the client's contract in force today, covering the whole window.
    func visitContract(_ client: Client, windowEnd: Date, in tx: Transaction) throws -> Contract {
        guard let contract = try Registry.contractInForce(clientId: client.id, on: tx.today, tx.db) else {
            throw policy.refusal(
                C7.contract, zh: "\(client.name) 没有生效的托管合同，不能申请临时进入",
                en: "\(client.name) has no hosting contract in force; no temporary entry")
        }
        guard windowEnd <= contract.endsOn.end(in: policy.site.timeZone) else {
            throw policy.refusal(
                C7.contract, zh: "进入时段超出合同 \(contract.number) 的期限（至 \(contract.endsOn)）",
                en: "the window runs past contract \(contract.number)'s last day (\(contract.endsOn))")
        }
        return contract
    }

    /// C7: a host is one of the client's own active people its administrator lets host visitors.
    func requireHost(_ personId: Int64, of client: Client, _ tx: Transaction) throws {
        guard let person = try Person.fetchOne(tx.db, key: personId), person.clientId == client.id else {
            throw policy.refusal(
                C7.host, zh: "接待人不是 \(client.name) 的人员", en: "the host is not one of \(client.name)'s people")
        }
        guard person.status == .active, person.mayHost else {
            throw policy.refusal(
                C7.host, zh: "\(person.name) 未获客户管理员授权接待访客",
                en: "\(person.name) is not granted by the client's administrator to host visitors")
        }
    }

    /// C7: the window ends after it starts and is no longer than the policy's longest.
    func checkVisitWindow(start: Date, end: Date) throws {
        guard end > start else {
            throw policy.refusal(C7.window, zh: "结束时间须晚于开始时间", en: "the window must end after it starts")
        }
        let longest = policy.parameters.temporaryEntryMaxWindowHours
        guard end.timeIntervalSince(start) <= TimeInterval(longest) * 3600 else {
            throw policy.refusal(
                C7.window, zh: "临时进入时段最长 \(longest) 小时", en: "a temporary entry window is at most \(longest) hours")
        }
    }
}

/// What the audit log keeps of a request: the request and its people, ID numbers masked.
struct VisitRequestImage: Encodable {
    var request: VisitRequest
    var visitors: [VisitVisitor]
}
