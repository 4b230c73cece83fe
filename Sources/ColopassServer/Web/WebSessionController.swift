import ColopassCore
import Foundation
import Hummingbird

/// Signing in and out of the web console and portal: the session secret travels in an HttpOnly,
/// SameSite=Strict cookie; forms carry the CSRF token derived from it. Everyone changes their own
/// password here; after a one-time password, nothing else is open until they do (R1).
struct WebSessionController: Sendable {
    let core: Core
    let configuration: ServerConfiguration

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/", .open) { _, _ in Redirect.to("/web/") },
            APIRoute(.get, "/web/signin", .open) { request, context in
                signInPage(request, context, name: "", back: WebErrorPage.safeBack(Input.query("back", request)), error: nil, status: .ok)
            },
            APIRoute(.post, "/web/signin", .open) { request, context in
                let form = try await WebForm.read(request, context, core)
                let back = WebErrorPage.safeBack(form.text("back"))
                let name = form.text("name") ?? ""
                do {
                    let password = form.fields["password"] ?? ""
                    let address = ClientAddress.of(request, context, trusting: configuration.trustedProxies)
                    let signIn = try await Offload.cpu {
                        try core.accounts.signIn(name: name, password: password, from: address, hasher: configuration.hasher)
                    }
                    let due = try core.accounts.passwordChangeDue(signIn.account.name)
                    let home = signIn.actor.role == .clientUser ? "/web/portal" : "/web/"
                    var response = Redirect.to(due ? "/web/password" : back ?? home)
                    response.setCookie(
                        Cookie(
                            name: RouteGuard.cookieName, value: signIn.token, maxAge: Int(Accounts.sessionHours * 3600),
                            path: "/", secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
                    return response
                } catch let error as CoreError {
                    return signInPage(request, context, name: name, back: back, error: error, status: error.status)
                }
            },
            APIRoute(.post, "/web/signout") { request, context in
                _ = try await WebForm.read(request, context, core)
                let identity = try context.signedIn(core)
                try core.accounts.signOut(tokenId: identity.tokenId, by: identity.actor)
                var response = Redirect.to("/web/signin")
                response.setCookie(
                    Cookie(
                        name: RouteGuard.cookieName, value: "", maxAge: 0, path: "/", secure: configuration.secureCookies,
                        httpOnly: true, sameSite: .strict))
                return response
            },
            APIRoute(.get, "/web/lang/{lang}", .open) { request, context in
                let lang = try Input.text("lang", context) == "en" ? "en" : "zh"
                let back = Input.query("back", request).flatMap { $0.hasPrefix("/web/") && !$0.hasPrefix("//") ? $0 : nil }
                var response = Redirect.to(back ?? "/web/")
                response.setCookie(
                    Cookie(
                        name: "colopass_lang", value: lang, maxAge: 365 * 86_400, path: "/",
                        secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
                return response
            },
            APIRoute(.get, "/web/password", .signedIn) { request, context in
                passwordPage(request, context, error: nil, status: .ok)
            },
            APIRoute(.post, "/web/password", .signedIn) { request, context in
                let form = try await WebForm.read(request, context, core)
                let identity = try context.signedIn(core)
                do {
                    let (current, password) = (form.fields["current"] ?? "", form.fields["password"] ?? "")
                    guard password == form.fields["again"] ?? "" else {
                        throw CoreError.invalid("again", zh: "两次输入的新密码不一致", en: "the two new passwords differ")
                    }
                    try await Offload.cpu {
                        try core.accounts.changeOwnPassword(
                            current: current, to: password, hasher: configuration.hasher, by: identity.actor)
                    }
                } catch let error as CoreError {
                    return passwordPage(request, context, error: error, status: error.status)
                }
                // The change ended every session of the account, this one too: sign in again.
                var response = Redirect.to("/web/signin?done=password")
                response.setCookie(
                    Cookie(
                        name: RouteGuard.cookieName, value: "", maxAge: 0, path: "/", secure: configuration.secureCookies,
                        httpOnly: true, sameSite: .strict))
                return response
            },
        ]
    }

    private func signInPage(
        _ request: Request, _ context: AppRequestContext, name: String, back: String?, error: CoreError?,
        status: HTTPResponse.Status
    ) -> Response {
        var page = Page(Bilingual(zh: "登录", en: "Sign in"), request, context, core)
        page.done = Input.query("done", request) == "password" ? DoneMessages.message("password") : nil
        var view: [String: Any] = ["name": name, "back": back ?? ""]
        if let error { view["error"] = ErrorView(error, page) }
        return page.render("signin", view, status: status, path: "/web/signin")
    }

    private func passwordPage(_ request: Request, _ context: AppRequestContext, error: CoreError?, status: HTTPResponse.Status)
        -> Response
    {
        let page = Page(Bilingual(zh: "修改密码", en: "Change your password"), request, context, core)
        var view: [String: Any] = [
            "forced": context.identity?.passwordChangeDue ?? false, "minimum": core.policy.parameters.passwordMinLength,
        ]
        if let error { view["error"] = ErrorView(error, page) }
        return page.render("password", view, status: status, path: "/web/password")
    }
}

/// R1's one-time passwords at the edge: a session opened with one reaches only the routes that
/// change it (or end the session); a page sends the browser to the change form.
enum OneTimePassword {
    static let allowed: Set<String> = [
        "GET /web/password", "POST /web/password", "POST /web/signout", "GET /web/lang/{lang}", "PUT /api/me/password",
        "DELETE /api/session", "GET /api/me",
    ]

    static func detour(_ route: APIRoute, _ request: Request, _ context: AppRequestContext) -> Response? {
        guard context.identity?.passwordChangeDue == true, !allowed.contains(route.key), route.access != .open else { return nil }
        return Redirect.to("/web/password")
    }
}
