import ColopassCore
import Foundation
import Hummingbird

/// The administrator's pages: the site's accounts (R1). A password is never typed by the admin
/// for someone else: a reset makes a random one-time password, shown once on the answer page,
/// to be changed by its owner after signing in.
struct AccountsPagesController: Sendable {
    let core: Core
    let configuration: ServerConfiguration

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/web/accounts", .signedIn, .manageAccounts) { request, context in
                let actor = try context.actor(core)
                var page = Page(Bilingual(zh: "账户", en: "Accounts"), request, context)
                Notes.done(request, &page)
                page.add(Self.table(try core.accounts.accounts(by: actor), page, me: actor.name))
                page.add("<h2>\(h(page.t("新建账户", "New account")))</h2>")
                let roles = Role.allCases.map { "<option value=\"\($0.rawValue)\">\(h(page.t($0.title)))</option>" }.joined()
                let clients = try core.registry.clients(by: actor).map { "<option value=\"\($0.id)\">\(h($0.name))</option>" }.joined()
                page.add(
                    page.form(
                        "/web/accounts",
                        """
                        <input name="name" id="new-name" required placeholder="\(h(page.t("登录名", "login name")))">\
                        <input name="display_name" placeholder="\(h(page.t("显示名", "display name")))">\
                        <select name="role">\(roles)</select>\
                        <select name="client_id"><option value="">\(h(page.t("（客户用户须选客户）", "(client users: their client)")))</option>\(clients)</select>
                        """,
                        button: Bilingual(zh: "新建", en: "Add")))
                return page.response(path: "/web/accounts")
            },
            APIRoute(.post, "/web/accounts", .signedIn, .manageAccounts) { request, context in
                let form = try await WebForm.read(request, context, core)
                guard let role = Role(rawValue: try form.require("role")) else {
                    throw CoreError.invalid("role", zh: "未知岗位", en: "one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let clientId = form.text("client_id") == nil ? nil : try form.int("client_id")
                let account = try core.accounts.addAccount(
                    name: try form.require("name"), displayName: form.text("display_name"), role: role, clientId: clientId,
                    by: try context.actor(core))
                return try await resetPassword(
                    of: account.name, request, context, title: Bilingual(zh: "账户已新建", en: "Account added"))
            },
            APIRoute(.post, "/web/accounts/{name}/disable", .signedIn, .manageAccounts) { request, context in
                _ = try await WebForm.read(request, context, core)
                _ = try core.accounts.disableAccount(try Input.text("name", context), by: try context.actor(core))
                return Redirect.to("/web/accounts?done=disabled")
            },
            APIRoute(.post, "/web/accounts/{name}/password", .signedIn, .manageAccounts) { request, context in
                _ = try await WebForm.read(request, context, core)
                return try await resetPassword(
                    of: try Input.text("name", context), request, context, title: Bilingual(zh: "密码已重置", en: "Password reset"))
            },
        ]
    }

    /// Sets a fresh random password and shows it this once (the store keeps only its hash).
    private func resetPassword(
        of name: String, _ request: Request, _ context: AppRequestContext, title: Bilingual
    ) async throws -> Response {
        let (password, actor) = (Accounts.generatePassword(core.policy), try context.actor(core))
        try await Offload.cpu {
            try core.accounts.setPassword(name, to: password, hasher: configuration.hasher, by: actor)
        }
        var page = Page(title, request, context)
        page.add(
            """
            <p class="note">\(h(page.t("一次性初始密码，仅显示这一次；请交给本人，登录后修改", "One-time password, shown only now: hand it to its owner, to be changed after signing in"))):</p>
            <p><code id="account">\(h(name))</code> <code id="password">\(h(password))</code></p>
            <p><a href="/web/accounts">\(h(page.t("返回账户列表", "Back to the accounts")))</a></p>
            """)
        return page.response(path: "/web/accounts")
    }

    static func table(_ accounts: [Account], _ page: Page, me: String) -> String {
        Tables.table(
            [page.t("登录名", "Login"), page.t("显示名", "Name"), page.t("岗位", "Role"), page.t("客户", "Client"), page.t("状态", "Status"), ""],
            accounts.map { account in
                var actions = ""
                if account.status == .active, account.name != me {
                    actions =
                        page.form("/web/accounts/\(account.name)/password", "", button: Bilingual(zh: "重置密码", en: "Reset password"))
                        + page.form("/web/accounts/\(account.name)/disable", "", button: Bilingual(zh: "停用", en: "Disable"), danger: true)
                }
                return [
                    h(account.name), h(account.displayName), h(page.t(account.role.title)), account.clientId.map { String($0) } ?? "—",
                    Tables.status(account.status.rawValue, page), actions,
                ]
            }, id: "accounts")
    }
}
