/// The four kinds of pass that open a door or let equipment out. One format serves them all.
public enum CredentialKind: UInt8, Sendable, Codable, CaseIterable {
    case accessCard = 1
    case temporaryPass = 2
    case emergencyPass = 3
    case exitSlip = 4

    public var title: Bilingual {
        switch self {
        case .accessCard: Bilingual(zh: "机房出入证", en: "access card")
        case .temporaryPass: Bilingual(zh: "临时通行证", en: "temporary pass")
        case .emergencyPass: Bilingual(zh: "紧急通行证", en: "emergency pass")
        case .exitSlip: Bilingual(zh: "出门条", en: "exit slip")
        }
    }
}
