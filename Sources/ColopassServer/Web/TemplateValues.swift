import Foundation

/// A page's model as the templates read it: every struct turned once into a dictionary of its
/// fields, so that each `{{name}}` is a hash look-up. swift-mustache reflects a struct with
/// `Mirror` at every look-up and filters all of its fields for the one named; on the card list's
/// 50 rows that was two thirds of the request. A nil field is left out, which a template reads
/// as it read a nil through `Mirror`: as missing (the name is then looked up in the enclosing
/// contexts).
enum TemplateValues {
    static func prepared(_ value: Any) -> Any? {
        switch value {
        case is String, is Bool, is Int, is Int64, is Int32, is UInt16, is Double, is Substring:
            return value
        default:
            break
        }
        // The display style first: a failed cast to a collection type costs more than a Mirror.
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary:
            return (value as? [String: Any])?.compactMapValues(prepared) ?? value
        case .collection:
            return (value as? [Any])?.compactMap(prepared) ?? value
        case .optional:
            return mirror.children.first.flatMap { prepared($0.value) }
        case .struct:
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                if let label = child.label, let field = prepared(child.value) { fields[label] = field }
            }
            return fields
        default:
            return value
        }
    }
}
