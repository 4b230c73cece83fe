import ColopassCore
import Foundation
import GRDB
import GateCheck
import Testing

/// One event row for both databases: the same event reads the same at the gate and at the
/// service after it crossed the JSON wire, time included, to the millisecond.
@Suite("The event row shared by the replica and the service")
struct EventRowTests {
    @Test func anEventHasTheSameRowAtTheGateAndAtTheServiceAfterTheWire() throws {
        // given: decisions at times with awkward fractions of a second
        let site = try GateSite { $0.parameters.antiPassback = .off }
        let cards = try site.cards(1)
        try site.installGate()
        for step in 0..<40 {
            site.now = GateSite.start.addingTimeInterval(Double(step) * 61 + Double(step * 37 % 1000) / 1000 + 0.000_4)
            _ = try site.desk(step % 2 == 0 ? .in : .out).decide(cards[0].credential)
        }
        // when: they travel as an events file does
        let wire = try JSONCoding.encoder.encode(GateEventBatch(events: try site.replica.eventsToCarry(again: false)))
        let carried = try JSONCoding.decoder.decode(GateEventBatch.self, from: wire)
        #expect(try site.core.gate.recordGateEvents(carried.events, by: site.guardOnDuty).accepted == 40)
        // then: both tables hold the same values, column by column
        let columns = GateEventRow.columns.joined(separator: ", ")
        let atGate = try site.replica.pool.read { db in try Row.fetchAll(db, sql: "SELECT \(columns) FROM event ORDER BY id") }
        let atService = try site.core.store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(columns) FROM gate_event ORDER BY id")
        }
        #expect(atGate.count == 40)
        #expect(atGate == atService)
    }
}
