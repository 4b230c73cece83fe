/// What G3 overrides at the way out: the credential's standing (stopped, run out, unknown to a
/// replica that has not heard of it yet, stale data), never its authenticity. A scan that does not
/// prove who is leaving (unreadable, forged, another site's) is still denied: the guard opens by
/// hand and the event says why. Exit slips are about equipment, not people, and keep Q4/Q5.
extension DenyReason {
    public var yieldsToLeaving: Bool {
        switch self {
        case .unreadable, .unknownKey, .forged, .wrongSite: false
        case .slipWrongDay, .repairSlipWrongDay, .removalWithdrawn, .repairWithdrawn, .alreadyUsed, .repairSlipUsed,
            .wrongDirection, .repairWrongDirection, .slipNotConfirmed, .repairSlipNotConfirmed, .repairContractEnded:
            false
        case .idNotConfirmed, .passback, .replicaAging: false
        case .notYetValid, .expired, .outsideWindow, .emergencyOutsideWindow, .unknownCredential, .replicaNewer, .lost,
            .cancelled, .returned, .superseded, .contractTerminated, .contractEnded, .holderDeparted, .visitWithdrawn,
            .staleReplica:
            true
        }
    }
}
