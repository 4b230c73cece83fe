import ColopassCore
import Foundation

/// The rows pages show, built from the core's answers in the page's language. Each row carries
/// the core's offers for it: templates show a button when an offer says so and decide nothing.
enum Views {
    struct Option: TemplateModel {
        let value: String
        let label: String
        let selected: Bool
    }

    struct ClientRow {
        let id: Int64
        let name: String
        let kind: String
        let code: String
        let status: StatusLabel
    }

    static func client(_ c: Client, _ page: Page) -> ClientRow {
        ClientRow(
            id: c.id, name: c.name, kind: page.t(c.kind == .company ? Bilingual(zh: "公司", en: "company") : Bilingual(zh: "个人", en: "individual")),
            code: c.creditCode ?? c.maskedIDNumber ?? "—", status: page.status(c.status.rawValue))
    }

    struct CardRow: TemplateModel {
        let number: String
        let holder: String
        let client: String
        let validUntil: String
        let status: StatusLabel
    }

    static func card(_ v: CardView, _ page: Page) -> CardRow {
        CardRow(
            number: v.card.number, holder: v.holderName, client: v.clientName, validUntil: page.time(v.card.validUntil),
            status: page.status(v.status))
    }

    struct CardDetail {
        let number: String
        let holder: String
        let maskedID: String
        let client: String
        let status: StatusLabel
        let generation: Int
        let validFrom: String
        let validUntil: String
        let issuedAt: String
        let issuedBy: String
        let offers: CardOffers
    }

    static func cardDetail(_ v: CardView, _ page: Page, offers: CardOffers) -> CardDetail {
        let c = v.card
        return CardDetail(
            number: c.number, holder: v.holderName, maskedID: v.holderMaskedID, client: v.clientName,
            status: page.status(v.status), generation: Int(c.generation), validFrom: page.time(c.validFrom),
            validUntil: page.time(c.validUntil), issuedAt: page.time(c.issuedAt), issuedBy: c.issuedBy, offers: offers)
    }

    struct ContractRow {
        let number: String
        let term: String
        let racks: String
        let quota: Int
        let status: StatusLabel
        let offers: ContractOffers
    }

    struct PersonRow {
        let id: Int64
        let name: String
        let maskedID: String
        let photo: String?
        let idCopy: String?
        let letter: String?
        let status: StatusLabel
        let offers: PersonOffers
    }

    static func person(_ v: PersonView, _ page: Page, offers: PersonOffers) -> PersonRow {
        let p = v.person
        let link = { (kind: String, sha: String?) in sha.map { _ in "/web/people/\(p.id)/\(kind)" } }
        return PersonRow(
            id: p.id, name: p.name, maskedID: p.maskedIDNumber, photo: link("photo", p.photo),
            idCopy: link("id-copy", p.idCopy), letter: link("letter", p.letter), status: page.status(p.status.rawValue),
            offers: offers)
    }

    struct VisitRow {
        let id: Int64
        let client: String
        let window: String
        let people: String
        let reason: String
        let status: StatusLabel
        let decisionReason: String?
        let offers: VisitOffers
    }

    static func visit(_ v: VisitRequestView, _ page: Page, offers: VisitOffers) -> VisitRow {
        VisitRow(
            id: v.request.id, client: v.clientName,
            window: EntryWindow.describe(from: v.request.windowStart, to: v.request.windowEnd, in: page.zone),
            people: v.visitors.map { "\($0.name) \(IDDocument.mask($0.idNumber))" }.joined(separator: "、"),
            reason: v.request.reason, status: page.status(v.status), decisionReason: v.request.decisionReason, offers: offers)
    }

    struct EmergencyRow {
        let id: Int64
        let client: String
        let window: String
        let reason: String
        let approvedBy: String
        let status: StatusLabel
        let review: String
        let offers: EmergencyOffers
    }

    static func emergency(_ v: EmergencyView, _ page: Page, offers: EmergencyOffers) -> EmergencyRow {
        EmergencyRow(
            id: v.entry.id, client: v.clientName,
            window: EntryWindow.describe(from: v.entry.windowStart, to: v.entry.windowEnd, in: page.zone),
            reason: v.entry.reason, approvedBy: v.entry.approvedBy,
            status: page.status(v.awaitingReview ? "awaiting_review" : "reviewed"),
            review: v.awaitingReview ? "" : "\(v.entry.reviewedBy ?? "") \(v.entry.reviewNote ?? "")", offers: offers)
    }

    struct RemovalCheck {
        let serial: String?
        let model: String
        let countKey: String
        let quantity: Int
    }

