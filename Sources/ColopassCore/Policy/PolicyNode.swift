import Yams

/// A YAML node with the dotted key path that led to it, so every error can name its key.
struct PolicyNode {
    let node: Node?
    let path: String
    let file: String

    func error(_ kind: PolicyError.Kind, _ reason: String) -> PolicyError {
        PolicyError(file: file, key: path.isEmpty ? "(top level)" : path, kind: kind, reason: reason)
    }

    private func present() throws(PolicyError) -> Node {
        guard let node else { throw error(.missingKey, "required") }
        return node
    }

    func mapping() throws(PolicyError) -> PolicyMapping {
        guard case .mapping(let mapping) = try present() else { throw error(.wrongType, "expected a mapping") }
        return PolicyMapping(mapping: mapping, path: path, file: file)
    }

    func string() throws(PolicyError) -> String {
        guard case .scalar(let scalar) = try present() else { throw error(.wrongType, "expected text") }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw error(.badValue, "must not be empty") }
        return text
    }

    func integer(atLeast minimum: Int) throws(PolicyError) -> Int {
        let node = try present()
        guard case .scalar = node, node.tag == Tag(.int), let value = node.int else {
            throw error(.wrongType, "expected a whole number")
        }
        guard value >= minimum else { throw error(.badValue, "must be at least \(minimum), got \(value)") }
        return value
    }

    func integer(in range: ClosedRange<Int>) throws(PolicyError) -> Int {
        let value = try integer(atLeast: range.lowerBound)
        guard value <= range.upperBound else { throw error(.badValue, "must be at most \(range.upperBound), got \(value)") }
        return value
    }

    func boolean() throws(PolicyError) -> Bool {
        let node = try present()
        guard case .scalar = node, node.tag == Tag(.bool), let value = node.bool else {
            throw error(.wrongType, "expected true or false")
        }
        return value
    }

    func oneOf<T: RawRepresentable & CaseIterable>(_: T.Type) throws(PolicyError) -> T where T.RawValue == String {
        let text = try string()
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(.badValue, "'\(text)' is not one of: \(allowed)")
        }
        return value
    }

    func bilingual() throws(PolicyError) -> Bilingual {
        let map = try mapping()
        let value = Bilingual(zh: try map.child("zh").string(), en: try map.child("en").string())
        try map.rejectUnknownKeys()
        return value
    }
}

/// A YAML mapping that remembers which keys were read, so unknown keys can be rejected.
final class PolicyMapping {
    private let entries: [(key: String, value: Node)]
    private var read: Set<String> = []
    let path: String
    let file: String

    init(mapping: Node.Mapping, path: String, file: String) {
        entries = mapping.map { (key: $0.key.string ?? "\($0.key)", value: $0.value) }
        self.path = path
        self.file = file
    }

    func child(_ key: String) -> PolicyNode {
        read.insert(key)
        let childPath = path.isEmpty ? key : "\(path).\(key)"
        return PolicyNode(node: entries.first { $0.key == key }?.value, path: childPath, file: file)
    }

    func rejectUnknownKeys() throws(PolicyError) {
        if let unknown = entries.first(where: { !read.contains($0.key) }) {
            let key = path.isEmpty ? unknown.key : "\(path).\(unknown.key)"
            throw PolicyError(file: file, key: key, kind: .unknownKey, reason: "not a policy setting")
        }
    }
}

extension PolicyNode {
    /// The items of a YAML sequence, each with its index in the key path (`holidays[2]`).
    func list() throws(PolicyError) -> [PolicyNode] {
        guard let node else { throw error(.missingKey, "required") }
        guard case .sequence(let sequence) = node else { throw error(.wrongType, "expected a list") }
        return sequence.enumerated().map { PolicyNode(node: $1, path: "\(path)[\($0)]", file: file) }
    }
}
