import ColopassCore
import Foundation
import Hummingbird

/// A failure as a page shows it: inside the layout, the clause once, the field by its label.
struct ErrorView {
    let clause: String?
    let field: String?
    let text: String

    init(_ error: CoreError, _ page: Page) {
        switch error {
        case .refused(let refusal):
            clause = refusal.clause.code
            field = nil
            text = page.t(refusal.reason)
        case .invalidInput(let name, let reason):
            clause = nil
            field = FieldLabels.label(name).map { page.t($0) } ?? name
            text = page.t(reason)
        case .notFound:
            clause = nil
            field = nil
            text = page.t(error.message)
        }
    }

    init(_ body: ErrorBody, _ page: Page) {
        clause = body.error.clause
        field = body.error.field.map { name in FieldLabels.label(name).map { page.t($0) } ?? name }
        text = page.t(body.error.zh, body.error.en)
    }
}

/// The names forms and the core give fields, as people read them. A mover's field
/// (`movers[0].id_number`) is named with the mover's place in the list.
enum FieldLabels {
    static func label(_ name: String) -> Bilingual? {
        for (list, who) in [("movers[", Bilingual(zh: "搬运人员", en: "mover")), ("visitors[", Bilingual(zh: "来访人员", en: "visitor"))]
        where name.hasPrefix(list) {
            guard let close = name.firstIndex(of: "]") else { break }
            let index = Int(name[name.index(name.startIndex, offsetBy: list.count)..<close]).map { $0 + 1 } ?? 1
            let rest = String(name[name.index(after: close)...].drop { $0 == "." })
            let inner = labels[rest] ?? Bilingual(zh: rest, en: rest)
            return Bilingual(zh: "第 \(index) 位\(who.zh)的\(inner.zh)", en: "\(who.en) \(index)'s \(inner.en)")
        }
        return labels[name]
    }

    static let labels: [String: Bilingual] = [
        "name": Bilingual(zh: "名称", en: "name"), "display_name": Bilingual(zh: "显示名", en: "display name"),
        "role": Bilingual(zh: "岗位", en: "role"), "client_id": Bilingual(zh: "客户", en: "client"),
        "client": Bilingual(zh: "客户", en: "client"),
        "password": Bilingual(zh: "密码", en: "password"), "current": Bilingual(zh: "当前密码", en: "current password"),
        "again": Bilingual(zh: "再次输入的新密码", en: "the new password again"),
        "reason": Bilingual(zh: "事由", en: "reason"), "note": Bilingual(zh: "意见", en: "note"),
        "window_start": Bilingual(zh: "开始时间", en: "start"), "window_end": Bilingual(zh: "结束时间", en: "end"),
        "visitor_name": Bilingual(zh: "人员姓名", en: "visitor's name"), "visitor_id": Bilingual(zh: "身份证号", en: "resident ID number"),
        "visitors": Bilingual(zh: "来访人员", en: "visitors"),
        "letter": Bilingual(zh: "介绍信", en: "letter"), "loss_letter": Bilingual(zh: "遗失说明介绍信", en: "letter stating the loss"),
        "removal_date": Bilingual(zh: "出门日期", en: "removal date"), "company_name": Bilingual(zh: "申请单位", en: "company"),
        "mover_name": Bilingual(zh: "搬运人员姓名", en: "mover's name"), "mover_id": Bilingual(zh: "搬运人员身份证号", en: "mover's resident ID"),
        "mover_id_copy": Bilingual(zh: "搬运人员身份证复印件", en: "mover's ID copy"),
        "application_scan": Bilingual(zh: "加盖公章的申请单扫描件", en: "sealed application scan"),
        "id_number": Bilingual(zh: "证件号码", en: "ID number"), "id_type": Bilingual(zh: "证件类型", en: "ID type"),
        "id_copy": Bilingual(zh: "身份证复印件", en: "ID copy"), "photo": Bilingual(zh: "照片", en: "photo"),
        "phone": Bilingual(zh: "电话", en: "phone"), "credit_code": Bilingual(zh: "统一社会信用代码", en: "unified social credit code"),
        "number": Bilingual(zh: "编号", en: "number"), "starts_on": Bilingual(zh: "开始日期", en: "start date"),
        "ends_on": Bilingual(zh: "结束日期", en: "end date"), "racks": Bilingual(zh: "机柜", en: "racks"),
        "server_quota": Bilingual(zh: "服务器限额", en: "server quota"), "person_id": Bilingual(zh: "人员", en: "person"),
        "kind": Bilingual(zh: "类型", en: "kind"), "quantity": Bilingual(zh: "数量", en: "quantity"),
        "line": Bilingual(zh: "行号", en: "line"), "serial": Bilingual(zh: "序列号", en: "serial"),
        "description": Bilingual(zh: "到货说明", en: "description"), "items": Bilingual(zh: "设备", en: "equipment"),
        "body": Bilingual(zh: "表单", en: "form"), "contact_name": Bilingual(zh: "联系人", en: "contact"),
        "contact_phone": Bilingual(zh: "联系电话", en: "contact's phone"), "checklist": Bilingual(zh: "核对清单", en: "checklist"),
    ]
}

/// Pages answer failures as pages: a core error inside the layout with the menu of whoever is
/// signed in; a page asked for without a session sends the browser to sign in, and back after.
enum WebErrorPage {
    static func answer(
        _ route: APIRoute, _ request: Request, _ context: AppRequestContext, core: Core, guardian: RouteGuard
    ) async throws -> Response {
        guard ErrorMiddleware<AppRequestContext>.isPage(request) else {
            return try await route.handler(request, try guardian.admit(route, request, context))
        }
        var admitted = context
        do {
            admitted = try guardian.admit(route, request, context)
            if let detour = OneTimePassword.detour(route, request, admitted) { return detour }
            return try await route.handler(request, admitted)
        } catch let error as CoreError {
            if error.status == .unauthorized, request.method == .get, route.access != .open {
                return Redirect.to(signIn(back: request))
            }
            return render(ErrorView(error, page(request, admitted, core)), status: error.status, request, admitted, core)
        }
    }

    static func page(_ request: Request, _ context: AppRequestContext, _ core: Core) -> Page {
        Page(Bilingual(zh: "无法办理", en: "Not done"), request, context, core)
    }

    static func render(_ error: ErrorView, status: HTTPResponse.Status, _ request: Request, _ context: AppRequestContext, _ core: Core) -> Response {
        let page = page(request, context, core)
        var fields: [String: Any] = ["error": error]
        if status == .unauthorized { fields["signIn"] = "/web/signin" }
        var response = page.render("error", fields, status: status, path: request.uri.path)
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer realm=\"colopass\"" }
        return response
    }

    /// `/web/signin?back=…`: where to go after signing in, a path inside the console only.
    static func signIn(back request: Request) -> String {
        var components = URLComponents()
        components.path = "/web/signin"
        components.queryItems = [URLQueryItem(name: "back", value: request.uri.description)]
        return components.string ?? "/web/signin"
    }

    /// Only a path inside the console: no open redirect.
    static func safeBack(_ back: String?) -> String? {
        guard let back, back.hasPrefix("/web/"), !back.hasPrefix("//"), !back.contains("\\"), !back.hasPrefix("/web/signin") else {
            return nil
        }
        return back
    }
}
