import Foundation

/// K9: the service supervision report for a month, or the weekly summary: what the desk received
/// and how it kept its clocks, by staff member and by client.
public struct ServiceReport: Codable, Sendable, Equatable {
    public enum Span: String, Codable, Sendable {
        case month, week
    }

    public var span: Span
    /// The site days covered, both included.
    public var from: Day
    public var through: Day
    public var generatedAt: Date
    public var totals: Line
    public var byStaff: [Line]
    public var byClient: [Line]
    /// Every fault received in the period, with where its analysis report stands (K3).
    public var faults: [FaultLine]

    /// One row of counts. Requests and faults have no reply or resolution clock: an answer or a
    /// resolution of one counts as in time. A ticket is overdue if any of its deadlines passed
    /// unmet (late, or still pending at the period's end).
    public struct Line: Codable, Sendable, Equatable {
        public var name: String
        public var received = 0
        public var answered = 0
        public var answeredInTime = 0
        public var resolved = 0
        public var resolvedInTime = 0
        public var overdue = 0
        public var complaints = 0
        public var faults = 0
        /// Faults whose analysis report reached the client.
        public var faultsReported = 0
        /// Faults without a delivered analysis report, resolved or not: still open (K3).
        public var faultsOpen = 0
        public var followUpsDone = 0
        public var followUpsMissed = 0

        public init(name: String) { self.name = name }

        mutating func add(_ other: Line) {
            received += other.received
            answered += other.answered
            answeredInTime += other.answeredInTime
            resolved += other.resolved
            resolvedInTime += other.resolvedInTime
            overdue += other.overdue
            complaints += other.complaints
            faults += other.faults
            faultsReported += other.faultsReported
            faultsOpen += other.faultsOpen
            followUpsDone += other.followUpsDone
            followUpsMissed += other.followUpsMissed
        }
    }

    public struct FaultLine: Codable, Sendable, Equatable {
        public var ticketId: Int64
        public var clientName: String
        public var subject: String
        public var faultAt: Date?
        public var resolvedAt: Date?
        public var analysisWrittenAt: Date?
        public var analysisDeliveredAt: Date?

        /// K3: open until its analysis report reached the client.
        public var open: Bool { analysisDeliveredAt == nil }
    }

    public var title: Bilingual {
        switch span {
        case .month:
            Bilingual(
                zh: "服务监督报告 \(from.year) 年 \(from.month) 月",
                en: "Service supervision report, \(String(format: "%04d-%02d", from.year, from.month))")
        case .week: Bilingual(zh: "服务周报 \(from) 至 \(through)", en: "Weekly service summary, \(from) to \(through)")
        }
    }

    /// The columns, Chinese first, in the order the CSV and the page show them.
    public static var columns: [(zh: String, en: String, value: KeyPath<Line, Int>)] { [
        ("受理", "received", \.received), ("已答复", "answered", \.answered),
        ("按时答复", "answered in time", \.answeredInTime), ("已解决", "resolved", \.resolved),
        ("按时解决", "resolved in time", \.resolvedInTime), ("逾期", "overdue", \.overdue),
        ("投诉", "complaints", \.complaints), ("故障", "faults", \.faults),
        ("故障已报告", "faults reported", \.faultsReported), ("故障未结", "faults open", \.faultsOpen),
        ("回访完成", "follow-ups done", \.followUpsDone), ("回访遗漏", "follow-ups missed", \.followUpsMissed),
    ] }
}

/// A month (`2026-11`) or an ISO week (`2026-W47`) as site days.
public enum ServicePeriod {
    public static func month(_ text: String) throws -> (from: Day, through: Day) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1]), let first = Day(year: year, month: month, day: 1)
        else { throw CoreError.invalid("month", zh: "月份应为 YYYY-MM", en: "a month as YYYY-MM") }
        return (first, Day(year: year, month: month, day: Day.lastDay(ofMonth: month, year: year))!)
    }

    /// `2026-W47`, or any day (`2026-11-18`) standing for the Monday-to-Sunday week it falls in.
    public static func week(_ text: String) throws -> (from: Day, through: Day) {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let invalid = CoreError.invalid("week", zh: "周应为 YYYY-Www 或 YYYY-MM-DD", en: "a week as YYYY-Www or YYYY-MM-DD")
        let monday: Date
        if let day = Day(text) {
            let date = day.start(in: calendar.timeZone)
            guard let interval = calendar.dateInterval(of: .weekOfYear, for: date) else { throw invalid }
            monday = interval.start
        } else {
            let parts = text.uppercased().split(separator: "-")
            guard parts.count == 2, parts[1].hasPrefix("W"), let year = Int(parts[0]), let week = Int(parts[1].dropFirst()),
                (1...53).contains(week),
                let date = calendar.date(from: DateComponents(weekday: 2, weekOfYear: week, yearForWeekOfYear: year))
            else { throw invalid }
            monday = date
        }
        let first = Day(monday, in: calendar.timeZone)
        return (first, first.adding(days: 6))
    }
}
