import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import ColopassCore

@Suite("Exit slips: signed, on the removal date, used once (Q4, Q5)")
struct ExitSlipTests {
    /// Two servers on site, one of them on an approved request of `kind` with its slip.
    func slipInHand(_ kind: RemovalRequest.Kind = .decommission) throws -> (TestSite, [InventoryItem], ExitSlip) {
        let site = try TestSite()
        let (client, _) = try site.hostingCompany()
        try site.addPools()
        let items = try site.hostedServers(["SN-1", "SN-2"])
        let user = try site.clientUser(client)
        let request = kind == .repair
            ? site.repairApplication(client, items: ["SN-1"])
            : NewRemovalRequest(kind: .decommission, clientId: client.id, items: ["SN-1"], removalDate: site.core.today.description)
        let (_, slip) = try site.approvedRemoval(request, filer: user)
        return (site, items, slip)
    }

    @Test func slipUsedTwiceIsRefusedQ4Used() throws {
        let (site, _, slip) = try slipInHand()
        let use = try site.core.equipment.useExitSlip(slip.credential, by: site.guardOnDuty)
        #expect(use.slip.status == .used)
        #expect(use.slip.usedBy == "gate1")
        #expect(site.refusalClause { _ = try site.core.equipment.useExitSlip(slip.credential, by: site.guardOnDuty) } == "Q4.used")
        #expect(site.refusalClause { _ = try site.core.equipment.useExitSlip(slip.number, by: site.guardOnDuty) } == "Q4.used")
        #expect(try site.core.credentials.verifyCredential(slip.credential).denyReason == .alreadyUsed)
    }

    @Test func slipOnTheWrongDateIsRefusedQ4Date() throws {
        let (site, _, slip) = try slipInHand()
        site.advance(hours: 24)
        #expect(site.refusalClause { _ = try site.core.equipment.useExitSlip(slip.credential, by: site.guardOnDuty) } == "Q4.date")
        #expect(try site.core.credentials.verifyCredential(slip.credential).denyReason == .slipWrongDay)
        let dayBefore = slip.validFrom.addingTimeInterval(-60)
        #expect(try site.core.credentials.verifyCredential(slip.credential, at: dayBefore).denyReason == .slipWrongDay)
        #expect(try site.item(1).status == .onSite)
    }

    @Test func slipAfterItsRequestWasWithdrawnIsRefusedQ4Withdrawn() throws {
        let (site, _, slip) = try slipInHand()
        let request = try site.core.equipment.removals(by: site.service)[0]
        _ = try site.core.equipment.cancelRemoval(try RemovalNumber(request.request.number), reason: "计划改期", by: site.service)
        #expect(site.refusalClause { _ = try site.core.equipment.useExitSlip(slip.credential, by: site.guardOnDuty) } == "Q4.withdrawn")
        #expect(try site.core.credentials.verifyCredential(slip.credential).denyReason == .removalWithdrawn)
    }

    @Test func repairSlipUsedTwiceIsRefusedQ5Used() throws {
        let (site, _, slip) = try slipInHand(.repair)
        _ = try site.core.equipment.useExitSlip(slip.credential, by: site.guardOnDuty)
        #expect(site.refusalClause { _ = try site.core.equipment.useExitSlip(slip.number, by: site.guardOnDuty) } == "Q5.used")
        #expect(try site.core.credentials.verifyCredential(slip.credential).denyReason == .repairSlipUsed)
    }

    @Test func repairSlipOnTheWrongDateIsRefusedQ5Date() throws {
        let (site, _, slip) = try slipInHand(.repair)
        site.advance(hours: 24)
        #expect(site.refusalClause { _ = try site.core.equipment.useExitSlip(slip.credential, by: site.guardOnDuty) } == "Q5.date")
        #expect(site.refusalClause { _ = try site.core.equipment.useExitSlip(slip.number, by: site.guardOnDuty) } == "Q5.date")
        #expect(try site.core.credentials.verifyCredential(slip.credential).denyReason == .repairSlipWrongDay)
    }

    @Test func repairSlipAfterItsRequestWasWithdrawnIsRefusedQ5Withdrawn() throws {
        let (site, _, slip) = try slipInHand(.repair)
        let request = try site.core.equipment.removals(by: site.service)[0]
        _ = try site.core.equipment.cancelRemoval(try RemovalNumber(request.request.number), reason: "维修取消", by: site.service)
        #expect(site.refusalClause { _ = try site.core.equipment.useExitSlip(slip.number, by: site.guardOnDuty) } == "Q5.withdrawn")
        #expect(try site.core.credentials.verifyCredential(slip.credential).denyReason == .repairWithdrawn)
    }

