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
        let early = seconds < TimeInterval(credential.validFrom)
        if early || seconds >= TimeInterval(credential.validUntil) {
            // A slip's clause depends on what it carries out, which only the records know.
            let status = credential.kind == .exitSlip ? try records.status(of: .exitSlip, id: credential.credentialId, at: now) : nil
            return .denied(Self.outsideValidity(credential.kind, early: early, status))
        }
        guard let status = try records.status(of: credential.kind, id: credential.credentialId, at: now) else {
            return .denied(.unknownCredential)
        }
        if status.unknownValue != nil { return .denied(.replicaNewer) }
        if credential.generation < status.generation { return .denied(.superseded) }
        if let stopped = Self.denial(of: status) { return .denied(stopped) }
        // A generation newer than the record can only come from a key holder: not ours to trust.
        guard credential.generation == status.generation else { return .denied(.unknownCredential) }
        guard status.holderActive else { return .denied(.holderDeparted) }
        guard status.contractInForce else { return .denied(status.isRepairSlip ? .repairContractEnded : .contractEnded) }
        return .granted(credential)
    }

    /// What the record's state alone says against a credential: lost, stopped (and under which
    /// clause), returned, used, run out. Nil for an active record. The desk's own checks of a slip
    /// or pass typed by number go through this too, so the desk and the door cite the same clause.
    public static func denial(of status: CredentialStatus) -> DenyReason? {
        switch status.state {
        case .active: return nil
        case .lost: return .lost
        case .returned: return .returned
        case .used: return status.isRepairSlip ? .repairSlipUsed : .alreadyUsed
        case .expired: return outsideValidity(status.kind, early: false, status)
        case .cancelled:
            if status.stoppedUnder == .C9 { return .contractTerminated }
            switch status.kind {
            case .accessCard: return status.holderActive ? .cancelled : .holderDeparted
            case .temporaryPass: return .visitWithdrawn
            // Only the end of the client's last contract revokes an emergency pass.
            case .emergencyPass: return .contractTerminated
            case .exitSlip: return status.isRepairSlip ? .repairWithdrawn : .removalWithdrawn
            }
        }
    }

    /// Outside the signed validity: each kind of credential answers to its own clause.
    static func outsideValidity(_ kind: CredentialKind, early: Bool, _ status: CredentialStatus?) -> DenyReason {
        switch kind {
        case .accessCard: early ? .notYetValid : .expired
        case .temporaryPass: .outsideWindow
        case .emergencyPass: .emergencyOutsideWindow
        case .exitSlip: status?.isRepairSlip == true ? .repairSlipWrongDay : .slipWrongDay
        }
    }
}
