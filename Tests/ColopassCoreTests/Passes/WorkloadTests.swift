import Foundation
import Testing

@testable import ColopassCore

/// The dashboard's counts come from SQL and agree with the lists they link to; a client's user
/// has its portal, not the site's workload (R1).
@Suite("Today's work, counted where it is stored")
struct WorkloadTests {
    @Test func theCountsAgreeWithTheListsTheyLinkTo() throws {
        let site = try TestSite()
        let filed = try site.filedRequest()
        _ = try site.approvedEmergency(clientId: filed.client.id)
        let work = try site.core.workload(expiringWithinDays: 30, by: site.service)
        let visits = try site.core.passes.visitRequests(by: site.service)
        #expect(work.visitsToDecide == visits.filter { $0.request.status == .filed }.count && work.visitsToDecide == 1)
        #expect(work.emergenciesToReview == (try site.core.passes.emergencies(awaitingReview: true, by: site.service)).count)
        #expect(work.emergenciesToReview == 1)
        var expiring = CardQuery()
        expiring.expiringBy = site.now.addingTimeInterval(30 * 86_400)
        expiring.limit = 0
        #expect(work.cardsExpiring == (try site.core.cards.cards(matching: expiring, by: site.service)).total)
        #expect(work.inside == 0)
        // once decided, the request leaves the count
        _ = try site.core.passes.approveVisitRequest(filed.view.request.id, by: site.service)
        #expect(try site.core.workload(expiringWithinDays: 30, by: site.service).visitsToDecide == 0)
    }

    @Test func aClientsUserIsRefusedTheSitesWorkloadR1Role() throws {
        let site = try TestSite()
        let filed = try site.filedRequest()
        #expect(site.refusalClause { _ = try site.core.workload(expiringWithinDays: 30, by: filed.user) } == "R1.role")
    }
}
