import Foundation
import Testing

@testable import ColopassCore

@Suite("Removal requests: decommission (Q4) and repair (Q5)")
struct RemovalTests {
    /// A client with two servers on site and its user.
    func hosted() throws -> (TestSite, Client, Actor, [InventoryItem]) {
        let site = try TestSite()
        let (client, _) = try site.hostingCompany()
        try site.addPools()
        let items = try site.hostedServers(["SN-1", "SN-2"])
        return (site, client, try site.clientUser(client), items)
    }

    func decommission(_ client: Client, _ items: [String], date: String? = nil, site: TestSite) -> NewRemovalRequest {
        NewRemovalRequest(kind: .decommission, clientId: client.id, items: items, removalDate: date ?? site.core.today.description)
    }

    @Test func clientFilesADecommissionListFromItsInventoryQ4() throws {
        let (site, client, user, items) = try hosted()
        let view = try site.core.equipment.fileRemoval(decommission(client, [items[0].number, "sn-2"], site: site), by: user)
        #expect(view.request.status == .filed)
        #expect(view.items.map(\.serial) == ["SN-1", "SN-2"])
        #expect(view.request.filedBy == "yunzhan")
    }

    @Test func decommissionOfAnItemNotInTheInventoryIsRefusedQ4NotInInventory() throws {
        let (site, client, user, _) = try hosted()
        #expect(
            site.refusalClause { _ = try site.core.equipment.fileRemoval(decommission(client, ["SN-404"], site: site), by: user) }
                == "Q4.not_in_inventory")
    }

    @Test func decommissionOfAnotherClientsItemIsRefusedQ4NotInInventory() throws {
        let (site, client, user, _) = try hosted()
        _ = try site.otherCompany()
        site.now = TestSite.defaultNow
        let theirs = try #require(try site.hostedServers(["SN-9"], contract: "HT-2").first)
        #expect(
            site.refusalClause { _ = try site.core.equipment.fileRemoval(decommission(client, [theirs.number], site: site), by: user) }
                == "Q4.not_in_inventory")
    }

    @Test func clientUserFilesForItsOwnClientOnlyR3() throws {
        let (site, _, user, _) = try hosted()
        let (other, _) = try site.otherCompany()
        #expect(
            site.refusalClause { _ = try site.core.equipment.fileRemoval(decommission(other, ["SN-1"], site: site), by: user) }
                == "R3.client")
    }

    @Test func equipmentOnAnOpenRequestIsNotFiledAgainQ4AlreadyRequested() throws {
        let (site, client, user, _) = try hosted()
        _ = try site.core.equipment.fileRemoval(decommission(client, ["SN-1"], site: site), by: user)
        #expect(
            site.refusalClause { _ = try site.core.equipment.fileRemoval(decommission(client, ["SN-1", "SN-2"], site: site), by: user) }
                == "Q4.already_requested")
    }

    @Test func repairApplicationMissingAMoversIDIsInvalidInputQ5() throws {
        let (site, client, user, _) = try hosted()
        var application = site.repairApplication(client, items: ["SN-1"])
        application.movers.append(NewRemovalMover(name: "王强", idNumber: nil, idCopyPath: TestSite.fixtures + "/id-copy.png"))
        let before = try site.equipmentRows()
        #expect(invalidField(coreError { try site.core.equipment.fileRemoval(application, by: user) }) == "movers[1].id_number")
        #expect(try site.equipmentRows() == before)
    }

    @Test func repairApplicationWithAnInvalidMoversIDIsInvalidInputQ5() throws {
        let (site, client, user, _) = try hosted()
        var application = site.repairApplication(client, items: ["SN-1"])
        application.movers[0].idNumber = "110105198503121235"  // check digit off by one
        let before = try site.equipmentRows()
        #expect(invalidField(coreError { try site.core.equipment.fileRemoval(application, by: user) }) == "movers[0].id_number")
        #expect(try site.equipmentRows() == before)
    }

    @Test func repairApplicationNeedsTheSealedScanAndTheIDCopiesQ5() throws {
        let (site, client, user, _) = try hosted()
        var unsealed = site.repairApplication(client, items: ["SN-1"])
        unsealed.applicationScanPath = nil
        #expect(invalidField(coreError { try site.core.equipment.fileRemoval(unsealed, by: user) }) == "application_scan")
        var noCopy = site.repairApplication(client, items: ["SN-1"])
        noCopy.movers[0].idCopyPath = nil
        #expect(invalidField(coreError { try site.core.equipment.fileRemoval(noCopy, by: user) }) == "movers[0].id_copy")
        var nobody = site.repairApplication(client, items: ["SN-1"])
        nobody.movers = []
        #expect(invalidField(coreError { try site.core.equipment.fileRemoval(nobody, by: user) }) == "movers")
    }

    @Test func repairApplicationNamesTheClientQ5Company() throws {
        let (site, client, user, _) = try hosted()
        var application = site.repairApplication(client, items: ["SN-1"])
        application.companyName = "别的公司"
        #expect(site.refusalClause { _ = try site.core.equipment.fileRemoval(application, by: user) } == "Q5.company")
    }

    @Test func removalDateInThePastIsInvalidInput() throws {
        let (site, client, user, _) = try hosted()
        let request = decommission(client, ["SN-1"], date: site.core.today.adding(days: -1).description, site: site)
        #expect(invalidField(coreError { try site.core.equipment.fileRemoval(request, by: user) }) == "removal_date")
    }

    @Test func equipmentThatDoesNotMatchTheListIsRefusedQ4Mismatch() throws {
        let (site, client, user, _) = try hosted()
        let filed = try site.core.equipment.fileRemoval(decommission(client, ["SN-1", "SN-2"], site: site), by: user)
        #expect(
            site.refusalClause { _ = try site.core.equipment.checkRemoval(try RemovalNumber(filed.request.number), serials: ["SN-1", "SN-7"], by: site.service) }
                == "Q4.mismatch")
        #expect(try site.core.equipment.removal(try RemovalNumber(filed.request.number), by: user).request.status == .filed)
    }

    @Test func noExitSlipBeforeTheCheckQ4Unchecked() throws {
        let (site, client, user, _) = try hosted()
        let filed = try site.core.equipment.fileRemoval(decommission(client, ["SN-1"], site: site), by: user)
        #expect(site.refusalClause { _ = try site.core.equipment.approveRemoval(try RemovalNumber(filed.request.number), by: site.service) } == "Q4.unchecked")
    }

    @Test func noOneDecidesARequestTheyFiledR2Self() throws {
        let (site, client, _, _) = try hosted()
        let filed = try site.core.equipment.fileRemoval(decommission(client, ["SN-1"], site: site), by: site.service)
        #expect(
            site.refusalClause { _ = try site.core.equipment.checkRemoval(try RemovalNumber(filed.request.number), serials: ["SN-1"], by: site.service) }
                == "R2.self")
    }

    @Test func onlyCustomerServiceApprovesQ4Approver() throws {
        let (site, client, user, _) = try hosted()
        let filed = try site.core.equipment.fileRemoval(decommission(client, ["SN-1"], site: site), by: user)
        #expect(site.refusalClause { _ = try site.core.equipment.approveRemoval(try RemovalNumber(filed.request.number), by: site.supervisor) } == "Q4.approver")
    }

    @Test func rejectionKeepsItsReasonAndIssuesNoSlip() throws {
        let (site, client, user, _) = try hosted()
        let filed = try site.core.equipment.fileRemoval(decommission(client, ["SN-1"], site: site), by: user)
        let rejected = try site.core.equipment.rejectRemoval(try RemovalNumber(filed.request.number), reason: "清单与合同不符", by: site.service)
        #expect(rejected.request.status == .rejected)
        #expect(rejected.request.rejectReason == "清单与合同不符")
        #expect(rejected.request.decidedBy == "cs")
        #expect(rejected.exitSlip == nil)
    }

    @Test func approvalIssuesASignedSlipValidOnTheRemovalDateOnlyQ4() throws {
        let (site, client, user, _) = try hosted()
        let (view, slip) = try site.approvedRemoval(decommission(client, ["SN-1"], site: site), filer: user)
        let zone = site.core.policy.site.timeZone
        #expect(view.request.status == .approved)
        #expect(slip.validOn == site.core.today)
        #expect(slip.validFrom == slip.validOn.start(in: zone))
        #expect(slip.validUntil == slip.validOn.end(in: zone))
        let signed = try #require(SignedCredential.parse(slip.credential))
        #expect(signed.credential.kind == .exitSlip)
        #expect(signed.credential.credentialId == UInt32(slip.id))
    }
}
