import GRDB
import Synchronization

/// Rows map to snake_case columns; every domain record shares this one mapping.
public protocol Record: Codable, Sendable, FetchableRecord, PersistableRecord {}

extension Record {
    /// GRDB's `.convertFromSnakeCase` rebuilds the key of every column of every row it decodes
    /// (split, capitalise, join); a gate's full snapshot decodes hundreds of thousands of rows, so
    /// the same conversion is done once per column name and remembered.
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy {
        .custom { ColumnKey(stringValue: ColumnKey.camelCase($0)) }
    }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

/// A property name made from a column name: `id_number` → `idNumber`, as Foundation and GRDB
/// convert snake case (the first word lowercased, the others capitalised, joined).
struct ColumnKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    /// The names converted so far, read without a lock: the server decodes rows on many threads
    /// at once, and a lock taken for every column of every row made them queue on it (a
    /// contended futex was 42% of the card look-up's time). The map only grows: a writer
    /// publishes a copy with one more name and never releases the one it replaces, so a reader
    /// still holding it is safe. A site has a few hundred column names, so a few hundred small
    /// maps are ever made.
    private final class Known: Sendable {
        let keys: [String: String]
        init(_ keys: [String: String]) { self.keys = keys }
    }

    private static let known = Atomic(Unmanaged.passRetained(Known([:])))
    private static let growing = Mutex(())

    static func camelCase(_ column: String) -> String {
        if let key = known.load(ordering: .acquiring).takeUnretainedValue().keys[column] { return key }
        let key = convert(column)
        growing.withLock { _ in
            var keys = known.load(ordering: .acquiring).takeUnretainedValue().keys
            guard keys[column] == nil else { return }
            keys[column] = key
            known.store(Unmanaged.passRetained(Known(keys)), ordering: .releasing)
        }
        return key
    }

    static func convert(_ column: String) -> String {
        let words = column.split(separator: "_")
        // No inner underscore (or only leading/trailing ones, which no column of ours has): as is.
        guard words.count > 1, column.first != "_", column.last != "_" else { return column }
        return words[0].lowercased()
            + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined()
    }
}

extension Record {
    /// The one row whose `column` equals `value`, through a prepared statement the connection
    /// keeps: the reads every request makes (its token and account, a card and its holder) are
    /// compiled once per connection rather than once per request. `column` is always a literal
    /// of ours, never input.
    static func fetchOne(_ db: Database, where column: StaticString, is value: some DatabaseValueConvertible) throws
        -> Self?
    {
        try fetchOne(
            db, SQLRequest<Self>(sql: "SELECT * FROM \"\(databaseTableName)\" WHERE \(column) = ?", arguments: [value], cached: true))
    }
}
