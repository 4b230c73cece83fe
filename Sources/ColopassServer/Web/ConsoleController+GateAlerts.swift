import ColopassCore
import Foundation

/// The doors' alerts for the desk and the supervisors: holders let out on a stopped credential
/// (G3) and exit slips honoured at two gates (Q4, Q5), newest first, each acknowledged once by
/// whoever looked into it.
extension ConsoleController {
    var gateAlertRoutes: [APIRoute] {
        [
            APIRoute(.get, "/web/gate-alerts", .signedIn, .viewOccupancy) { request, context in
                let actor = try context.actor(core)
                let all = try Input.queryBool("all", request)
                let page = Page(Bilingual(zh: "门禁警报", en: "Door alerts"), request, context, core)
                let alerts = try core.gate.gateAlerts(includeAcknowledged: all, by: actor)
                return page.render(
                    "gate-alerts",
                    GateAlertsPage(all: all, alerts: alerts.map { Views.gateAlert($0, page, offers: core.gate.offers($0, to: actor)) }),
                    path: "/web/gate-alerts")
            },
            APIRoute(.post, "/web/gate-alerts/{id}/acknowledge", .signedIn, .acknowledgeGateAlerts) { request, context in
                _ = try await WebForm.read(request, context, core)
                _ = try core.gate.acknowledgeGateAlert(try Input.id("id", context), by: try context.actor(core))
                return Redirect.to("/web/gate-alerts?done=acknowledged")
            },
        ]
    }
}

struct GateAlertsPage {
    let all: Bool
    let alerts: [Views.GateAlertRow]
}

extension Views {
    struct GateAlertRow {
        let id: Int64
        let raised: String
        let kind: String
        let kindLabel: String
        let clause: String
        let gate: String
        let holder: String
        let message: String
        let acknowledged: String
        let offers: GateAlertOffers
    }

    static func gateAlert(_ alert: GateAlert, _ page: Page, offers: GateAlertOffers) -> GateAlertRow {
        let kind =
            switch alert.kind {
            case .letOut: page.t("失效证件放行出门", "Let out on a stopped credential")
            case .slipUsedTwice: page.t("出门条两处使用", "Exit slip used twice")
            }
        return GateAlertRow(
            id: alert.id, raised: page.time(alert.raisedAt), kind: alert.kind.rawValue, kindLabel: kind, clause: alert.clause,
            gate: alert.gate, holder: alert.holderName ?? "—", message: page.t(alert.message),
            acknowledged: alert.acknowledgedAt.map { "\(alert.acknowledgedBy ?? "") \(page.time($0))" } ?? "", offers: offers)
    }
}
