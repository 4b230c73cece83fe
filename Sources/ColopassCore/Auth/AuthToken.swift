import Foundation
import GRDB

/// A bearer secret that acts as an account: a session from a password sign-in (web cookie or
/// API), a long-lived API token for scripts, or a gate token (a guard account, gate routes only).
/// Only the SHA-256 of the secret is stored.
public struct AuthToken: Record, Identifiable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case session, api, gate

        /// How the audit names a token of this kind: "session 12", "api token 7".
        public func credentialName(_ id: Int64) -> String {
            switch self {
            case .session: "session \(id)"
            case .api: "api token \(id)"
            case .gate: "gate token \(id)"
            }
        }

        /// A prefix that tells the kind at a glance (and lets secret scanners find leaked tokens).
        var prefix: String {
            switch self {
            case .session: "cps_"
            case .api: "cpa_"
            case .gate: "cpg_"
            }
        }
    }

    public var id: Int64?
    public var tokenHash: String
    public var kind: Kind
    public var accountId: Int64
    public var label: String?
    public var createdAt: Date
    public var createdBy: String
    public var expiresAt: Date?
    public var revokedAt: Date?

    public static let databaseTableName = "auth_token"

    public func isUsable(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { now < $0 } ?? true)
    }

    /// 32 random bytes, base64url, behind the kind's prefix; and the hash that is stored.
    static func mint(_ kind: Kind) -> (secret: String, hash: String) {
        let secret = kind.prefix + Base64URL.encode(SecureRandom.bytes(32))
        return (secret, hash(secret))
    }

    static func hash(_ secret: String) -> String { SHA256.hex(Array(secret.utf8)) }
}

/// A token as lists show it: never the secret, never its hash.
public struct TokenView: Sendable, Codable, Equatable {
    public var id: Int64
    public var kind: AuthToken.Kind
    public var account: String
    public var label: String?
    public var createdAt: Date
    public var createdBy: String
    public var expiresAt: Date?
    public var revokedAt: Date?
}

/// A token as handed out, once: the secret is shown here and nowhere else.
public struct IssuedToken: Sendable, Codable, Equatable {
    public var id: Int64
    public var kind: AuthToken.Kind
    public var account: String
    public var token: String
    public var expiresAt: Date?
}

/// Who a presented token acts as.
public struct Authenticated: Sendable, Equatable {
    public var actor: Actor
    public var account: Account
    public var tokenId: Int64
    public var kind: AuthToken.Kind
    public var expiresAt: Date?
    /// R1: the account's password is a one-time one; a session does nothing but change it.
    public var passwordChangeDue: Bool = false
}

enum Base64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

extension AuthToken {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let id = Column("id")
    }
}
