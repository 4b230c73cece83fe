import Foundation

/// Times of entry windows as people type and read them: in the site's time zone, to the minute.
public enum EntryWindow {
    /// `2026-06-16 09:00` or `2026-06-16T09:00` (site time), or full ISO 8601 with a zone
    /// (`2026-06-16T01:00:00Z`). Anything else is invalid input naming `field`.
    public static func parse(_ text: String, field: String, in zone: TimeZone) throws -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle()) { return date }
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return date
        }
        let local = trimmed.replacingOccurrences(of: "T", with: " ")
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        for format in ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: local) { return date }
        }
        throw CoreError.invalid(
            field, zh: "时间格式应为 YYYY-MM-DD HH:MM（本站时间）", en: "a time as YYYY-MM-DD HH:MM (site time)")
    }

    /// `2026-06-16 09:00 – 17:00`, or both dates in full when the window crosses midnight.
    public static func describe(from start: Date, to end: Date, in zone: TimeZone) -> String {
        let first = CivilTime(start, in: zone).minuteText
        let last = CivilTime(end, in: zone).minuteText
        let sameDay = first.prefix(10) == last.prefix(10)
        return "\(first) – \(sameDay ? String(last.dropFirst(11)) : last)"
    }

    /// A timestamp in site time with its offset, for logs and exports: `2026-06-16T09:00:00+08:00`.
    public static func timestamp(_ date: Date, in zone: TimeZone) -> String {
        CivilTime(date, in: zone).timestamp
    }
}
