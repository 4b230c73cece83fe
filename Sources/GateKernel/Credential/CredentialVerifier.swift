import Foundation

/// The one verification function. Every shell (CLI, server, gate) decides through it.
///
/// Order: parse → known key → signature → site → validity window → status on record
/// (lost, cancelled, returned, superseded generation, contract not in force, holder departed).
/// Door-specific checks (stale data, anti-passback, slip use) are layered on by the gate.
public struct CredentialVerifier: Sendable {
    public let site: String

    public init(site: String) {
        self.site = site
    }

    public func verify(_ scanned: String, at now: Date, records: some CredentialRecords) throws -> Decision {
        guard let signed = SignedCredential.parse(scanned) else { return .denied(.unreadable) }
        return try verify(signed, at: now, records: records)
    }

    public func verify(_ signed: SignedCredential, at now: Date, records: some CredentialRecords) throws -> Decision {
        let credential = signed.credential
        guard let key = try records.publicKey(id: credential.keyId) else { return .denied(.unknownKey) }
        guard signed.isSigned(by: key) else { return .denied(.forged) }
        guard credential.site == site else { return .denied(.wrongSite) }
        let seconds = now.timeIntervalSince1970
        if seconds < TimeInterval(credential.validFrom) { return .denied(.notYetValid) }
        if seconds >= TimeInterval(credential.validUntil) { return .denied(.expired) }
        guard let status = try records.status(of: credential.kind, id: credential.credentialId, at: now) else {
            return .denied(.unknownCredential)
        }
        if credential.generation < status.generation { return .denied(.superseded) }
        switch status.state {
        case .lost: return .denied(.lost)
        case .cancelled: return .denied(.cancelled)
        case .returned: return .denied(.returned)
        case .used: return .denied(.alreadyUsed)
        case .expired: return .denied(.expired)
        case .active: break
        }
        // A generation newer than the record can only come from a key holder: not ours to trust.
        guard credential.generation == status.generation else { return .denied(.unknownCredential) }
        guard status.holderActive else { return .denied(.holderDeparted) }
        guard status.contractInForce else { return .denied(.contractEnded) }
        return .granted(credential)
    }
}
