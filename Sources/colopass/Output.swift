import ColopassCore
import Foundation

/// Printing for humans (aligned columns) and for scripts (`--json`).
enum Output {
    static func json<T: Encodable>(_ value: T) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        print(String(decoding: data, as: UTF8.self))
    }

    static func table(_ header: [String], _ rows: [[String]]) {
        let columns = header.indices.map { index in
            ([header[index]] + rows.map { $0[index] }).map(displayWidth).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                cell + String(repeating: " ", count: max(0, columns[index] - displayWidth(cell)))
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        print(line(header))
        rows.forEach { print(line($0)) }
    }

    static func fields(_ pairs: [(String, String)]) {
        let width = pairs.map { displayWidth($0.0) }.max() ?? 0
        for (key, value) in pairs {
            print(key + String(repeating: " ", count: width - displayWidth(key)) + "  " + value)
        }
    }

    /// CJK characters take two terminal columns.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + ((0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFE30...0xFE4F).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
                || (0xFFE0...0xFFE6).contains(scalar.value) ? 2 : 1)
        }
    }
}
