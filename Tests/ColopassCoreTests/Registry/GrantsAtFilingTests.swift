import Foundation
import Testing

@testable import ColopassCore

/// What the client's administrator grants is what filing checks: one of the client's own people
/// moves equipment out only with may-move (Q5, Q4 for a decommission), and hosts visitors only
/// with may-host (C7). A refusal names its clause in zh and en, and nothing is written.
@Suite("Grants are enforced when a request is filed")
struct GrantsAtFilingTests {
    /// A client with two servers on site, its user, and 李娜 on its roster: the same resident ID
    /// as the first mover of `repairApplication`.
    func hosted() throws -> (TestSite, Client, Actor, Person) {
        let site = try TestSite()
        let (client, _) = try site.hostingCompany()
        try site.addPools()
        _ = try site.hostedServers(["SN-1", "SN-2"])
        let person = try site.person(of: client.id)
        #expect(person.idNumber == TestSite.movers()[0].idNumber)
        return (site, client, try site.clientUser(client), person)
    }

    @Test func aMoverFromTheRosterWithoutMayMoveIsRefused_Q5Mover() throws {
        // given: 李娜 is on the roster and not granted may-move
        let (site, client, user, _) = try hosted()
        var before = try site.equipmentRows()
        // when: the client names her as the mover of a removal for repair
        let refused = refusal(coreError { try site.core.equipment.fileRemoval(site.repairApplication(client, items: ["SN-1"]), by: user) })
        // then: Q5.mover, in both languages, nothing filed, and only the refusal audited
        #expect(refused?.clause.code == "Q5.mover")
        #expect(refused?.reason.zh == "李娜 未获客户管理员授权搬运设备")
        #expect(refused?.reason.en == "李娜 is not granted by the client's administrator to move equipment")
        before["audit_record", default: 0] += 1
        #expect(try site.equipmentRows() == before)
        #expect(try site.lastAudit().action == "removal.file" && site.lastAudit().clause == "Q5.mover")
    }

    @Test func aMoverFromTheRosterOnADecommissionIsRefusedUnderQ4_Q4Mover() throws {
        let (site, client, user, _) = try hosted()
        let request = NewRemovalRequest(
            kind: .decommission, clientId: client.id, items: ["SN-2"], removalDate: site.core.today.description,
            movers: TestSite.movers())
        #expect(site.refusalClause { _ = try site.core.equipment.fileRemoval(request, by: user) } == "Q4.mover")
    }

    @Test func theSameMoverOnceGrantedMayMoveIsFiled_Q5() throws {
        let (site, client, user, person) = try hosted()
        _ = try site.core.registry.setGrants(personId: person.id, PersonGrants(mayMove: true), by: site.service)
        let filed = try site.core.equipment.fileRemoval(site.repairApplication(client, items: ["SN-1"]), by: user)
        #expect(filed.request.status == .filed && filed.movers.map(\.name) == ["搬运工1"])
    }

    @Test func aDepartedPersonMovesNothingEvenIfOnceGranted_Q5Mover() throws {
        let (site, client, user, person) = try hosted()
        _ = try site.core.registry.setGrants(personId: person.id, PersonGrants(mayMove: true), by: site.service)
        _ = try site.core.registry.departPerson(person.id, by: site.service)
        #expect(
            site.refusalClause { _ = try site.core.equipment.fileRemoval(site.repairApplication(client, items: ["SN-1"]), by: user) }
                == "Q5.mover")
    }

    /// A company with a contract in force, its user, and 李娜 on its roster.
    func visiting() throws -> (TestSite, Client, Actor, Person) {
        let site = try TestSite()
        let (client, _) = try site.company()
        return (site, client, try site.clientUser(client.id), try site.person(of: client.id))
    }

    @Test func aHostWithoutMayHostIsRefused_C7Host() throws {
        // given: 李娜 is on the roster and not granted may-host
        let (site, client, user, person) = try visiting()
        var request = site.newRequest(client.id)
        request.hostPersonId = person.id
        // when: the client names her as the visitors' host
        let refused = refusal(coreError { try site.core.passes.fileVisitRequest(request, by: user) })
        // then: C7.host, in both languages, and no request
        #expect(refused?.clause.code == "C7.host")
        #expect(refused?.reason.zh == "李娜 未获客户管理员授权接待访客")
        #expect(refused?.reason.en == "李娜 is not granted by the client's administrator to host visitors")
        #expect(try site.core.passes.visitRequests(by: site.service).isEmpty)
    }

    @Test func anotherClientsPersonHostsNothing_C7Host() throws {
        let (site, client, user, _) = try visiting()
        let (other, _) = try site.company(name: "上海数桥网络有限公司", creditCode: "91310115MA1K3XY72K", contract: "HT-2")
        let stranger = try site.person(of: other.id, name: "陈静", idNumber: "440305199211203459")
        _ = try site.core.registry.setGrants(personId: stranger.id, PersonGrants(mayHost: true), by: site.service)
        var request = site.newRequest(client.id)
        request.hostPersonId = stranger.id
        #expect(site.filingRefusal(request, by: user) == "C7.host")
    }

    @Test func aHostGrantedMayHostIsFiledWithTheRequest_C7() throws {
        let (site, client, user, person) = try visiting()
        _ = try site.core.registry.setGrants(personId: person.id, PersonGrants(mayHost: true), by: site.service)
        var request = site.newRequest(client.id, visitors: TestSite.twoVisitors)
        request.hostPersonId = person.id
        let filed = try site.core.passes.fileVisitRequest(request, by: user)
        #expect(filed.request.hostPersonId == person.id && filed.visitors.count == 2)
    }
}
