import ColopassCore
import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// A server-rendered page: a view model rendered by the page's own template inside the shared
/// layout (`Resources/templates`). Chinese first; the toggle (a cookie, `colopass_lang=en`)
/// shows English. The page builds no HTML itself: templates escape every value.
struct Page {
    let title: Bilingual
    let language: Language
    let identity: Authenticated?
    let csrf: String?
    let zone: TimeZone
    /// After an action's redirect (`?done=…`): its fixed message (`DoneMessages`), never text
    /// from the URL.
    var done: Bilingual?

    enum Language: String {
        case zh, en
    }

    init(_ title: Bilingual, _ request: Request, _ context: AppRequestContext, _ core: Core) {
        self.title = title
        language = Self.language(request)
        identity = context.identity
        csrf = context.cookieSession.map { CSRF.token(session: $0) }
        zone = core.policy.site.timeZone
        done = Input.query("done", request).map(DoneMessages.message)
    }

    init(title: Bilingual, language: Language, identity: Authenticated?, csrf: String?, zone: TimeZone) {
        self.title = title
        self.language = language
        self.identity = identity
        self.csrf = csrf
        self.zone = zone
    }

    static func language(_ request: Request) -> Language {
        request.cookies["colopass_lang"]?.value == "en" ? .en : .zh
    }

    /// The text in the page's language.
    func t(_ zh: String, _ en: String) -> String { language == .en ? en : zh }
    func t(_ text: Bilingual) -> String { t(text.zh, text.en) }

    /// A time as people read it: the site's zone, `2026-12-02 14:27`.
    func time(_ date: Date?) -> String { date.map { SiteTime.format($0, in: zone) } ?? "—" }

    /// A record's state in the reader's language, the raw value kept for scripts and tests.
    func status(_ raw: String) -> StatusLabel {
        StatusLabel(raw: raw, label: StatusLabel.labels[raw].map { t($0) } ?? raw)
    }

    /// Renders `template` (a file of `Resources/templates`) with `view` inside the layout.
    func render(_ template: String, _ view: Any, status: HTTPResponse.Status = .ok, path: String)
        -> Response
    {
        let model = TemplateValues.prepared(PageModel(chrome: chrome(path: path), view: view)) ?? [:]
        let html = Templates.library(language).render(model, withTemplate: template) ?? ""
        return Self.html(html, status: status)
    }

    /// The same, for a view model written as a literal: `["list": …, "cards": …]`.
    func render(_ template: String, _ fields: [String: Any], status: HTTPResponse.Status = .ok, path: String) -> Response {
        render(template, fields as Any, status: status, path: path)
    }

    static func html(_ html: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; frame-ancestors 'none'",
                .xFrameOptions: "DENY",
            ],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func chrome(path: String) -> Chrome {
        let other = language == .en ? ("zh", "中文") : ("en", "English")
        var back = URLComponents()
        back.queryItems = [URLQueryItem(name: "back", value: path)]
        let toggle = Link(href: "/web/lang/\(other.0)\(back.percentEncodedQuery.map { "?" + $0 } ?? "")", label: other.1)
        guard let identity else {
            return Chrome(lang: language == .en ? "en" : "zh-CN", title: t(title), csrf: csrf ?? "", nav: [], who: nil, toggle: toggle, done: done.map { t($0) })
        }
        let links = Navigation.links(for: identity.actor).map {
            NavLink(href: $0.0, label: t($0.1), current: $0.0 == path)
        }
        return Chrome(
            lang: language == .en ? "en" : "zh-CN", title: t(title), csrf: csrf ?? "", nav: links,
            who: "\(identity.account.displayName) (\(t(identity.account.role.title)))", toggle: toggle, done: done.map { t($0) })
    }
}

/// What the layout reads: `chrome` for the frame, `view` for the page's own template.
struct PageModel {
    let chrome: Chrome
    let view: Any
}

struct Chrome: TemplateModel {
    let lang: String
    let title: String
    let csrf: String
    let nav: [NavLink]
    let who: String?
    let toggle: Link
    let done: String?
}

struct NavLink: TemplateModel {
    let href: String
    let label: String
    let current: Bool
}

