import Foundation
import Testing

@testable import ColopassCore

/// A snapshot's entries are written by hand for speed; a gate must read exactly what the encoder
/// would have written, so the bytes are held to the encoder's.
@Suite("Gate snapshot: hand-written body")
struct SnapshotBodyJSONTests {
    @Test func theBodyIsTheEncodersBytesForPlainAndAwkwardEntries() throws {
        // given: a card entry, a slip entry with every optional field, awkward text and a value a
        // newer service wrote, and an entry with no optional field at all
        let card = GateEntry(
            kind: .accessCard, credentialId: 42, generation: 3, state: .lost, holderActive: true, contractStatus: .active,
            contractStartsOn: Day("2026-01-01"), contractEndsOn: Day("2026-12-31"),
            validFrom: Date(timeIntervalSince1970: 1_781_234_567), validUntil: Date(timeIntervalSince1970: 1_781_234_567.891),
            holderName: "张三", company: "北京云栈科技有限公司", maskedID: "**************1234", photo: String(repeating: "ab", count: 32),
            escortRequired: false, details: ["DC1-000042-7"], stoppedUnder: .C4)
        var slip = GateEntry(
            kind: .exitSlip, credentialId: 7, generation: 1, state: .cancelled, holderActive: true, contractStatus: nil,
            contractStartsOn: nil, contractEndsOn: nil, validFrom: Date(timeIntervalSinceReferenceDate: -12_345.0625),
            validUntil: Date(timeIntervalSince1970: 0.000_1), holderName: "李四、王五", company: "a/b \"quoted\" back\\slash",
            maskedID: "", photo: nil, escortRequired: true,
            details: ["设备 / item: x\n\r\t\u{08}\u{0C}\u{01}\u{1F} é 🙂", "</script>"], slipPurpose: .repair)
        slip.unknownValues["state"] = "paused"
        let bare = GateEntry(
            kind: .temporaryPass, credentialId: UInt32.max, generation: UInt16.max, state: .cancelled, holderActive: false,
            contractStatus: nil, contractStartsOn: nil, contractEndsOn: nil, validFrom: Date(timeIntervalSince1970: -1.5),
            validUntil: Date(timeIntervalSince1970: 4_102_444_800.123_456), holderName: "", company: "", maskedID: "",
            photo: nil, escortRequired: false, details: [])
        var snapshot = GateSnapshot(
            generatedAt: Date(timeIntervalSince1970: 1_781_234_567.5), since: 3, cursor: 99,
            rules: .init(
                site: "DC1", timeZone: "Asia/Shanghai", antiPassback: .warn, staleReplicaMode: .failSecure, maxAgeMinutes: 60,
                escortRequired: true),
            keys: [.init(id: 1, publicKey: "00ff", status: "active")], entries: [card, slip, bare])
        snapshot.after = .init(kind: .accessCard, credentialId: 41)
        snapshot.next = .init(kind: .exitSlip, credentialId: 7)
        for entries in [[card, slip, bare], [], [bare]] {
            snapshot.entries = entries
            // when
            let written = try snapshot.bodyJSON()
            // then
            let encoded = try SignedSnapshot.encoder().encode(snapshot)
            #expect(String(decoding: written, as: UTF8.self) == String(decoding: encoded, as: UTF8.self))
            let read = try SignedSnapshot.decoder().decode(GateSnapshot.self, from: Data(written))
            #expect(read.entries.map(\.credentialId) == entries.map(\.credentialId))
            #expect(read.entries.map(\.details) == entries.map(\.details))
            #expect(read.entries.map(\.unknownValues) == entries.map(\.unknownValues))
        }
    }
}
