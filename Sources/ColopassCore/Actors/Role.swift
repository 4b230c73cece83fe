/// The one role each account holds. Operators work for the data center; client users for one client.
public enum Role: String, Codable, Sendable, CaseIterable {
    case admin
    case customerService = "customer_service"
    case supervisor
    case `guard`
    case clientUser = "client_user"

    public var title: Bilingual {
        switch self {
        case .admin: Bilingual(zh: "管理员", en: "administrator")
        case .customerService: Bilingual(zh: "客服", en: "customer service")
        case .supervisor: Bilingual(zh: "主管", en: "supervisor")
        case .guard: Bilingual(zh: "保安", en: "guard")
        case .clientUser: Bilingual(zh: "客户用户", en: "client user")
        }
    }
}
