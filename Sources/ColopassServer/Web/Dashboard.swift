import ColopassCore
import Foundation

/// Today's work at the desk, each count a link to its list: requests to decide, visits and
/// racking due today, removals due, emergencies awaiting a second supervisor, cards running out
/// within 30 days, and who is inside. Counted from the core's own lists, as the actor sees them.
enum Dashboard {
    static let expiringDays = 30

    struct Count {
        let id: String
        let label: String
        let count: Int
        let href: String
    }

    struct View {
        let today: String
        let counts: [Count]
    }

    static func view(_ core: Core, _ actor: Actor, _ page: Page) throws -> View {
        let now = core.clock.now()
        let today = Day(now, in: page.zone)
        let isToday = { (date: Date) in Day(date, in: page.zone) == today }
        let visits = try core.passes.visitRequests(by: actor)
        let emergencies = try core.passes.emergencies(awaitingReview: true, by: actor)
        let orders = try core.equipment.workOrders(by: actor)
        let removals = try core.equipment.removals(by: actor)
        var expiring = CardQuery()
        expiring.expiringBy = now.addingTimeInterval(TimeInterval(expiringDays) * 86_400)
        expiring.limit = 0
        let horizon = now.addingTimeInterval(TimeInterval(expiringDays) * 86_400)
        var counts = [
            Count(
                id: "visits-to-decide", label: page.t("待审批临时进入申请", "Temporary entry requests to decide"),
                count: visits.filter { $0.request.status == .filed }.count, href: "/web/visits?state=filed"),
            Count(
                id: "visits-due", label: page.t("今日到访", "Visits due today"),
                count: visits.filter { $0.request.status == .approved && isToday($0.request.windowStart) }.count,
                href: "/web/visits?state=approved&sort=window"),
            Count(
                id: "racking-due", label: page.t("今日待上架工单", "Work orders racking today"),
                count: orders.filter { ($0.order.status == .issued || $0.order.status == .accepting) && $0.order.plannedAt < horizon && Day($0.order.plannedAt, in: page.zone) <= today }.count,
                href: "/web/work-orders"),
            Count(
                id: "removals-due", label: page.t("待办设备出门", "Removals due"),
                count: removals.filter { ($0.request.status == .filed || $0.request.status == .checked) && $0.request.removalDate <= today }.count,
                href: "/web/removals"),
            Count(
                id: "emergencies-to-review", label: page.t("待复核紧急进入", "Emergencies awaiting review"),
                count: emergencies.count, href: "/web/emergencies"),
            Count(
                id: "cards-expiring", label: page.t("30 天内到期的出入证", "Cards expiring within 30 days"),
                count: try core.cards.cards(matching: expiring, by: actor).total,
                href: "/web/cards?state=active&sort=valid"),
        ]
        if actor.may(.viewOccupancy) {
            counts.append(
                Count(
                    id: "inside", label: page.t("当前在场人员", "Inside now"), count: try core.gate.occupants(by: actor).count,
                    href: "/web/inside"))
            counts.append(
                Count(
                    id: "gate-alerts", label: page.t("待确认门禁警报", "Door alerts to look at"),
                    count: try core.gate.gateAlerts(by: actor).count, href: "/web/gate-alerts"))
        }
        if actor.role == .supervisor {
            // A supervisor's work first: what awaits approval or review.
            counts.sort { ($0.id == "emergencies-to-review" ? 0 : 1) < ($1.id == "emergencies-to-review" ? 0 : 1) }
        }
        return View(today: today.description, counts: counts)
    }
}
