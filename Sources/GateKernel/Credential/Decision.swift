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

/// Every reason a credential can be refused, in the order verification checks them.
public enum DenyReason: String, Sendable, Codable, CaseIterable {
    case unreadable = "unreadable_scan"
    case unknownKey = "unknown_key"
    case forged = "bad_signature"
    case wrongSite = "wrong_site"
    case notYetValid = "not_yet_valid"
    case expired
    case unknownCredential = "unknown_credential"
    case lost
    case cancelled
    case returned
    case superseded = "superseded_generation"
    case contractEnded = "contract_not_in_force"
    case holderDeparted = "holder_departed"
    case outsideWindow = "outside_window"
    case alreadyUsed = "already_used"
    case staleReplica = "stale_replica"
    case passback = "anti_passback"
    case wrongDirection = "wrong_direction"
    case slipNotConfirmed = "slip_not_confirmed"
    case idNotConfirmed = "id_not_confirmed"

    /// The clause each refusal enforces.
    public var clause: String {
        switch self {
        case .unreadable: "S4.unreadable"
        case .unknownKey: "S4.unknown_key"
        case .forged: "S4.forged"
        case .wrongSite: "S4.wrong_site"
        case .notYetValid, .expired: "C1.validity"
        case .unknownCredential: "S4.unknown"
        case .lost: "C4.lost"
        case .cancelled: "C5.cancelled"
        case .returned: "C9.returned"
        case .superseded: "C8.superseded"
        case .contractEnded: "C9.contract"
        case .holderDeparted: "C5.departed"
        case .outsideWindow: "C7.window"
        case .alreadyUsed: "Q4.used"
        case .staleReplica: "G1.stale"
        case .passback: "G2.passback"
        case .wrongDirection: "Q4.direction"
        case .slipNotConfirmed: "Q4.check"
        case .idNotConfirmed: "C6.id"
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
        case .unknownCredential: Bilingual(zh: "系统中无此证件", en: "no such credential on record")
        case .lost: Bilingual(zh: "证件已挂失", en: "reported lost")
        case .cancelled: Bilingual(zh: "证件已注销", en: "cancelled")
        case .returned: Bilingual(zh: "证件已交回注销", en: "returned and cancelled")
        case .superseded: Bilingual(zh: "旧版证件：已补办新证，此证作废", en: "superseded: a replacement was issued")
        case .contractEnded: Bilingual(zh: "客户合同未生效或已终止", en: "the client's contract is not in force")
        case .holderDeparted: Bilingual(zh: "持证人已离职", en: "the holder has left the client")
        case .outsideWindow: Bilingual(zh: "不在批准的进入时段内", en: "outside the approved time window")
        case .alreadyUsed: Bilingual(zh: "出门条已使用", en: "exit slip already used")
        case .staleReplica: Bilingual(zh: "门禁数据过期，按策略拒绝", en: "gate data is stale; refused by policy")
        case .passback: Bilingual(zh: "未离开又再次进入", en: "entering again without having left")
        case .wrongDirection: Bilingual(zh: "出门条只用于出门", en: "an exit slip is for leaving only")
        case .slipNotConfirmed:
            Bilingual(zh: "保安未确认设备与搬运人员相符", en: "the guard did not confirm the items and movers")
        case .idNotConfirmed: Bilingual(zh: "保安未确认有效证件", en: "the guard did not confirm a valid ID document")
        }
    }
}
