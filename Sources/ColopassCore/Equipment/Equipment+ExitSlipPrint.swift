import Foundation
import GRDB

/// An exit slip with what the guard compares at the door: the items and the movers.
public struct ExitSlipView: Sendable, Codable {
    public var slip: ExitSlip
    public var removalNumber: String
    public var kind: RemovalRequest.Kind
    public var clientName: String
    public var items: [RemovalItem]
    /// ID numbers masked: the guard matches the last four with the document in hand.
    public var movers: [RemovalMover]
}

extension Equipment {
    public func exitSlip(_ number: ExitSlipNumber, by actor: Actor) throws -> ExitSlipView {
        let id = number.id
        let view = try read(actor, .viewRegistry) { db in try exitSlipView(try fetchExitSlip(id, db), db) }
        try requireOwnClient(actor, view.slip.clientId)
        return view
    }

    /// The printable A6 slip with its QR. Printing is audited, as for badges: an auditor asks how
    /// many papers of one slip exist. Only a slip that can still be used is printed.
    public func renderExitSlip(_ number: ExitSlipNumber, by actor: Actor) throws -> RenderedSlip {
        try renderExitSlip(number, permission: .decideRemoval, by: actor)
    }

    /// The client prints its own slip (the removal's filer side), under the same rules.
    public func renderOwnExitSlip(_ number: ExitSlipNumber, by actor: Actor) throws -> RenderedSlip {
        try renderExitSlip(number, permission: .fileRemoval, by: actor)
    }

    private func renderExitSlip(_ number: ExitSlipNumber, permission: Permission, by actor: Actor) throws -> RenderedSlip {
        let id = number.id
        let view = try perform(actor, permission, action: "exitslip.render") { tx in
            let view = try exitSlipView(try fetchExitSlip(id, tx.db), tx.db)
            try tx.requireOwnClient(view.slip.clientId)
            guard view.slip.status == .valid else {
                throw policy.refusal(
                    Q4.state, zh: "出门条 \(view.slip.number) 已\(view.slip.status == .used ? "使用" : "作废")，不能打印",
                    en: "exit slip \(view.slip.number) is \(view.slip.status.rawValue); it is not printed")
            }
            try tx.audit("exitslip.render", "exit_slip", key: view.slip.number, after: ["valid_on": view.slip.validOn])
            return view
        }
        return try printable(view).render(site: policy.site)
    }

    func printable(_ view: ExitSlipView) -> Slip {
        let items = view.items.enumerated().map { "\($0.offset + 1). \($0.element.description)" }
        let movers = view.movers.map { "\($0.name) \($0.idType.name.zh) \($0.maskedIDNumber)" }
        var notes = [
            Bilingual(zh: "仅限 \(view.slip.validOn) 当天使用一次", en: "Valid on \(view.slip.validOn) only, for one exit"),
            Bilingual(
                zh: "保安核对设备序列号和搬运人员证件，与本单不符不得放行",
                en: "The guard checks the serials and the movers' ID documents; no exit if they differ"),
        ]
        if view.kind == .repair {
            notes.append(Bilingual(
                zh: "检修设备返回时按原申请验收，IP 保留", en: "Repaired equipment is checked back in on this request; IPs are kept"))
        }
        return Slip(
            title: Bilingual(zh: "出门条", en: "Exit slip"), number: view.slip.number,
            fields: [
                .init(Bilingual(zh: "客户", en: "Client"), view.clientName),
                .init(Bilingual(zh: "申请", en: "Request"), "\(view.removalNumber) \(view.kind.title.line)"),
                .init(Bilingual(zh: "日期", en: "Date"), view.slip.validOn.description),
                .init(Bilingual(zh: "设备", en: "Equipment"), items.joined(separator: "; ")),
                .init(Bilingual(zh: "搬运人员", en: "Movers"), movers.isEmpty ? "—" : movers.joined(separator: "; ")),
            ],
            notes: notes, credential: view.slip.credential)
    }

    func exitSlipView(_ slip: ExitSlip, _ db: Database) throws -> ExitSlipView {
        let request = try fetchRemoval(slip.requestId, db)
        let removal = try removalView(request, db)
        return ExitSlipView(
            slip: slip, removalNumber: request.number, kind: request.kind, clientName: removal.clientName,
            items: removal.items, movers: removal.movers)
    }
}
