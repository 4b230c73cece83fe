import Foundation
import GRDB
import Testing

@testable import ColopassCore

/// The service's `gate_event` rebuilt from the kernel's row keeps every event it had.
@Suite("Service migration 0007: gate events on the kernel's row")
struct GateEventMigrationTests {
    @Test func eventsRecordedBeforeTheKernelRowAreKept() throws {
        // given: a database as migration 0006 left it, with one recorded event
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue, upTo: "0006 sign-in")
        let at = Date(timeIntervalSince1970: 1_781_488_805.185)
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO gate_event (id, gate, direction, at, kind, credential_id, generation, result, reason,
                        clause, confirmed, holder_name, received_at, received_from)
                    VALUES ('e1', 'A', 'out', ?, 4, 3, 1, 'granted', NULL, NULL, 1, '张三', ?, 'baoan')
                    """, arguments: [at, at])
        }
        // when
        try Migrations.migrator.migrate(queue)
        // then: the same event, read through the kernel's one mapping, and both indexes in place
        let event = try queue.read { db in try Row.fetchOne(db, sql: "SELECT * FROM gate_event").map(GateEventRow.event) }
        #expect(event?.id == "e1" && event?.kind == .exitSlip && event?.credentialId == 3 && event?.confirmed == true)
        #expect(event?.at == at && event?.holderName == "张三")
        let indexes = try queue.read { db in try db.indexes(on: "gate_event").map(\.name).sorted() }
        #expect(indexes.contains("gate_event_by_credential") && indexes.contains("gate_event_on_at"))
    }
}
