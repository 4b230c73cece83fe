import ColopassCore
import Foundation
import GateCheck
import GateKernel
import Testing

/// A client's access log: its people's passages as the gates recorded them, and no one else's.
@Suite("A client's own access log (R3)")
struct AccessLogTests {
    @Test func aClientSeesItsPeoplesEntriesAndExitsOnly_R3() throws {
        // given: two of client A's people pass the door; client B's holder too
        let site = try GateSite()
        let cards = try site.cards(2)
        let clientA = cards[0].clientId
        let b = try site.core.registry.addClient(
            NewClient(kind: .company, name: "上海数桥网络有限公司", creditCode: "91310115MA1K3XY72K"), by: site.service)
        _ = try site.core.registry.addContract(
            NewContract(number: "HT-B", clientId: b.id, startsOn: "2026-01-01", endsOn: "2026-12-31", racks: ["B01"],
                        serverQuota: 1), by: site.service)
        _ = try site.core.registry.activateContract("HT-B", by: site.service)
        let personB = try site.core.registry.addPerson(
            NewPerson(clientId: b.id, name: "陈静", idType: "resident_id", idNumber: "440305199211203459",
                      phone: "13800000002", photoPath: GateSite.fixtures + "/photo.png",
                      idCopyPath: GateSite.fixtures + "/id-copy.png", letterPath: GateSite.fixtures + "/letter.pdf"),
            by: site.service).person
        let cardB = try site.core.cards.issueCard(personId: personB.id, by: site.service)
        try site.installGate()
        _ = try site.desk(.in).decide(cards[0].credential)
        site.now = site.now.addingTimeInterval(3600)
        _ = try site.desk(.out).decide(cards[0].credential)
        _ = try site.desk(.in, gate: "B").decide(cards[1].credential)
        _ = try site.desk(.in).decide(cardB.credential)
        try site.sync()
        let userA = Actor(account: try site.core.accounts.addAccount(name: "ua", role: .clientUser, clientId: clientA, by: .system))
        let userB = Actor(account: try site.core.accounts.addAccount(name: "ub", role: .clientUser, clientId: b.id, by: .system))
        let day = Day(site.now, in: site.core.policy.site.timeZone)

        // when: client A reads its log, all of it and one person's
        let all = try site.core.gate.accessLog(clientId: clientA, from: day, to: day, by: userA)
        let one = try site.core.gate.accessLog(clientId: clientA, personId: cards[0].personId, from: day, to: day, by: userA)

        // then: its three passages in time order, with gate, direction and result; one person's two
        #expect(all.map(\.direction) == ["in", "out", "in"])
        #expect(all.map(\.gate) == ["A", "A", "B"])
        #expect(all.allSatisfy { $0.result == "granted" })
        #expect(!all.contains { $0.name == "陈静" })
        #expect(one.count == 2 && one.allSatisfy { $0.personId == cards[0].personId })
        // and a day with nothing, and another client's log, are refused or empty
        #expect(try site.core.gate.accessLog(clientId: clientA, from: day.adding(days: 1), to: day.adding(days: 1), by: userA).isEmpty)
        #expect(throws: CoreError.self) { try site.core.gate.accessLog(clientId: clientA, from: day, to: day, by: userB) }
        #expect(try site.core.gate.accessLog(clientId: b.id, from: day, to: day, by: userB).map(\.name) == ["陈静"])

        // and the CSV opens in a spreadsheet: BOM, Chinese headers, site time
        let csv = AccessLogCSV.render(all, in: site.core.policy.site.timeZone)
        #expect(csv.hasPrefix("\u{FEFF}时间,门岗,方向,结果,条款,原因,人员,证件\r\n"))
        #expect(csv.contains(",A,进,通过,") && csv.contains(",A,出,通过,"))
        #expect(csv.contains(cards[0].number))
    }
}
