import ColopassCore
import Foundation
import Hummingbird

/// The administrator's pages: the site's accounts (R1). A password is never typed by the admin
/// for someone else: a reset makes a random one-time password, shown once on the answer page,
/// which its owner must change at their first sign-in.
struct AccountsPagesController: Sendable {
    let core: Core
    let configuration: ServerConfiguration

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/web/accounts", .signedIn, .manageAccounts) { request, context in
                try accountsPage(request, context, typed: [:], error: nil, status: .ok)
            },
            APIRoute(.post, "/web/accounts", .signedIn, .manageAccounts) { request, context in
                let form = try await WebForm.read(request, context, core)
                do {
                    guard let role = Role(rawValue: try form.require("role")) else {
                        throw CoreError.invalid("role", zh: "请选择岗位", en: "choose a role")
                    }
                    let clientId = form.text("client_id") == nil ? nil : try form.int("client_id")
                    let account = try core.accounts.addAccount(
                        name: try form.require("name"), displayName: form.text("display_name"), role: role, clientId: clientId,
                        by: try context.actor(core))
                    return try await resetPassword(
                        of: account.name, request, context, title: Bilingual(zh: "账户已新建", en: "Account added"))
                } catch let error as CoreError {
                    guard case .invalidInput = error else { throw error }
                    return try accountsPage(request, context, typed: form.fields, error: error, status: error.status)
                }
            },
            APIRoute(.post, "/web/accounts/{name}/disable", .signedIn, .manageAccounts) { request, context in
                let form = try await WebForm.read(request, context, core)
                let (name, actor) = (try Input.text("name", context), try context.actor(core))
                if form.text("confirm") != "yes",
                    let account = try core.accounts.accounts(by: actor).first(where: { $0.name == name }),
                    core.accounts.offers(account, to: actor).disable
                {
                    let page = Page(Bilingual(zh: "请确认", en: "Please confirm"), request, context, core)
                    return page.render(
                        "confirm",
                        ConfirmPage(
                            question: page.t("停用后 \(name) 的所有登录立即失效，且不能再登录。确认停用？", "Disabling ends every session of \(name) and stops its sign-ins. Disable it?"),
                            action: "/web/accounts/\(name)/disable", button: page.t("确认停用", "Yes, disable it"),
                            back: "/web/accounts", fields: []),
                        path: "/web/accounts")
                }
                _ = try core.accounts.disableAccount(name, by: actor)
                return Redirect.to("/web/accounts?done=disabled")
            },
            APIRoute(.post, "/web/accounts/{name}/password", .signedIn, .manageAccounts) { request, context in
                _ = try await WebForm.read(request, context, core)
                return try await resetPassword(
                    of: try Input.text("name", context), request, context, title: Bilingual(zh: "密码已重置", en: "Password reset"))
            },
        ]
    }

    private func accountsPage(
        _ request: Request, _ context: AppRequestContext, typed: [String: String], error: CoreError?, status: HTTPResponse.Status
    ) throws -> Response {
        let actor = try context.actor(core)
        let page = Page(Bilingual(zh: "账户", en: "Accounts"), request, context, core)
        let clients = try core.registry.clients(by: actor)
        let names = Dictionary(clients.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var list = ListQuery(request, path: "/web/accounts", sorts: ["name", "role"])
        let sort = list.sort
        list.hint = page.t("登录名、姓名或岗位", "login, name or role")
        list.states([Account.Status.active, .disabled].map { ($0.rawValue, page.status($0.rawValue).label) })
        let accounts = try core.accounts.accounts(by: actor)
        list.clients(names.filter { id, _ in accounts.contains { $0.clientId == id } })
        let found = list.apply(
            accounts,
            text: { [$0.name, $0.displayName, $0.role.title.zh, $0.role.title.en, $0.clientId.flatMap { names[$0] } ?? ""] },
            state: { $0.status.rawValue }, client: { $0.clientId ?? 0 },
            sort: { sort == "role" ? ($0.role.rawValue, $0.name) < ($1.role.rawValue, $1.name) : $0.name < $1.name })
        let rows = found.map { account in
            Views.AccountRow(
                name: account.name, displayName: account.displayName, role: page.t(account.role.title),
                client: account.clientId.map { names[$0] ?? String($0) } ?? "—", status: page.status(account.status.rawValue),
                offers: core.accounts.offers(account, to: actor))
        }
        var view: [String: Any] = [
            "list": list.view(),
            "accounts": rows,
            // No default: the admin chooses the role every time.
            "roles": Role.allCases.map { Views.Option(value: $0.rawValue, label: page.t($0.title), selected: typed["role"] == $0.rawValue) },
            "clients": clients.map { Views.Option(value: String($0.id), label: $0.name, selected: typed["client_id"] == String($0.id)) },
            "typed": ["name": typed["name"] ?? "", "displayName": typed["display_name"] ?? ""],
        ]
        if let error { view["error"] = ErrorView(error, page) }
        return page.render("accounts", view, status: status, path: "/web/accounts")
    }

    /// Sets a fresh random one-time password and shows it this once (the store keeps only its hash).
    private func resetPassword(
        of name: String, _ request: Request, _ context: AppRequestContext, title: Bilingual
    ) async throws -> Response {
        let actor = try context.actor(core)
        let password = try await Offload.cpu {
            try core.accounts.issueOneTimePassword(name, hasher: configuration.hasher, by: actor)
        }
        let page = Page(title, request, context, core)
        return page.render("account-password", ["name": name, "password": password], path: "/web/accounts")
    }
}
