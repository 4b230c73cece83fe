import GateKernel
import Foundation

/// What the guard sees: GRANTED or DENIED, why, and what to check by eye.
public struct GateDecision: Sendable {
    public var event: GateEvent
    public var denyReason: DenyReason?
    /// A grant with something to watch: anti-passback in warn mode, stale data in warn mode.
    public var warnings: [DenyReason]
    public var entry: GateEntry?
    public var credential: Credential?
    public var stale: Bool
    public var lastSync: Date?
    public var photoPath: String?
    /// G3: let out although the credential no longer stands (the reason it would have been
    /// denied); the guard is alerted and the service raises it on upload.
    public var letOut: DenyReason?
    /// G1.aging: the data nears the age at which it goes stale.
    public var aging: Bool = false
    public var staleAt: Date?
    /// The holder's photo, by its SHA-256, for the station's page.
    public var photo: String?

    public var granted: Bool { denyReason == nil }
}

/// What the guard must confirm before an exit slip or an emergency pass is honoured.
public enum GateQuestion: Sendable, Equatable {
    /// Q4, Q5: the items carried out and the movers match the slip.
    case slipMatches
    /// C6: the emergency repair person showed a valid ID document matching the pass.
    case idShown

    public var prompt: Bilingual {
        switch self {
        case .slipMatches:
            Bilingual(zh: "设备与搬运人员是否与出门条一致？(y/n)", en: "Do the items and movers match the slip? (y/n)")
        case .idShown:
            Bilingual(zh: "是否已查验有效证件且人证相符？(y/n)", en: "Valid ID document shown and matching? (y/n)")
        }
    }
}
