import ColopassCore
import Foundation
import GateCheck
import Testing

@Suite("The guard's station: answers from the replica")
struct StationTests {
    func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func aGrantedScanShowsThePhotoNameCompanyAndIDLastFour() throws {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        let station = Station(desk: try site.desk(), clock: site.clock)
        let answer = try json(try station.scan(card.credential, confirm: nil))
        #expect(answer["granted"] as? Bool == true)
        #expect((answer["verdict"] as? [String: String])?["zh"] == "准许通行")
        #expect(answer["holder"] as? String == "员工1" && answer["id_last4"] as? String == "1234")
        let photo = try #require(answer["photo"] as? String)
        #expect(station.photo(String(photo.dropFirst("/photo/".count)))?.starts(with: [0x89, 0x50]) == true)
        #expect(station.photo("../replica.sqlite") == nil)
    }

    @Test func aSlipIsAskedBeforeAnythingIsRecordedQ4Check() throws {
        let site = try GateSite()
        _ = try site.cards(1)
        let (slip, serial) = try site.exitSlip()
        try site.installGate()
        let station = Station(desk: try site.desk(.out), clock: site.clock)
        let asked = try json(try station.scan(slip.credential, confirm: nil))
        #expect(asked["ask"] as? String == "slip_matches")
        #expect((asked["details"] as? [String])?.contains { $0.contains(serial) } == true)
        #expect(try site.replica.eventCount().total == 0)
        let confirmed = try json(try station.scan(slip.credential, confirm: true))
        #expect(confirmed["granted"] as? Bool == true)
        #expect(try site.replica.eventCount().total == 1)
    }

    @Test func theMusterListCountsByCompany() throws {
        let site = try GateSite()
        let cards = try site.cards(2)
        try site.installGate()
        let station = Station(desk: try site.desk(), clock: site.clock)
        for card in cards { _ = try station.scan(card.credential, confirm: nil) }
        let inside = try json(try station.inside())
        #expect(inside["total"] as? Int == 2)
        #expect((inside["companies"] as? [[String: Any]])?.first?["count"] as? Int == 2)
    }
}
