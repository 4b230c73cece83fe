import ColopassCore
import Foundation
import Hummingbird

/// Sign-in, sign-out and one's own account, for API clients (bearer tokens).
struct AuthController: Sendable {
    let core: Core
    let configuration: ServerConfiguration

    struct SignInRequest: Decodable {
        var name: String
        var password: String
    }

    struct SignInResponse: Encodable {
        var token: String
        var expiresAt: Date
        var account: Account
    }

    struct Me: Encodable {
        var account: Account
        var tokenKind: AuthToken.Kind
        var expiresAt: Date?
    }

    struct PasswordChange: Decodable {
        var current: String
        var password: String
    }

    var routes: [APIRoute] {
        [
            APIRoute(.post, "/api/session", .open) { request, context in
                let body = try await Input.json(SignInRequest.self, from: request, core)
                let signIn = try await Offload.cpu {
                    try core.accounts.signIn(
                        name: body.name, password: body.password, from: ClientAddress.of(request, context, trusting: configuration.trustedProxies),
                        hasher: configuration.hasher)
                }
                return try Reply.json(
                    SignInResponse(token: signIn.token, expiresAt: signIn.expiresAt, account: signIn.account),
                    status: .created)
            },
            APIRoute(.delete, "/api/session") { _, context in
                let identity = try context.signedIn(core)
                try core.accounts.signOut(tokenId: identity.tokenId, by: identity.actor)
                return Reply.noContent()
            },
            APIRoute(.get, "/api/me") { _, context in
                let identity = try context.signedIn(core)
                return try Reply.json(
                    Me(account: identity.account, tokenKind: identity.kind, expiresAt: identity.expiresAt))
            },
            APIRoute(.put, "/api/me/password") { request, context in
                let body = try await Input.json(PasswordChange.self, from: request, core)
                let actor = try context.actor(core)
                try await Offload.cpu {
                    try core.accounts.changeOwnPassword(
                        current: body.current, to: body.password, hasher: configuration.hasher, by: actor)
                }
                return Reply.noContent()
            },
        ]
    }
}