struct Link: TemplateModel {
    let href: String
    let label: String
}

/// The console's menu: each role sees the places where it has work, in its own order; a place is
/// shown only to whom its permission allows.
enum Navigation {
    private struct Place {
        let path: String
        let label: Bilingual
        /// Who may open it; nil for every signed-in account.
        let permission: Permission?
    }

    /// Every place of the operators' console, once, in the desk's order.
    private static let places: [Place] = [
        Place(path: "/web/", label: Bilingual(zh: "首页", en: "Home"), permission: nil),
        Place(path: "/web/clients", label: Bilingual(zh: "客户", en: "Clients"), permission: .viewRegistry),
        Place(path: "/web/cards", label: Bilingual(zh: "出入证", en: "Cards"), permission: .viewRegistry),
        Place(path: "/web/visits", label: Bilingual(zh: "临时进入", en: "Temporary entry"), permission: .viewRegistry),
        Place(path: "/web/emergencies", label: Bilingual(zh: "紧急进入", en: "Emergencies"), permission: .viewRegistry),
        Place(path: "/web/work-orders", label: Bilingual(zh: "工单", en: "Work orders"), permission: .viewRegistry),
        Place(path: "/web/removals", label: Bilingual(zh: "搬出", en: "Removals"), permission: .viewRegistry),
        Place(path: "/web/addresses", label: Bilingual(zh: "IP 与端口", en: "IPs and ports"), permission: .viewRegistry),
        Place(path: "/web/desk", label: Bilingual(zh: "客服台", en: "Service desk"), permission: .handleTicket),
        Place(path: "/web/reports/service", label: Bilingual(zh: "服务报告", en: "Service reports"), permission: .viewServiceReports),
        Place(path: "/web/inside", label: Bilingual(zh: "在场人员", en: "Inside"), permission: .viewOccupancy),
        Place(path: "/web/gate-alerts", label: Bilingual(zh: "门禁警报", en: "Door alerts"), permission: .viewOccupancy),
        Place(path: "/web/visitor-log", label: Bilingual(zh: "访客登记", en: "Visitor log"), permission: .viewVisitorLog),
        Place(path: "/web/audit", label: Bilingual(zh: "审计", en: "Audit"), permission: .viewAudit),
        Place(path: "/web/accounts", label: Bilingual(zh: "账户", en: "Accounts"), permission: .manageAccounts),
        Place(path: "/web/password", label: Bilingual(zh: "修改密码", en: "Password"), permission: nil),
    ]

    /// The door's work first: who is inside, what the gates raised, who is expected and what may
    /// leave; the registry only to look a card up.
    private static let guardOrder = [
        "/web/inside", "/web/gate-alerts", "/web/visitor-log", "/web/visits", "/web/emergencies", "/web/removals",
        "/web/cards", "/web/password",
    ]

    private static let portal: [(String, Bilingual)] = [
        ("/web/portal", Bilingual(zh: "本客户", en: "My company")),
        ("/web/portal/roster", Bilingual(zh: "人员与出入证", en: "People and cards")),
        ("/web/portal/visit", Bilingual(zh: "临时进入申请", en: "Temporary entry")),
        ("/web/portal/removal", Bilingual(zh: "设备搬出", en: "Removals")),
        ("/web/portal/access-log", Bilingual(zh: "出入记录", en: "Access log")),
        ("/web/portal/tickets", Bilingual(zh: "服务工单", en: "Service tickets")),
        ("/web/password", Bilingual(zh: "修改密码", en: "Password")),
    ]

    static func links(for actor: Actor) -> [(String, Bilingual)] {
        if actor.role == .clientUser { return portal }
        let ordered = actor.role == .guard ? guardOrder.compactMap { path in places.first { $0.path == path } } : places
        return ordered.filter { $0.permission.map(actor.may) ?? true }.map { ($0.path, $0.label) }
    }
}

/// HTML escaping for the few values set outside a template (a redirect's URL).
func h(_ text: String) -> String { Markup.escape(text) }

extension HTTPField.Name {
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
}

enum Redirect {
    static func to(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}
