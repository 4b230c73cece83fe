import Foundation

/// The numbers people read aloud and type for equipment records: `WO-000012` (work order),
/// `EQ-000034` (inventory item), `RM-000005` (removal request), `EX-000007` (exit slip). The digits
/// are the row id, so a bare `12` is accepted too: operators copy whichever they see.
enum EquipmentNumber {
    static let workOrder = "WO"
    static let item = "EQ"
    static let removal = "RM"
    static let exitSlip = "EX"

    static func make(_ prefix: String, _ id: Int64) -> String {
        "\(prefix)-\(String(format: "%06lld", id))"
    }

    /// The row id in a typed number; a wrong prefix or stray characters are invalid input.
    static func parse(_ text: String, prefix: String, field: String) throws -> Int64 {
        let typed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let digits = typed.hasPrefix(prefix + "-") ? String(typed.dropFirst(prefix.count + 1)) : typed
        guard (1...12).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let id = Int64(digits), id > 0
        else {
            throw CoreError.invalid(
                field, zh: "编号格式应为 \(prefix)-000001", en: "a number looks like \(prefix)-000001")
        }
        return id
    }
}

/// A typed equipment number (`WO-000012`, or the bare `12`), parsed once where it enters; the
/// equipment area takes only these.
public protocol EquipmentReference: Hashable, Sendable, CustomStringConvertible {
    static var prefix: String { get }
    /// The field a malformed number is reported under.
    static var field: String { get }
    var id: Int64 { get }
    init(id: Int64)
}

extension EquipmentReference {
    public init(_ typed: String) throws {
        self.init(id: try EquipmentNumber.parse(typed, prefix: Self.prefix, field: Self.field))
    }

    public var description: String { EquipmentNumber.make(Self.prefix, id) }
}

public struct WorkOrderNumber: EquipmentReference {
    public static let prefix = EquipmentNumber.workOrder
    public static let field = "work_order"
    public let id: Int64
    public init(id: Int64) { self.id = id }
}

public struct RemovalNumber: EquipmentReference {
    public static let prefix = EquipmentNumber.removal
    public static let field = "removal"
    public let id: Int64
    public init(id: Int64) { self.id = id }
}

public struct ExitSlipNumber: EquipmentReference {
    public static let prefix = EquipmentNumber.exitSlip
    public static let field = "slip"
    public let id: Int64
    public init(id: Int64) { self.id = id }
}

/// Shape checks for equipment fields, on top of `Validate`.
enum EquipmentInput {
    /// Serial numbers as printed on the label: letters, digits and `- / .`, compared upper-cased
    /// so a typed lower-case serial still matches the order.
    static func serial(_ text: String, field: String = "serial") throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard trimmed.range(of: #"^[A-Z0-9][A-Z0-9\-/.]{0,63}$"#, options: .regularExpression) != nil else {
            throw CoreError.invalid(
                field, zh: "序列号只能包含字母、数字和 - / .", en: "a serial has letters, digits and - / . only (at most 64)")
        }
        return trimmed
    }

    /// Rack units are numbered from the bottom; no rack on site is taller than 60 U.
    static func unit(_ value: Int, field: String = "u_position") throws -> Int {
        guard (1...60).contains(value) else {
            throw CoreError.invalid(field, zh: "机位应在 1–60U 之间", en: "a U position is between 1 and 60")
        }
        return value
    }

    static func reason(_ text: String, field: String = "reason") throws -> String {
        try Validate.name(text, field: field, max: 200)
    }
}
