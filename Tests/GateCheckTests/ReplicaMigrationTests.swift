import ColopassCore
import Foundation
import GRDB
import Testing

@testable import GateCheck

/// A gate installed before the kernel kept event times as epoch seconds; its queue must survive
/// the move to the shared row, not a millisecond lost, still waiting for upload.
@Suite("Replica migration to the kernel's event row")
struct ReplicaMigrationTests {
    @Test func queuedEventsKeepTheirTimeAndTheirPlaceInTheQueue() throws {
        // given: a replica as version 0001 left it, with one event waiting and one uploaded
        let directory = NSTemporaryDirectory() + "colopass-replica-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: (directory as NSString).appendingPathComponent(Replica.fileName))
        try Replica.migrator.migrate(old, upTo: "0001 replica")
        try old.write { db in
            for (id, at, uploaded) in [("waiting", 1_781_488_805.185, false), ("sent", 1_781_488_800.0, true)] {
                try db.execute(
                    sql: """
                        INSERT INTO event (id, gate, direction, at, kind, credential_id, generation, result, confirmed, uploaded)
                        VALUES (?, 'A', 'in', ?, 1, 7, 1, 'granted', 0, ?)
                        """, arguments: [id, at, uploaded])
            }
        }
        try old.close()
        // when: the gate tool opens it
        let replica = try Replica(directory: directory)
        // then: the same events, times to the millisecond, the same one still queued
        let pending = try replica.pendingEvents()
        #expect(pending.map(\.id) == ["waiting"])
        #expect(pending.first?.at == Date(timeIntervalSince1970: 1_781_488_805.185))
        let text = try replica.pool.read { db in try String.fetchOne(db, sql: "SELECT at FROM event WHERE id = 'waiting'") }
        #expect(text == "2026-06-15 02:00:05.185")
        #expect(try replica.eventCount().total == 2)
        #expect(try replica.occupants().map(\.credentialId) == [7])
    }
}
