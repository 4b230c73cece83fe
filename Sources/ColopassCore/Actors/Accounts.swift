/// Accounts and their proofs (R1): operators and client users, passwords, sign-in and its
/// throttling, sessions and API and gate tokens.
public struct Accounts: SiteArea {
    public let site: Site
}
