import Foundation

/// The service desk's numbers (`service_desk:` in the policy file): the complaint clocks (K2), the
/// work contact form's grace (K4), the follow-up schedule (K5), the survey month (K7) and the
/// statutory holidays that have a duty roster (K8).
public struct ServiceDeskRules: Sendable, Codable {
    public var complaintReplyHours: Int
    public var complaintResolveDays: Int
    public var contactFormHours: Int
    public var firstYearFollowUpMonths: Int
    public var laterFollowUpMonths: Int
    public var followUpGraceDays: Int
    public var needsSurveyMonth: Int
    public var clockIntervalSeconds: Int
    public var holidays: [Holiday]

    /// A statutory holiday as the policy dates it: every day from `from` to `to`, both included.
    public struct Holiday: Sendable, Codable, Equatable {
        public var name: Bilingual
        public var from: Day
        public var to: Day

        public func contains(_ day: Day) -> Bool { from <= day && day <= to }
    }

    /// The holiday `day` falls in, if any.
    public func holiday(on day: Day) -> Holiday? { holidays.first { $0.contains(day) } }
}

extension Policy {
    static func readServiceDesk(_ m: PolicyMapping) throws(PolicyError) -> ServiceDeskRules {
        let monthNode = m.child("needs_survey_month")
        let month = try monthNode.integer(atLeast: 1)
        guard month <= 12 else { throw monthNode.error(.badValue, "a month, 1 to 12") }
        let holidaysNode = m.child("holidays")
        let rules = ServiceDeskRules(
            complaintReplyHours: try m.child("complaint_reply_hours").integer(atLeast: 1),
            complaintResolveDays: try m.child("complaint_resolve_days").integer(atLeast: 1),
            contactFormHours: try m.child("contact_form_hours").integer(atLeast: 1),
            firstYearFollowUpMonths: try m.child("first_year_follow_up_months").integer(atLeast: 1),
            laterFollowUpMonths: try m.child("later_follow_up_months").integer(atLeast: 1),
            followUpGraceDays: try m.child("follow_up_grace_days").integer(atLeast: 0),
            needsSurveyMonth: month,
            clockIntervalSeconds: try m.child("clock_interval_seconds").integer(atLeast: 1),
            holidays: try holidaysNode.list().map { node throws(PolicyError) in try readHoliday(node) })
        try m.rejectUnknownKeys()
        return rules
    }

    private static func readHoliday(_ node: PolicyNode) throws(PolicyError) -> ServiceDeskRules.Holiday {
        let m = try node.mapping()
        let name = try m.child("name").bilingual()
        let fromNode = m.child("from")
        let toNode = m.child("to")
        guard let from = Day(try fromNode.string()) else { throw fromNode.error(.badValue, "a date as YYYY-MM-DD") }
        guard let to = Day(try toNode.string()) else { throw toNode.error(.badValue, "a date as YYYY-MM-DD") }
        guard from <= to else { throw toNode.error(.badValue, "the last day comes on or after the first") }
        try m.rejectUnknownKeys()
        return .init(name: name, from: from, to: to)
    }
}