    @Test func decommissionExitRemovesTheItemAndReleasesItsAddressAndPortQ4() throws {
        let (site, items, slip) = try slipInHand()
        let freed = try site.liveAddresses(of: items[0])
        _ = try site.core.equipment.useExitSlip(slip.number, by: site.guardOnDuty)
        #expect(try site.item(items[0].id).status == .removed)
        #expect(try site.liveAddresses(of: items[0]).isEmpty)
        #expect(try site.core.equipment.inventory(by: site.service).map(\.item.serial) == ["SN-2"])
        #expect(try site.core.equipment.portPools(by: site.service)[0].inUse == 1)
        // The released address goes back to the pool: the next server gets it.
        site.now = TestSite.defaultNow
        let next = try #require(try site.hostedServers(["SN-3"]).first)
        #expect(try site.liveAddresses(of: next) == freed)
    }

    @Test func repairExitKeepsTheAddressesAndTheItemComesBackQ5() throws {
        let (site, items, slip) = try slipInHand(.repair)
        let addresses = try site.liveAddresses(of: items[0])
        let use = try site.core.equipment.useExitSlip(slip.credential, by: site.guardOnDuty)
        #expect(use.removal.request.status == .exited)
        #expect(try site.item(items[0].id).status == .outForRepair)
        #expect(try site.liveAddresses(of: items[0]) == addresses)
        // Back from repair, checked by serial against the same request.
        #expect(
            site.refusalClause { _ = try site.core.equipment.returnFromRepair(try RemovalNumber(use.removal.request.number), items: ["SN-2"], by: site.supervisor) }
                == "Q5.not_on_request")
        let back = try site.core.equipment.returnFromRepair(try RemovalNumber(use.removal.request.number), items: ["SN-1"], by: site.supervisor)
        #expect(back.request.status == .returned)
        #expect(try site.item(items[0].id).status == .onSite)
        #expect(try site.liveAddresses(of: items[0]) == addresses)
    }

    @Test func onlyTheGuardLetsEquipmentOutR1Role() throws {
        let (site, _, slip) = try slipInHand()
        #expect(site.refusalClause { _ = try site.core.equipment.useExitSlip(slip.credential, by: site.service) } == "R1.role")
    }

    @Test func anotherKindOfCredentialIsNotAnExitSlip() throws {
        let (site, _, _) = try slipInHand()
        let person = try site.person(of: 1)
        let card = try site.core.cards.issueCard(personId: person.id, by: site.service)
        #expect(invalidField(coreError { try site.core.equipment.useExitSlip(card.credential, by: site.guardOnDuty) }) == "slip")
    }

    @Test func printedSlipIsWellFormedAndItsQRDecodesToAGrantedCredential() throws {
        let (site, _, slip) = try slipInHand(.repair)
        let rendered = try site.core.equipment.renderExitSlip(try ExitSlipNumber(slip.number), by: site.service)
        #expect(XMLCheck.isWellFormed(rendered.svg))
        #expect(rendered.svg.contains("出门条"))
        #expect(rendered.svg.contains("Exit slip"))
        #expect(rendered.svg.contains("SN SN-1"))
        #expect(rendered.svg.contains("**************1234"))  // the mover's ID, masked
        #expect(!rendered.svg.contains(TestSite.residentIDs[0]))
        let files = try rendered.write(to: site.directory + "/slips/\(rendered.number)")
        let decoded = try Zbar.decode(try #require(files.first { $0.hasSuffix("qr.png") }))
        #expect(decoded == slip.credential)
        #expect(try site.core.credentials.verifyCredential(decoded).isGranted)
        #expect(try site.lastAudit().action == "exitslip.render")
    }

    @Test func aUsedSlipIsNotPrintedAgain() throws {
        let (site, _, slip) = try slipInHand()
        _ = try site.core.equipment.useExitSlip(slip.number, by: site.guardOnDuty)
        #expect(site.refusalClause { _ = try site.core.equipment.renderExitSlip(try ExitSlipNumber(slip.number), by: site.service) } == "Q4.state")
    }
}
