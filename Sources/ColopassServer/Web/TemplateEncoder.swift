/// A page model that the templates read through its `Encodable` conformance rather than through
/// `Mirror`: a synthesized `encode(to:)` hands each field over by name with its static type, where
/// a `Mirror` resolves every field's type by its mangled name and casts each value. The rows of
/// the long lists and the layout's chrome are `TemplateModel`s; other views may stay plain structs.
protocol TemplateModel: TemplateRepresentable, Encodable {}

extension TemplateModel {
    var templateValue: Any? {
        let encoder = TemplateEncoder()
        do {
            try encode(to: encoder)
        } catch {
            return nil  // Nothing in this encoder throws; a model's own `encode(to:)` might.
        }
        return encoder.slot.value
    }
}

/// Where an encoded value lands: a leaf, or a container being filled. Finished values go in as
/// they are; only a container opened with `nestedContainer` waits in `pending` until the end.
private final class Slot {
    var fields: [String: Any]?
    var items: [Any]?
    var leaf: Any?
    var pending: [(key: String, slot: Slot)] = []
    var itemsPending = false

    /// The value as the templates read it; a nil (`encodeNil`) field is left out, as `Mirror`
    /// left it for `TemplateValues`.
    var value: Any? {
        if var fields {
            for (key, slot) in pending { fields[key] = slot.value }
            return TemplateFields(fields)
        }
        if let items { return itemsPending ? items.compactMap { ($0 as? Slot).map(\.value) ?? $0 } : items }
        return leaf
    }
}

private struct TemplateEncoder: Encoder {
    let slot: Slot
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(slot: Slot = Slot()) { self.slot = slot }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.fields == nil { slot.fields = [:] }
        return KeyedEncodingContainer(Fields<Key>(slot: slot))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if slot.items == nil { slot.items = [] }
        return Items(slot: slot)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot) }

    /// A value's template form: a leaf's own, any other value encoded on the spot.
    static func value<T: Encodable>(of value: T) throws -> Any? {
        if let leaf = value as? TemplateRepresentable { return leaf.templateValue }
        let slot = Slot()
        try value.encode(to: TemplateEncoder(slot: slot))
        return slot.value
    }

    /// A container opened by name, filled after this call returns.
    static func pending(in slot: Slot, _ key: String) -> TemplateEncoder {
        let nested = Slot()
        slot.pending.append((key, nested))
        return TemplateEncoder(slot: nested)
    }
}

private struct Fields<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: Bool, forKey key: Key) throws { slot.fields?[key.stringValue] = value }
    mutating func encode(_ value: String, forKey key: Key) throws {
        slot.fields?[key.stringValue] = TemplateText(renderText: value)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        slot.fields?[key.stringValue] = TemplateText(renderText: String(value))
    }
    mutating func encode(_ value: Int64, forKey key: Key) throws {
        slot.fields?[key.stringValue] = TemplateText(renderText: String(value))
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        slot.fields?[key.stringValue] = try TemplateEncoder.value(of: value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        TemplateEncoder.pending(in: slot, key.stringValue).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TemplateEncoder.pending(in: slot, key.stringValue).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { TemplateEncoder(slot: slot) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TemplateEncoder.pending(in: slot, key.stringValue) }
}

/// An array's elements. A nested container (synthesized conformances never open one) waits in
/// place as a `Slot` until the array is read.
private struct Items: UnkeyedEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }
    var count: Int { slot.items?.count ?? 0 }

    mutating func encodeNil() throws {}
    mutating func encode(_ value: String) throws { slot.items?.append(TemplateText(renderText: value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let element = try TemplateEncoder.value(of: value) { slot.items?.append(element) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        TemplateEncoder(slot: append()).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { TemplateEncoder(slot: append()).unkeyedContainer() }

    mutating func superEncoder() -> any Encoder { TemplateEncoder(slot: append()) }

    private func append() -> Slot {
        let nested = Slot()
        slot.items?.append(nested)
        slot.itemsPending = true
        return nested
    }
}

private struct Single: SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { slot.leaf = nil }
    mutating func encode(_ value: Bool) throws { slot.leaf = value }
    mutating func encode(_ value: String) throws { slot.leaf = TemplateText(renderText: value) }
    mutating func encode<T: Encodable>(_ value: T) throws { slot.leaf = try TemplateEncoder.value(of: value) }
}
