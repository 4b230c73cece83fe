import GRDB

extension Row {
    /// A text column holding one of `E`'s raw values. An unknown value is a decoding error, as
    /// it is for a `Codable` record.
    func decode<E: RawRepresentable>(_ type: E.Type = E.self, rawValueForColumn column: String) throws -> E
    where E.RawValue == String {
        let raw = try decode(String.self, forColumn: column)
        guard let value = E(rawValue: raw) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: [], debugDescription: "\(column): unknown value \(raw) for \(E.self)"))
        }
        return value
    }

    func decodeIfPresent<E: RawRepresentable>(_ type: E.Type = E.self, rawValueForColumn column: String) throws -> E?
    where E.RawValue == String {
        try decode(String?.self, forColumn: column) == nil ? nil : decode(E.self, rawValueForColumn: column)
    }
}
