import Foundation
import GRDB

extension Passes {
    /// The printable slips of an approved request's passes (C7), one per person. Printing is
    /// audited, like badges: an auditor asks how many copies of a pass exist. Drawn after the
    /// commit, as badges are.
    public func temporaryPassSlips(requestId: Int64, by actor: Actor) throws -> [RenderedSlip] {
        let slips = try perform(actor, .fileVisitRequest, action: "visit.print") { tx in
            let request = try Self.fetchVisitRequest(requestId, tx.db)
            try tx.requireOwnClient(request.clientId)
            guard request.status == .approved, tx.now < request.windowEnd else {
                throw policy.refusal(
                    C7.state, zh: "只能为已批准且未结束的申请打印通行证",
                    en: "passes are printed only for an approved request whose window is not over")
            }
            let client = try Registry.fetchClient(request.clientId, tx.db)
            let passes = try Self.passes(TemporaryPassKind.self, of: requestId, tx.db).filter { $0.isOpen(at: tx.now) }
            let slips = passes.map { passSlip($0, client: client, reason: request.reason) }
            try tx.audit(
                "visit.print", "visit_request", key: String(requestId), after: ["passes": passes.map(\.number)])
            return slips
        }
        return try slips.map { try $0.render(site: policy.site) }
    }

    /// The printable slips of an emergency's passes (C6), for the supervisor to hand over.
    public func emergencyPassSlips(emergencyId: Int64, by actor: Actor) throws -> [RenderedSlip] {
        let slips = try perform(actor, .approveEmergency, action: "emergency.print") { tx in
            let entry = try Self.fetchEmergency(emergencyId, tx.db)
            let client = try Registry.fetchClient(entry.clientId, tx.db)
            let passes = try Self.passes(EmergencyPassKind.self, of: emergencyId, tx.db).filter {
                $0.isOpen(at: tx.now)
            }
            guard !passes.isEmpty else {
                throw policy.refusal(C6.state, zh: "没有有效的紧急通行证", en: "no emergency pass is still valid")
            }
            let slips = passes.map { passSlip($0, client: client, reason: entry.reason) }
            try tx.audit(
                "emergency.print", "emergency_entry", key: String(emergencyId), after: ["passes": passes.map(\.number)])
            return slips
        }
        return try slips.map { try $0.render(site: policy.site) }
    }

    /// The shared A6 slip: who, which document (masked), for whom, when, why; and what the guard
    /// must see to: an escort (C7) or the ID document checked by hand (C6).
    func passSlip<Kind: PassKind>(_ pass: EntryPass<Kind>, client: Client, reason: String) -> Slip {
        var notes: [Bilingual] = []
        if pass.escortRequired { notes.append(Bilingual(zh: "须有人陪同", en: "escort required")) }
        if Kind.credentialKind == .emergencyPass {
            notes.append(Bilingual(zh: "须出示有效证件，由保安核对", en: "show a valid ID document to the guard"))
        }
        notes.append(Bilingual(zh: "仅限本人在上述时段内使用", en: "for the named person, inside the window only"))
        return Slip(
            title: Kind.slipTitle, number: pass.number,
            fields: [
                Slip.Field(Bilingual(zh: "人员", en: "Visitor"), pass.visitorName),
                Slip.Field(Bilingual(zh: "证件", en: "ID document"), "\(pass.idType.name.zh) \(pass.maskedIDNumber)"),
                Slip.Field(Bilingual(zh: "客户", en: "Client"), client.name),
                Slip.Field(
                    Bilingual(zh: "时段", en: "Window"),
                    EntryWindow.describe(from: pass.validFrom, to: pass.validUntil, in: policy.site.timeZone)),
                Slip.Field(Bilingual(zh: "事由", en: "Reason"), reason),
            ],
            notes: notes, credential: pass.credential)
    }
}
