import Foundation

/// Times people type for a racking slot: `2026-06-16 10:00` (or with a `T`) at the site's own
/// clock, or a full ISO 8601 time with its offset. Shown back the same way, in the site's zone.
public enum SiteTime {
    public static func parse(_ text: String, in zone: TimeZone, field: String = "planned_at") throws -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let iso = ISO8601DateFormatter()
        if let date = iso.date(from: trimmed) { return date }
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_US_POSIX")
        local.timeZone = zone
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss"] {
            local.dateFormat = format
            if let date = local.date(from: trimmed) { return date }
        }
        throw CoreError.invalid(
            field, zh: "时间格式应为 YYYY-MM-DD HH:MM（机房当地时间）", en: "a time as YYYY-MM-DD HH:MM (site time)")
    }

    /// `2026-12-02 14:27` in the site's zone.
    public static func format(_ date: Date, in zone: TimeZone) -> String {
        CivilTime(date, in: zone).minuteText
    }
}
