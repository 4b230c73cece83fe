import Foundation
import GRDB
import Testing

@testable import ColopassCore

/// Ready-made requests, emergencies and people for the pass tests. Requests are filed by a
/// client user by default, so customer service ("cs") can decide them without tripping R2.
extension TestSite {
    static let letter = TestSite.fixtures + "/letter.pdf"

    /// Two people named in the letter, with valid resident IDs.
    static let twoVisitors = [
        NewVisitor(name: "王强", idNumber: "310115199007042347"),
        NewVisitor(name: "陈静", idNumber: "440305199211203459"),
    ]

    /// The client's own user, who files its requests.
    func clientUser(_ clientId: Int64, name: String = "yunzhan") throws -> Actor {
        try account(name, .clientUser, client: clientId)
    }

    /// A request for `clientId` starting `startsIn` hours from now and lasting `hours`.
    func newRequest(
        _ clientId: Int64, startsIn: Double = 24, hours: Double = 8, visitors: [NewVisitor] = TestSite.twoVisitors,
        letter: String? = TestSite.letter, reason: String = "更换故障硬盘"
    ) -> NewVisitRequest {
        let start = now.addingTimeInterval(startsIn * 3600)
        return NewVisitRequest(
            clientId: clientId, reason: reason, windowStart: start, windowEnd: start.addingTimeInterval(hours * 3600),
            visitors: visitors, letterPath: letter)
    }

    /// The clause of the refusal to file `request`, or nil when it was filed.
    func filingRefusal(_ request: NewVisitRequest, by actor: Actor) -> String? {
        refusalClause { _ = try core.passes.fileVisitRequest(request, by: actor) }
    }

    /// The field named by the invalid-input error of filing `request`.
    func filingInvalidField(_ request: NewVisitRequest, by actor: Actor) -> String? {
        invalidField(coreError { try core.passes.fileVisitRequest(request, by: actor) })
    }

    /// A company with a contract in force, its user, and a request that user filed.
    func filedRequest(visitors: [NewVisitor] = TestSite.twoVisitors) throws -> (
        client: Client, contract: Contract, user: Actor, view: VisitRequestView
    ) {
        let (client, contract) = try company()
        let user = try clientUser(client.id)
        let view = try core.passes.fileVisitRequest(newRequest(client.id, visitors: visitors), by: user)
        return (client, contract, user, view)
    }

    /// The same, approved by customer service: one pass per visitor.
    func approvedRequest(visitors: [NewVisitor] = TestSite.twoVisitors) throws -> (
        client: Client, contract: Contract, user: Actor, view: VisitRequestView
    ) {
        let filed = try filedRequest(visitors: visitors)
        let view = try core.passes.approveVisitRequest(filed.view.request.id, by: service)
        return (filed.client, filed.contract, filed.user, view)
    }

    /// An emergency approved by the supervisor for one repair engineer.
    func approvedEmergency(clientId: Int64, hours: Double = 2) throws -> EmergencyView {
        try core.passes.approveEmergency(
            NewEmergency(
                clientId: clientId, staff: [NewVisitor(name: "赵工", idNumber: "110108197910014561")],
                reason: "核心交换机宕机", hours: hours, reportedBy: "李娜 13800000001"), by: supervisor)
    }

    /// The full credential text of a pass (views mask the holder's ID, not the credential).
    func decision<Kind: PassKind>(_ view: PassView<Kind>, at date: Date? = nil) throws -> Decision {
        try core.credentials.verifyCredential(view.pass.credential, at: date)
    }

    /// Rows of the pass tables and the visitor log, next to the registry's: "nothing changed".
    func passSnapshot() throws -> [String: Int] {
        var rows = try snapshot().rows
        for table in [
            "visit_request", "visit_visitor", "temporary_pass", "emergency_entry", "emergency_pass", "visit_log",
        ] {
            rows[table] = try count(table)
        }
        rows["files"] = storedFiles().count
        return rows
    }

    func visitLog() throws -> [VisitLogEntry] {
        try core.store.pool.read { db in try VisitLogEntry.order(Column("id")).fetchAll(db) }
    }
}
