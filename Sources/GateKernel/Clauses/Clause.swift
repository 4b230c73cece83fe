/// The written clauses of the site's rules: the reference rules (S security, E entering, C cards
/// and passes, Q equipment) and Colopass's own administration clauses (R, D, G). The policy file
/// must give the text of each.
public enum ClauseID: String, CaseIterable, Sendable, Codable, Hashable {
    case S1, S2, S3, S4, S5, S6, S7
    case E1, E2, E3, E4, E5
    case C1, C2, C3, C4, C5, C6, C7, C8, C9, C10
    case Q1, Q2, Q3, Q4, Q5
    case R1, R2, R3, R4
    case D1, G1, G2
    case K1, K2, K3, K4, K5, K6, K7, K8, K9
    case G3
}

/// Whom a refusal is about. A refusal about who asks (not signed in, wrong role, own request,
/// another client's data) is the asker's problem; any other is about the thing asked for
/// (a limit, a state, a window). The server's status mapping is a switch over this.
public enum Audience: Sendable, Hashable {
    case asker(Asker)
    case request

    public enum Asker: Sendable, Hashable, CaseIterable {
        /// No session or token, or one that has expired.
        case signedOut
        /// The name or password was wrong.
        case badCredentials
        /// Too many failed sign-ins.
        case throttled
        /// The account is disabled.
        case disabled
        /// The account's role may not do this.
        case role
        /// The account may not approve this.
        case approver
        /// Nobody approves their own request.
        case separation
        /// A client user asked about another client.
        case otherClient
        /// A form came without its anti-forgery token.
        case csrf
    }
}

/// One facet of a clause: the particular way a request fails it (`C1.limit`, `C1.photo`). Each
/// clause that the code refuses with has one enum of facets, named as the clause is, so
/// `grep C9` finds every place C9 is decided and the compiler catches a misspelt facet.
public protocol ClauseFacet: CaseIterable, Sendable, Hashable, RawRepresentable where RawValue == String {
    static var clause: ClauseID { get }
    var audience: Audience { get }
}

extension ClauseFacet {
    public var audience: Audience { .request }
    /// `C1.limit`, as refusals, audit records and the policy file name it.
    public var code: String { "\(Self.clause.rawValue).\(rawValue)" }
}

/// A facet with its type erased: what a refusal carries and the wire shows (`"C1.limit"`).
public struct Clause: Sendable, Hashable, CustomStringConvertible {
    public let id: ClauseID
    public let facet: String
    public let audience: Audience

    public init<F: ClauseFacet>(_ facet: F) {
        id = F.clause
        self.facet = facet.rawValue
        audience = facet.audience
    }

    public var code: String { "\(id.rawValue).\(facet)" }
    public var description: String { code }

    /// Every facet the code refuses with, clause by clause.
    public static let all: [Clause] = facetTypes.flatMap { $0.clauses }

    private static let byCode: [String: Clause] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// The facet a stored or transmitted code names; nil for one this build does not know.
    public init?(code: String) {
        guard let known = Self.byCode[code] else { return nil }
        self = known
    }

    /// One line per clause area; a new facet enum is listed here once.
    private static let facetTypes: [any ClauseFacet.Type] = [
        S3.self, S4.self,
        C1.self, C2.self, C3.self, C4.self, C5.self, C6.self, C7.self, C8.self, C9.self,
        Q1.self, Q2.self, Q3.self, Q4.self, Q5.self,
        R1.self, R2.self, R3.self, D1.self, G1.self, G2.self,
        K1.self, K2.self, K3.self, K4.self, K5.self, K6.self, K7.self, K8.self,
        R4.self,
        G3.self,
    ]
}

extension ClauseFacet {
    fileprivate static var clauses: [Clause] { allCases.map(Clause.init) }
}

extension Clause: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        guard let clause = Clause(code: code) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown clause \(code)")
        }
        self = clause
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
