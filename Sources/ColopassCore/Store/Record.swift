import GRDB

/// Rows map to snake_case columns; every domain record shares this one mapping.
public protocol Record: Codable, Sendable, FetchableRecord, PersistableRecord {}

extension Record {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}
