import Foundation
import Mustache

/// A page's model as the templates read it: every struct turned once into a dictionary of its
/// fields, so that each `{{name}}` is a hash look-up. swift-mustache reflects a struct with
/// `Mirror` at every look-up and filters all of its fields for the one named; on the card list's
/// 50 rows that was two thirds of the request. A nil field is left out, which a template reads
/// as it read a nil through `Mirror`: as missing (the name is then looked up in the enclosing
/// contexts).
///
/// Text and numbers become `TemplateText`, which Mustache prints (escaped) after one cast; a bare
/// `String` costs it four casts, a `Mirror` and `String(describing:)` at every `{{name}}`.
enum TemplateValues {
    static func prepared(_ value: Any) -> Any? {
        if let known = value as? TemplateRepresentable { return known.templateValue }
        // The display style first: a failed cast to a collection type costs more than a Mirror.
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary:
            return (value as? [String: Any]).map { TemplateFields($0.compactMapValues(prepared)) } ?? value
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
            return TemplateFields(fields)
        default:
            return value
        }
    }
}

/// Text as a template prints it: exactly what `String(describing:)` gives, escaped by the
/// template's content type like any other value. Never null, so a section over it is shown, as a
/// section over a string is.
struct TemplateText: MustacheCustomRenderable, Sendable {
    let renderText: String
    var isNull: Bool { false }
}

/// A struct's or a dictionary's fields as the templates read them. A class of our own rather than
/// the dictionary: Mustache finds a dictionary's fields through its conditional conformance, an
/// unspecialized look-up behind a costlier cast, at every `{{name}}`.
final class TemplateFields: MustacheParent {
    let fields: [String: Any]
    init(_ fields: [String: Any]) { self.fields = fields }
    func child(named name: String) -> Any? { fields[name] }
}

/// A value that knows its template form: a leaf, or a `TemplateModel`.
protocol TemplateRepresentable { var templateValue: Any? { get } }

extension TemplateText: TemplateRepresentable { var templateValue: Any? { self } }
extension Bool: TemplateRepresentable { var templateValue: Any? { self } }
extension String: TemplateRepresentable { var templateValue: Any? { TemplateText(renderText: self) } }
extension Substring: TemplateRepresentable { var templateValue: Any? { TemplateText(renderText: String(self)) } }
extension Int: TemplateRepresentable { var templateValue: Any? { TemplateText(renderText: String(self)) } }
extension Int64: TemplateRepresentable { var templateValue: Any? { TemplateText(renderText: String(self)) } }
extension Int32: TemplateRepresentable { var templateValue: Any? { TemplateText(renderText: String(self)) } }
extension UInt16: TemplateRepresentable { var templateValue: Any? { TemplateText(renderText: String(self)) } }
extension Double: TemplateRepresentable { var templateValue: Any? { TemplateText(renderText: String(describing: self)) } }
