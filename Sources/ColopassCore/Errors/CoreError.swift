/// Every failure the core reports. The shells (CLI, server, gate) map these to exit codes and
/// HTTP statuses in one place each; nothing else decides how a failure looks to a user.
public enum CoreError: Error, Sendable, Equatable {
    /// A rule said no. Carries the clause it enforced and that clause's zh/en explanation.
    case refused(Refusal)
    /// Something named by the caller does not exist.
    case notFound(entity: String, key: String)
    /// The input is malformed; names the field and why. Nothing was changed.
    case invalidInput(field: String, reason: Bilingual)

    public static func invalid(_ field: String, zh: String, en: String) -> CoreError {
        .invalidInput(field: field, reason: Bilingual(zh: zh, en: en))
    }

    public var message: Bilingual {
        switch self {
        case .refused(let refusal):
            return Bilingual(
                zh: "[\(refusal.clause)] \(refusal.reason.zh)",
                en: "[\(refusal.clause)] \(refusal.reason.en)")
        case .notFound(let entity, let key):
            return Bilingual(zh: "未找到\(entity)：\(key)", en: "\(entity) not found: \(key)")
        case .invalidInput(let field, let reason):
            return Bilingual(
                zh: "输入无效（\(field)）：\(reason.zh)", en: "invalid input (\(field)): \(reason.en)")
        }
    }
}

extension CoreError: CustomStringConvertible {
    public var description: String { message.line }
}

/// A rule's refusal: the clause facet (e.g. `C1.limit`) and the particular reason in this case.
public struct Refusal: Sendable, Equatable, Codable {
    public var clause: Clause
    public var reason: Bilingual

    public init(clause: Clause, reason: Bilingual) {
        self.clause = clause
        self.reason = reason
    }
}
