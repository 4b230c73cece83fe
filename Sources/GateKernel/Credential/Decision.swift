/// The answer at the door: GRANTED, or DENIED with the reason and the clause it enforces.
public enum Decision: Sendable, Equatable {
    case granted(Credential)
    case denied(DenyReason)

    public var isGranted: Bool {
        if case .granted = self { return true }
        return false
    }

    public var denyReason: DenyReason? {
        if case .denied(let reason) = self { return reason }
        return nil
    }
}

/// Every reason a credential can be refused, in the order verification checks them. Each names
/// exactly one clause facet, so the desk and the door cite the same rule for the same credential:
/// what stopped a card, a pass or a slip, and what a slip for repair (Q5) owes to its own clause.
public enum DenyReason: String, Sendable, Codable, CaseIterable {
    case unreadable = "unreadable_scan"
    case unknownKey = "unknown_key"
    case forged = "bad_signature"
    case wrongSite = "wrong_site"
    /// A card before or after its validity.
    case notYetValid = "not_yet_valid"
    case expired
    /// A temporary pass outside its approved window.
    case outsideWindow = "outside_window"
    /// An emergency pass outside its approved window.
    case emergencyOutsideWindow = "emergency_outside_window"
    /// An exit slip on another day than its removal's.
    case slipWrongDay = "slip_wrong_day"
    case repairSlipWrongDay = "repair_slip_wrong_day"
    case unknownCredential = "unknown_credential"
    /// The replica holds a value this gate does not know.
    case replicaNewer = "replica_newer"
    case lost
    /// A card cancelled at the desk (staff change).
    case cancelled
    case returned
    case superseded = "superseded_generation"
    /// Stopped because its contract ended: a card, a temporary or emergency pass, a slip.
    case contractTerminated = "contract_terminated"
    /// The contract it hangs on is not in force now (suspended, expired, not yet started).
    case contractEnded = "contract_not_in_force"
    case repairContractEnded = "repair_contract_not_in_force"
    case holderDeparted = "holder_departed"
    /// The temporary-entry request was withdrawn or cancelled.
    case visitWithdrawn = "visit_withdrawn"
    /// The removal the slip carries out was withdrawn.
    case removalWithdrawn = "removal_withdrawn"
    case repairWithdrawn = "repair_withdrawn"
    case alreadyUsed = "already_used"
    case repairSlipUsed = "repair_slip_used"
    case staleReplica = "stale_replica"
    case passback = "anti_passback"
    case wrongDirection = "wrong_direction"
    case repairWrongDirection = "repair_wrong_direction"
    case slipNotConfirmed = "slip_not_confirmed"
    case repairSlipNotConfirmed = "repair_slip_not_confirmed"
    case idNotConfirmed = "id_not_confirmed"
    /// A warning only: the replica nears the age at which it goes stale.
    case replicaAging = "replica_aging"

    /// The clause each refusal enforces.
    public var clause: Clause {
        switch self {
        case .unreadable: Clause(S4.unreadable)
        case .unknownKey: Clause(S4.unknownKey)
        case .forged: Clause(S4.forged)
        case .wrongSite: Clause(S4.wrongSite)
        case .notYetValid, .expired: Clause(C1.validity)
        case .outsideWindow: Clause(C7.window)
        case .emergencyOutsideWindow: Clause(C6.window)
        case .slipWrongDay: Clause(Q4.date)
        case .repairSlipWrongDay: Clause(Q5.date)
        case .unknownCredential: Clause(S4.unknown)
        case .replicaNewer: Clause(G1.newer)
        case .lost: Clause(C4.lost)
        case .cancelled: Clause(C5.cancelled)
        case .returned: Clause(C9.returned)
        case .superseded: Clause(C8.superseded)
        case .contractTerminated: Clause(C9.terminated)
        case .contractEnded: Clause(C9.contract)
        case .repairContractEnded: Clause(Q5.contract)
        case .holderDeparted: Clause(C5.departed)
        case .visitWithdrawn: Clause(C7.withdrawn)
        case .removalWithdrawn: Clause(Q4.withdrawn)
        case .repairWithdrawn: Clause(Q5.withdrawn)
        case .alreadyUsed: Clause(Q4.used)
        case .repairSlipUsed: Clause(Q5.used)
        case .staleReplica: Clause(G1.stale)
        case .passback: Clause(G2.passback)
        case .wrongDirection: Clause(Q4.direction)
        case .repairWrongDirection: Clause(Q5.direction)
        case .slipNotConfirmed: Clause(Q4.check)
        case .repairSlipNotConfirmed: Clause(Q5.check)
        case .idNotConfirmed: Clause(C6.id)
        case .replicaAging: Clause(G1.aging)
        }
    }

