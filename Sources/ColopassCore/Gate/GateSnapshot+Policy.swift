extension GateSnapshot.Rules {
    /// The door's rules from the site's policy. The modes are mapped case by case, so a mode added
    /// to the policy cannot reach the gates unmapped.
    init(_ policy: Policy) {
        let parameters = policy.parameters
        let antiPassback: AntiPassback =
            switch parameters.antiPassback {
            case .off: .off
            case .warn: .warn
            case .deny: .deny
            }
        let staleReplicaMode: StaleReplicaMode =
            switch parameters.staleReplicaMode {
            case .failSecure: .failSecure
            case .warn: .warn
            }
        self.init(
            site: policy.site.code, timeZone: policy.site.timeZone.identifier, antiPassback: antiPassback,
            staleReplicaMode: staleReplicaMode, maxAgeMinutes: parameters.gateReplicaMaxAgeMinutes,
            escortRequired: parameters.escortRequired, warnPercent: parameters.gateReplicaWarnPercent)
    }
}
