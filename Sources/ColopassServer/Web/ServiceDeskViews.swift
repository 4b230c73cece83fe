import ColopassCore
import Foundation

/// The desk: my tickets (overdue first), the supervisors' escalations, the follow-up calls and
/// needs surveys due, and the form for a matter taken by phone, at the counter or by e-mail.
struct DeskPage {
    let mine: [String: [TicketRow]]
    let escalated: [String: [TicketRow]]?
    let followUps: [FollowUpRow]
    let surveys: [SurveyRow]
    let surveyYear: Int
    let clients: [Views.Option]
    let kinds: [Views.Option]
    let channels: [Views.Option]
    let reports: Bool
    let duty: Bool

    init(_ core: Core, _ actor: Actor, _ page: Page) throws {
        let desk = core.serviceDesk
        let today = desk.today
        mine = ["tickets": ServiceDeskPages.rows(try desk.tickets(TicketFilter(owner: actor.name, unresolved: true), by: actor), page)]
        escalated = actor.role == .supervisor ? ["tickets": ServiceDeskPages.rows(try desk.overdueTickets(by: actor), page)] : nil
        followUps = try desk.followUpsDue(by: actor).filter { $0.dueOn <= today }.map {
            FollowUpRow(
                clientId: $0.clientId, client: $0.clientName, due: "\($0.dueOn)", manager: $0.accountManager ?? "—",
                state: $0.overdue ? page.t("遗漏 (K5)", "missed (K5)") : page.t("到期", "due"))
        }
        let all = try core.registry.clients(by: actor)
        let names = Dictionary(all.map { ($0.id, $0.name) }) { first, _ in first }
        surveyYear = today.year + (today.month >= core.policy.serviceDesk.needsSurveyMonth ? 1 : 0)
        surveys = try desk.needsSurveys(year: surveyYear, by: actor).filter { $0.doneAt == nil }.map {
            SurveyRow(
                clientId: $0.clientId, client: names[$0.clientId] ?? "#\($0.clientId)",
                state: $0.year <= today.year ? page.t("逾期 (K7)", "overdue (K7)") : page.t("待做", "to do"))
        }
        clients = all.filter { $0.status == .active }.map {
            Views.Option(value: String($0.id), label: $0.name, selected: false)
        }
        kinds = Ticket.Kind.allCases.map { Views.Option(value: $0.rawValue, label: page.t($0.title), selected: false) }
        channels = Ticket.Channel.allCases.filter { $0 != .portal }.map {
            Views.Option(value: $0.rawValue, label: page.t($0.title), selected: false)
        }
        reports = actor.may(.viewServiceReports)
        duty = actor.may(.handleTicket)
    }
}

struct SurveyRow {
    let clientId: Int64
    let client, state: String
}

/// A ticket with its history and what the reader may do to it now (its offers, from the core).
struct TicketPage {
    let id: Int64
    let subject, kind, client, state, owner, channel, opened: String
    let overdue: String?
    let deadlines: [Deadline]
    let fault: Fault?
    let events: [TicketEventRow]
    let analysis: Analysis?
    let offers: TicketOffers
    let staff: [Views.Option]

    struct Deadline {
        let label, at: String
    }

    struct Fault {
        let at, place, symptom, plan: String
    }

    struct Analysis {
        let impact, handling, cause, corrective, preventive, written: String
        let delivered: String?
    }

    init(_ view: TicketView, offers: TicketOffers, staff: [Account], _ page: Page) {
        let t = view.ticket
        id = t.id
        subject = t.subject
        kind = page.t(t.kind.title)
        client = view.clientName
        state = page.t(t.state.title)
        owner = t.owner ?? "—"
        channel = page.t(t.channel.title)
        opened = "\(page.time(t.openedAt)) · \(t.openedBy)"
        let late = view.overdue.map { "\(page.t($0.title)) [\($0.clause)]" }.joined(separator: ", ")
        overdue = late.isEmpty ? nil : late
        var deadlines: [Deadline] = []
        if let due = t.replyDue { deadlines.append(Deadline(label: page.t("答复期限 (K2)", "reply by (K2)"), at: page.time(due))) }
        if let due = t.resolveDue { deadlines.append(Deadline(label: page.t("解决期限 (K2)", "resolve by (K2)"), at: page.time(due))) }
        if let due = t.contactFormDue {
            deadlines.append(Deadline(label: page.t("工作联络单期限 (K4)", "contact form by (K4)"), at: page.time(due)))
        }
        self.deadlines = deadlines
        fault = t.kind == .fault
            ? Fault(at: page.time(t.faultAt), place: t.faultPlace ?? "—", symptom: t.faultSymptom ?? "—", plan: t.faultPlan ?? "—")
            : nil
        events = view.events.map {
            TicketEventRow(at: page.time($0.at), kind: page.t($0.kind.title), actor: $0.actor, target: $0.target, text: $0.text)
        }
        analysis = view.analysis.map { report in
            Analysis(
                impact: report.impact, handling: report.handling, cause: report.cause, corrective: report.corrective,
                preventive: report.preventive, written: "\(report.writtenBy) \(page.time(report.writtenAt))",
                delivered: report.deliveredAt.map { "\(report.deliveredTo ?? "") · \(page.time($0)) · \(report.deliveredBy ?? "")" })
        }
        self.offers = offers
        self.staff = staff.filter { $0.name != t.owner }.map {
            Views.Option(value: $0.name, label: "\($0.displayName) (\($0.name))", selected: false)
        }
    }
}