    public var message: Bilingual {
        switch self {
        case .unreadable: Bilingual(zh: "无法识别的扫码内容，请重新扫描", en: "unreadable scan — scan again")
        case .unknownKey: Bilingual(zh: "签发密钥未知", en: "signed with an unknown key")
        case .forged: Bilingual(zh: "签名无效：证件可能被伪造或篡改", en: "invalid signature: forged or altered")
        case .wrongSite: Bilingual(zh: "不是本数据中心签发的证件", en: "issued for another site")
        case .notYetValid: Bilingual(zh: "证件尚未生效", en: "not valid yet")
        case .expired: Bilingual(zh: "证件已过期", en: "expired")
        case .outsideWindow: Bilingual(zh: "不在批准的进入时段内", en: "outside the approved time window")
        case .emergencyOutsideWindow: Bilingual(zh: "不在批准的紧急进入时段内", en: "outside the approved emergency window")
        case .slipWrongDay, .repairSlipWrongDay:
            Bilingual(zh: "出门条只在搬出当天有效", en: "the exit slip is valid on the removal day only")
        case .unknownCredential: Bilingual(zh: "系统中无此证件", en: "no such credential on record")
        case .replicaNewer:
            Bilingual(
                zh: "门禁数据由更新版本的服务写入，请升级 gate-check", en: "replica written by a newer service; update gate-check")
        case .lost: Bilingual(zh: "证件已挂失", en: "reported lost")
        case .cancelled: Bilingual(zh: "证件已注销", en: "cancelled")
        case .returned: Bilingual(zh: "证件已交回注销", en: "returned and cancelled")
        case .superseded: Bilingual(zh: "旧版证件：已补办新证，此证作废", en: "superseded: a replacement was issued")
        case .contractTerminated: Bilingual(zh: "客户合同已终止，证件随之注销", en: "cancelled: the client's contract ended")
        case .contractEnded, .repairContractEnded:
            Bilingual(zh: "客户合同未生效或已终止", en: "the client's contract is not in force")
        case .holderDeparted: Bilingual(zh: "持证人已离职", en: "the holder has left the client")
        case .visitWithdrawn: Bilingual(zh: "临时进入申请已撤回，通行证作废", en: "the visit was withdrawn; the pass is void")
        case .removalWithdrawn, .repairWithdrawn:
            Bilingual(zh: "搬出申请已撤回，出门条作废", en: "the removal was withdrawn; the slip is void")
        case .alreadyUsed, .repairSlipUsed: Bilingual(zh: "出门条已使用", en: "exit slip already used")
        case .staleReplica: Bilingual(zh: "门禁数据过期，按策略拒绝", en: "gate data is stale; refused by policy")
        case .passback: Bilingual(zh: "未离开又再次进入", en: "entering again without having left")
        case .wrongDirection, .repairWrongDirection: Bilingual(zh: "出门条只用于出门", en: "an exit slip is for leaving only")
        case .slipNotConfirmed, .repairSlipNotConfirmed:
            Bilingual(zh: "保安未确认设备与搬运人员相符", en: "the guard did not confirm the items and movers")
        case .idNotConfirmed: Bilingual(zh: "保安未确认有效证件", en: "the guard did not confirm a valid ID document")
        case .replicaAging:
            Bilingual(zh: "门禁数据即将过期，请检查与服务的连接", en: "gate data is about to go stale; check the link to the service")
        }
    }
}
