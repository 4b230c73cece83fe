import Foundation
import GRDB

/// A follow-up call made (K5): the scheduled date it answers, when, by whom, what was said.
public struct FollowUpCall: Record, Identifiable, Equatable {
    public var id: Int64
    public var clientId: Int64
    public var dueOn: Day
    public var calledAt: Date
    public var calledBy: String
    public var note: String

    public static let databaseTableName = "follow_up_call"
}

/// A scheduled follow-up call not yet made, as the desk's list shows it.
public struct FollowUpDue: Codable, Sendable, Equatable {
    public var clientId: Int64
    public var clientName: String
    public var dueOn: Day
    public var accountManager: String?
    /// Past its date and the grace days: missed (K5).
    public var overdue: Bool
}

/// K7: a client's needs survey for the coming year.
public struct NeedsSurvey: Record, Equatable {
    public var clientId: Int64
    public var year: Int
    public var createdAt: Date
    public var doneAt: Date?
    public var doneBy: String?
    public var note: String?

    public static let databaseTableName = "needs_survey"
}

/// K6: a client's named account manager.
public struct AccountManager: Record, Equatable {
    public var clientId: Int64
    public var account: String
    public var assignedAt: Date
    public var assignedBy: String

    public static let databaseTableName = "account_manager"
}

/// K8: one colleague on the duty roster for one holiday.
public struct DutyShift: Record, Equatable {
    public var day: Day
    public var account: String
    public var assignedBy: String
    public var assignedAt: Date

    public static let databaseTableName = "duty_shift"
}

/// K5: the dates a client is called on: monthly (the policy's first-year interval) through its
/// first year of service, counted from its first contract's start, then quarterly (the later
/// interval). The twelfth monthly call falls on the first anniversary; the quarterly ones follow.
public struct FollowUpSchedule: Sendable {
    public var start: Day
    public var firstYearMonths: Int
    public var laterMonths: Int

    public init(start: Day, rules: ServiceDeskRules) {
        self.start = start
        firstYearMonths = rules.firstYearFollowUpMonths
        laterMonths = rules.laterFollowUpMonths
    }

    /// The call dates from `from` to `through`, both included.
    public func dates(from: Day, through: Day) -> [Day] {
        var dates: [Day] = []
        var months = firstYearMonths
        while true {
            let date = Self.add(months: months, to: start)
            if date > through { break }
            if date >= from { dates.append(date) }
            months += months < 12 ? firstYearMonths : laterMonths
        }
        return dates
    }

    /// `start` plus whole months, on the same day of the month or the month's last day.
    static func add(months: Int, to start: Day) -> Day {
        let index = start.year * 12 + (start.month - 1) + months
        let year = index / 12
        let month = index % 12 + 1
        let last = Day.lastDay(ofMonth: month, year: year)
        return Day(year: year, month: month, day: min(start.day, last))!
    }
}

extension Day {
    static func lastDay(ofMonth month: Int, year: Int) -> Int {
        (28...31).last { Day(year: year, month: month, day: $0) != nil }!
    }
}