    struct RemovalRow {
        let number: String
        let client: String
        let kind: String
        let items: String
        let movers: String
        let date: String
        let status: StatusLabel
        let rejectReason: String?
        let slip: String?
        let slipText: String
        let checks: [RemovalCheck]
        let documents: [Link]
        let offers: RemovalOffers
    }

    static func removal(_ v: RemovalView, _ page: Page, offers: RemovalOffers) -> RemovalRow {
        RemovalRow(
            number: v.request.number, client: v.clientName, kind: page.t(v.request.kind.title),
            items: v.items.map(\.description).joined(separator: "、"),
            movers: v.movers.map { "\($0.name) \($0.maskedIDNumber)" }.joined(separator: "、"),
            date: v.request.removalDate.description, status: page.status(v.request.status.rawValue),
            rejectReason: v.request.rejectReason, slip: v.exitSlip?.number, slipText: v.exitSlip?.number ?? "—",
            checks: v.items.map {
                RemovalCheck(serial: $0.serial, model: $0.model, countKey: $0.model.uppercased(), quantity: $0.quantity)
            },
            documents: (v.request.applicationScan == nil
                ? [] : [Link(href: "/web/removals/\(v.request.number)/documents/scan", label: page.t("申请单扫描件", "application scan"))])
                + v.movers.enumerated().compactMap { index, mover in
                    mover.idCopy.map { _ in
                        Link(
                            href: "/web/removals/\(v.request.number)/documents/mover-\(index + 1)",
                            label: page.t("\(mover.name)身份证复印件", "\(mover.name)'s ID copy"))
                    }
                }, offers: offers)
    }

    struct WorkOrderRow {
        let number: String
        let client: String
        let contract: String
        let plannedAt: String
        let lines: Int
        let status: StatusLabel
    }

    static func workOrder(_ v: WorkOrderView, _ page: Page) -> WorkOrderRow {
        WorkOrderRow(
            number: v.order.number, client: v.clientName, contract: v.contractNumber, plannedAt: page.time(v.order.plannedAt),
            lines: v.lines.count, status: page.status(v.order.status.rawValue))
    }

    struct LineRow {
        let order: String
        let line: Int
        let kind: String
        let model: String
        let serial: String?
        let serialText: String
        let accepted: Int
        let quantity: Int
        let position: String
        let status: StatusLabel
        let reason: String?
        let open: Bool
    }

    struct WorkOrderDetail {
        let number: String
        let client: String
        let contract: String
        let plannedAt: String
        let status: StatusLabel
        let notBefore: String?
        let lines: [LineRow]
        let accept: Bool
        let hasRefused: Bool
        let refused: [String]
        var offers = WorkOrderOffers()
        var issueDeadline: String? = nil
        var kinds: [Option] = []
        var racks: [Option] = []
    }

    static func workOrderDetail(_ v: WorkOrderView, _ page: Page, offers: WorkOrderOffers, racks: [String] = []) -> WorkOrderDetail {
        var detail = workOrderLines(v, page, offers: offers)
        detail.offers = offers
        detail.issueDeadline = offers.issueTooLate.map { page.time($0) }
        detail.kinds = EquipmentKind.allCases.map { Option(value: $0.rawValue, label: page.t($0.title), selected: false) }
        detail.racks = racks.map { Option(value: $0, label: $0, selected: false) }
        return detail
    }

    private static func workOrderLines(_ v: WorkOrderView, _ page: Page, offers: WorkOrderOffers) -> WorkOrderDetail {
        WorkOrderDetail(
            number: v.order.number, client: v.clientName, contract: v.contractNumber, plannedAt: page.time(v.order.plannedAt),
            status: page.status(v.order.status.rawValue), notBefore: offers.notBefore.map { page.time($0) },
            lines: v.lines.map { line in
                LineRow(
                    order: v.order.number, line: line.lineNo, kind: page.t(line.kind.title), model: "\(line.brand) \(line.model)",
                    serial: line.serial, serialText: line.serial ?? "—", accepted: line.acceptedQuantity, quantity: line.quantity,
                    position: "\(line.rack) U\(line.uPosition)", status: page.status(line.status.rawValue), reason: line.reason,
                    open: offers.accept && line.status == .pending)
            }, accept: offers.accept, hasRefused: !v.refusedArrivals.isEmpty, refused: v.refusedArrivals.map(\.description))
    }

    struct OccupantRow {
        let name: String
        let credential: String
        let since: String
        let gate: String
    }

    static func occupant(_ o: SiteOccupant, _ page: Page) -> OccupantRow {
        OccupantRow(name: o.holderName, credential: "\(page.t(o.kind.title)) #\(o.credentialId)", since: page.time(o.since), gate: o.gate)
    }

    struct AccountRow {
        let name: String
        let displayName: String
        let role: String
        let client: String
        let status: StatusLabel
        let offers: AccountOffers
    }
}
