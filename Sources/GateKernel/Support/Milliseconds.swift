import Foundation

/// Times as the event row and the JSON wire write them: to the millisecond, rounded to the
/// nearest. Formatters truncate, and the double nearest to …05.185 is …05.18499…: read from one
/// side and written to the other, an event's time lost a millisecond about half the time.
public enum Milliseconds {
    /// `2026-06-15T02:05:05.185Z`
    public static func wireText(_ date: Date) -> String {
        let (whole, millis) = split(date)
        return String(whole.formatted(.iso8601).dropLast()) + String(format: ".%03dZ", millis)
    }

    /// `2026-06-15 02:05:05.185`, GRDB's own datetime text, so GRDB reads it back as a `Date`.
    public static func databaseText(_ date: Date) -> String {
        let (whole, millis) = split(date)
        let text = whole.formatted(.iso8601).dropLast().replacingOccurrences(of: "T", with: " ")
        return text + String(format: ".%03d", millis)
    }

    private static func split(_ date: Date) -> (whole: Date, millis: Int) {
        let total = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = total >= 0 ? total / 1000 : (total - 999) / 1000
        return (Date(timeIntervalSince1970: TimeInterval(seconds)), Int(total - seconds * 1000))
    }
}
