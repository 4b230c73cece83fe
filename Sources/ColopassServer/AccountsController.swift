import ColopassCore
import Foundation
import Hummingbird

/// Accounts, passwords and long-lived tokens: the admin's (R1, manageAccounts).
struct AccountsController: Sendable {
    let core: Core
    let configuration: ServerConfiguration

    struct NewAccount: Decodable {
        var name: String
        var displayName: String?
        var role: String
        var clientId: Int64?
    }

    struct PasswordSet: Decodable {
        var password: String
    }

    struct TokenRequest: Decodable {
        var kind: String
        var label: String?
        var days: Int?
    }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/accounts", .signedIn, .manageAccounts) { _, context in
                try Reply.json(try core.accounts.accounts(by: try context.actor(core)))
            },
            APIRoute(.post, "/api/accounts", .signedIn, .manageAccounts) { request, context in
                let body = try await Input.json(NewAccount.self, from: request, core)
                guard let role = Role(rawValue: body.role) else {
                    throw CoreError.invalid(
                        "role", zh: "未知岗位", en: "one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let account = try core.accounts.addAccount(
                    name: body.name, displayName: body.displayName, role: role, clientId: body.clientId,
                    by: try context.actor(core))
                return try Reply.json(account.redacted, status: .created)
            },
            APIRoute(.post, "/api/accounts/{name}/disable", .signedIn, .manageAccounts) { _, context in
                let account = try core.accounts.disableAccount(try Input.text("name", context), by: try context.actor(core))
                return try Reply.json(account.redacted)
            },
            APIRoute(.put, "/api/accounts/{name}/password", .signedIn, .manageAccounts) { request, context in
                let body = try await Input.json(PasswordSet.self, from: request, core)
                let (name, actor) = (try Input.text("name", context), try context.actor(core))
                try await Offload.cpu {
                    try core.accounts.setPassword(name, to: body.password, hasher: configuration.hasher, by: actor)
                }
                return Reply.noContent()
            },
            APIRoute(.post, "/api/accounts/{name}/tokens", .signedIn, .manageAccounts) { request, context in
                let body = try await Input.json(TokenRequest.self, from: request, core)
                guard let kind = AuthToken.Kind(rawValue: body.kind), kind != .session else {
                    throw CoreError.invalid("kind", zh: "应为 api 或 gate", en: "api or gate")
                }
                let issued = try core.accounts.issueToken(
                    kind, for: try Input.text("name", context), label: body.label, days: body.days,
                    by: try context.actor(core))
                return try Reply.json(issued, status: .created)
            },
            APIRoute(.get, "/api/tokens", .signedIn, .manageAccounts) { request, context in
                try Reply.json(
                    try core.accounts.tokens(includeEnded: try Input.queryBool("all", request), by: try context.actor(core)))
            },
            APIRoute(.delete, "/api/tokens/{id}", .signedIn, .manageAccounts) { _, context in
                try Reply.json(try core.accounts.revokeToken(try Input.id("id", context), by: try context.actor(core)))
            },
        ]
    }
}
