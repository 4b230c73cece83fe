import ColopassCore
import Foundation

/// Today's work at the desk, each count a link to its list: requests to decide, visits and
/// racking due today, removals due, emergencies awaiting a second supervisor, cards running out
/// within 30 days, and who is inside. Counted in SQL by the core (`Core.workload`).
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
        let today = Day(core.clock.now(), in: page.zone)
        let work = try core.workload(expiringWithinDays: expiringDays, by: actor)
        var counts = [
            Count(
                id: "visits-to-decide", label: page.t("待审批临时进入申请", "Temporary entry requests to decide"),
                count: work.visitsToDecide, href: "/web/visits?state=filed"),
            Count(
                id: "visits-due", label: page.t("今日到访", "Visits due today"), count: work.visitsDueToday,
                href: "/web/visits?state=approved&sort=window"),
            Count(
                id: "racking-due", label: page.t("今日待上架工单", "Work orders racking today"), count: work.rackingDue,
                href: "/web/work-orders"),
            Count(
                id: "removals-due", label: page.t("待办设备出门", "Removals due"), count: work.removalsDue,
                href: "/web/removals"),
            Count(
                id: "emergencies-to-review", label: page.t("待复核紧急进入", "Emergencies awaiting review"),
                count: work.emergenciesToReview, href: "/web/emergencies?state=awaiting_review"),
            Count(
                id: "cards-expiring", label: page.t("30 天内到期的出入证", "Cards expiring within 30 days"),
                count: work.cardsExpiring, href: "/web/cards?state=active&sort=valid"),
        ]
        if let inside = work.inside {
            counts.append(Count(id: "inside", label: page.t("当前在场人员", "Inside now"), count: inside, href: "/web/inside"))
        }
        if let alerts = work.gateAlertsOpen {
            counts.append(
                Count(
                    id: "gate-alerts", label: page.t("待确认门禁警报", "Door alerts to look at"), count: alerts,
                    href: "/web/gate-alerts"))
        }
        if actor.role == .supervisor {
            // A supervisor's work first: what awaits approval or review.
            counts.sort { ($0.id == "emergencies-to-review" ? 0 : 1) < ($1.id == "emergencies-to-review" ? 0 : 1) }
        }
        return View(today: today.description, counts: counts)
    }
}
