import Foundation

/// The visitor log as CSV (RFC 4180) for auditors and clients: IDs masked, every field escaped,
/// and nothing a spreadsheet would run as a formula.
public enum VisitLogCSV {
    public static let header = [
        "time", "event", "kind", "request", "pass", "client_id", "client", "visitor", "id_type", "id_number", "gate",
        "recorded_by",
    ]

    /// The same columns as the site's staff read them (the default).
    public static let headerZh = [
        "时间", "事件", "类别", "申请编号", "通行证号", "客户编号", "客户", "人员", "证件类型", "证件号码", "门禁", "登记人",
    ]

    /// Excel on Chinese Windows reads a CSV without a byte-order mark as GBK: the BOM makes it UTF-8.
    public static let byteOrderMark = "\u{FEFF}"

    /// Chinese column headers and words unless `english`; times in the site's zone as `2026-12-02 14:27`.
    public static func render(_ rows: [VisitLogView], in zone: TimeZone, english: Bool = false) -> String {
        var lines = [line(english ? header : headerZh)]
        for row in rows {
            let entry = row.entry
            lines.append(
                line([
                    SiteTime.format(entry.at, in: zone), english ? entry.event.title.en : entry.event.title.zh,
                    english ? entry.kind.title.en : entry.kind.title.zh,
                    String(entry.requestId), entry.passNumber ?? "", String(entry.clientId), row.clientName,
                    entry.visitorName, entry.idType.rawValue, entry.idMasked, entry.gate ?? "", entry.recordedBy,
                ]))
        }
        // RFC 4180: CRLF after every record, the last included.
        return byteOrderMark + lines.map { $0 + "\r\n" }.joined()
    }

    static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") }

    /// One field: a leading = + - @ (or tab, CR) gets a ' so spreadsheets show it as text rather
    /// than evaluate it (CSV injection); then fields with a comma, quote or line break are quoted,
    /// quotes doubled.
    public static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        // Scalars, not Characters: "\r\n" is one Character that equals neither "\r" nor "\n".
        guard text.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension Passes {
    /// The log between two site days as CSV. An export of personal data is audited (who took
    /// which days of whose visitors), although it changes nothing.
    public func exportVisitorLog(
        from: Day, to: Day, clientId: Int64? = nil, english: Bool = false, by actor: Actor
    ) throws -> String {
        guard from <= to else {
            throw CoreError.invalid("to", zh: "结束日期早于开始日期", en: "the last day is before the first")
        }
        return try perform(actor, .viewVisitorLog, action: "visitor_log.export") { tx in
            if let clientId { _ = try Registry.fetchClient(clientId, tx.db) }
            let rows = try Self.visitLog(from: from, to: to, clientId: clientId, tx.db, policy)
            try tx.audit(
                "visitor_log.export", "visit_log", key: "\(from)..\(to)",
                after: ExportImage(from: from, to: to, clientId: clientId, rows: rows.count), clause: .R4)
            return VisitLogCSV.render(rows, in: policy.site.timeZone, english: english)
        }
    }
}

private struct ExportImage: Encodable {
    var from: Day
    var to: Day
    var clientId: Int64?
    var rows: Int
}
