import ColopassCore
import Foundation
import HTTPTypes
import Hummingbird

/// Server-rendered pages: plain HTML, a little CSS, no build step. Chinese first; the toggle
/// (a cookie, `colopass_lang=en`) shows English.
struct Page {
    let title: Bilingual
    let language: Language
    let identity: Authenticated?
    let csrf: String?
    var body: String = ""

    enum Language: String {
        case zh, en
    }

    init(_ title: Bilingual, _ request: Request, _ context: AppRequestContext) {
        self.title = title
        language = request.cookies["colopass_lang"]?.value == "en" ? .en : .zh
        identity = context.identity
        csrf = context.cookieSession.map { CSRF.token(session: $0) }
    }

    /// The text in the page's language.
    func t(_ zh: String, _ en: String) -> String { language == .en ? en : zh }
    func t(_ text: Bilingual) -> String { t(text.zh, text.en) }

    /// A form that changes something: POST with the CSRF field.
    func form(_ action: String, _ fields: String, button: Bilingual, multipart: Bool = false, danger: Bool = false)
        -> String
    {
        """
        <form method="post" action="\(h(action))"\(multipart ? " enctype=\"multipart/form-data\"" : "") class="inline">\
        <input type="hidden" name="csrf" value="\(h(csrf ?? ""))">\(fields)\
        <button type="submit"\(danger ? " class=\"danger\"" : "")>\(h(t(button)))</button></form>
        """
    }

    mutating func add(_ html: String) { body += html + "\n" }

    /// A document to print (badge sides, an exit slip): our own SVGs inline, under a print
    /// button that the print style hides.
    mutating func addPrintable(_ sheets: [(style: String, id: String, svg: String)]) {
        add("<p class=\"noprint\"><button onclick=\"window.print()\" id=\"print\">\(h(t("打印", "Print")))</button></p>")
        for sheet in sheets {
            add("<div class=\"\(sheet.style)\" id=\"\(sheet.id)\">\(Tables.inlineSVG(sheet.svg))</div>")
        }
    }

    func response(status: HTTPResponse.Status = .ok, path: String = "/web/") -> Response {
        let nav = navigation(path: path)
        let html = """
            <!doctype html>
            <html lang="\(language == .en ? "en" : "zh-CN")"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(h(t(title))) · Colopass</title>
            <style>\(Self.style)</style></head>
            <body><header><strong>Colopass</strong> \(nav)</header>
            <main><h1>\(h(t(title)))</h1>
            \(body)</main></body></html>
            """
        return Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; frame-ancestors 'none'",
                .xFrameOptions: "DENY",
            ],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    private func navigation(path: String) -> String {
        let other = language == .en ? ("zh", "中文") : ("en", "English")
        let toggle = "<a id=\"lang\" href=\"/web/lang/\(other.0)?back=\(h(path))\">\(other.1)</a>"
        guard let identity else { return toggle }
        var links: [(String, Bilingual)] = []
        if identity.actor.role == .clientUser {
            links = [("/web/portal", Bilingual(zh: "本客户", en: "My company"))]
        } else {
            links = [
                ("/web/", Bilingual(zh: "首页", en: "Home")), ("/web/clients", Bilingual(zh: "客户", en: "Clients")),
                ("/web/cards", Bilingual(zh: "出入证", en: "Cards")),
                ("/web/visits", Bilingual(zh: "临时进入", en: "Temporary entry")),
                ("/web/emergencies", Bilingual(zh: "紧急进入", en: "Emergencies")),
                ("/web/work-orders", Bilingual(zh: "工单", en: "Work orders")),
                ("/web/removals", Bilingual(zh: "搬出", en: "Removals")),
            ]
            if identity.actor.may(.viewOccupancy) {
                links.append(("/web/inside", Bilingual(zh: "在场人员", en: "Inside")))
            }
            if identity.actor.may(.manageAccounts) {
                links.append(("/web/accounts", Bilingual(zh: "账户", en: "Accounts")))
            }
        }
        let items = links.map { "<a href=\"\($0.0)\">\(h(t($0.1)))</a>" }.joined(separator: " ")
        let signOut = form("/web/signout", "", button: Bilingual(zh: "退出", en: "Sign out"))
        return "<nav>\(items) <span class=\"who\">\(h(identity.account.displayName)) (\(h(t(identity.account.role.title))))</span> \(toggle) \(signOut)</nav>"
    }

    static let style = """
        body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0;color:#222}
        header{background:#1f3a5f;color:#fff;padding:.6em 1em;display:flex;gap:1em;align-items:center}
        header a{color:#fff;margin-right:.8em} header .who{opacity:.8;margin:0 .8em}
        main{padding:1em 1.5em;max-width:70em} table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}
        th,td{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}
        form.inline{display:inline-block;margin:.15em .3em .15em 0} input,select{margin:.1em .3em .1em 0}
        button{background:#1f3a5f;color:#fff;border:0;padding:.3em .8em;border-radius:3px;cursor:pointer}
        button.danger{background:#a33} .note{background:#eef5ff;padding:.5em 1em;border-left:4px solid #1f3a5f}
        .error{background:#fde8e8;padding:.5em 1em;border-left:4px solid #a33}
        fieldset{border:1px solid #ccc;margin:1em 0} label{display:block;margin:.3em 0}
        .badge svg{width:85.6mm;height:54mm;border:1px solid #ccc;margin:.5em}
        .slip svg{width:105mm;height:148mm;border:1px solid #ccc;margin:.5em}
        @media print{header,form,nav,.noprint{display:none} .badge svg,.slip svg{border:0}}
        """
}

/// HTML escaping for text and attribute values.
func h(_ text: String) -> String { Markup.escape(text) }

extension HTTPField.Name {
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
}

enum Redirect {
    static func to(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}
