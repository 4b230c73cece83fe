import ColopassCore
import Foundation
import Hummingbird

/// Signing in and out of the web console and portal: the session secret travels in an HttpOnly,
/// SameSite=Strict cookie; forms carry the CSRF token derived from it.
struct WebSessionController: Sendable {
    let core: Core
    let configuration: ServerConfiguration

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/", .open) { _, _ in Redirect.to("/web/") },
            APIRoute(.get, "/web/signin", .open) { request, context in
                signInPage(request, context, error: nil, status: .ok)
            },
            APIRoute(.post, "/web/signin", .open) { request, context in
                let form = try await WebForm.read(request, context, core)
                do {
                    let (name, password) = (form.text("name") ?? "", form.fields["password"] ?? "")
                    let signIn = try await Offload.cpu {
                        try core.accounts.signIn(
                            name: name, password: password, from: context.remoteAddress, hasher: configuration.hasher)
                    }
                    var response = Redirect.to(signIn.actor.role == .clientUser ? "/web/portal" : "/web/")
                    response.setCookie(
                        Cookie(
                            name: RouteGuard.cookieName, value: signIn.token, maxAge: Int(Accounts.sessionHours * 3600),
                            path: "/", secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
                    return response
                } catch let error as CoreError {
                    return signInPage(request, context, error: error, status: error.status)
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
                // Only a path inside the console: no open redirect.
                let back = Input.query("back", request).flatMap { $0.hasPrefix("/web/") && !$0.hasPrefix("//") ? $0 : nil }
                var response = Redirect.to(back ?? "/web/")
                response.setCookie(
                    Cookie(
                        name: "colopass_lang", value: lang, maxAge: 365 * 86_400, path: "/",
                        secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
                return response
            },
        ]
    }

    private func signInPage(_ request: Request, _ context: AppRequestContext, error: CoreError?, status: HTTPResponse.Status)
        -> Response
    {
        var page = Page(Bilingual(zh: "登录", en: "Sign in"), request, context)
        if let error { page.add("<p class=\"error\" id=\"error\">\(h(page.t(error.message)))</p>") }
        page.add(
            """
            <form method="post" action="/web/signin" id="signin">
            <label>\(h(page.t("账户", "Account"))) <input name="name" id="name" autocomplete="username" required></label>
            <label>\(h(page.t("密码", "Password"))) <input name="password" id="password" type="password" autocomplete="current-password" required></label>
            <button type="submit" id="submit">\(h(page.t("登录", "Sign in")))</button></form>
            """)
        return page.response(status: status, path: "/web/signin")
    }
}
