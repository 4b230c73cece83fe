import ColopassCore
import Foundation
import GateCheck
import Testing

/// The gate reads pages by hand for speed; it must read exactly what `JSONDecoder` reads, and
/// leave to it whatever it does not expect.
@Suite("Gate snapshot pages read by hand are read as the decoder reads them")
struct SnapshotReaderTests {
    static func snapshot() -> GateSnapshot {
        let card = GateEntry(
            kind: .accessCard, credentialId: 42, generation: 3, state: .lost, holderActive: true, contractStatus: .active,
            contractStartsOn: Day("2026-01-01"), contractEndsOn: Day("2026-12-31"),
            validFrom: Date(timeIntervalSince1970: 1_781_234_567), validUntil: Date(timeIntervalSince1970: 1_781_234_567.891),
            holderName: "张三", company: "北京云栈科技有限公司", maskedID: "**************1234",
            photo: String(repeating: "ab", count: 32), escortRequired: false, details: ["DC1-000042-7"], stoppedUnder: .C4)
        var slip = GateEntry(
            kind: .exitSlip, credentialId: 7, generation: 1, state: .cancelled, holderActive: true, contractStatus: nil,
            contractStartsOn: nil, contractEndsOn: nil, validFrom: Date(timeIntervalSinceReferenceDate: -12_345.0625),
            validUntil: Date(timeIntervalSince1970: 0.000_1), holderName: "李四、王五", company: "a/b \"quoted\" back\\slash",
            maskedID: "", photo: nil, escortRequired: true,
            details: ["设备 / item: x\n\r\t\u{08}\u{0C}\u{01}\u{1F} é 🙂", "</script>"], slipPurpose: .repair)
        slip.unknownValues["state"] = "paused"
        var snapshot = GateSnapshot(
            generatedAt: Date(timeIntervalSince1970: 1_781_234_567.5), since: 3, cursor: 99,
            rules: .init(
                site: "DC1", timeZone: "Asia/Shanghai", antiPassback: .warn, staleReplicaMode: .failSecure, maxAgeMinutes: 60,
                escortRequired: true),
            keys: [.init(id: 1, publicKey: "00ff", status: "active")], entries: [card, slip])
        snapshot.next = .init(kind: .exitSlip, credentialId: 7)
        return snapshot
    }

    func decoded(_ text: String) throws -> GateSnapshot {
        try SignedSnapshot.decoder().decode(GateSnapshot.self, from: Data(text.utf8))
    }

    @Test func aPageBodyReadsAsTheDecoderReadsIt() throws {
        // given: the body as the service writes it, and as the encoder would
        let snapshot = Self.snapshot()
        for body in [try snapshot.bodyJSON(), Array(try SignedSnapshot.encoder().encode(snapshot))] {
            // when
            let read = try SnapshotReader.body(body)
            // then
            let expected = try decoded(String(decoding: body, as: UTF8.self))
            #expect(read.entries == expected.entries)
            #expect(read.entries.count == 2 && read.entries[1].unknownValues == ["state": "paused"])
            #expect(read.cursor == expected.cursor && read.next == expected.next && read.rules == expected.rules)
        }
    }

    @Test func escapesAnUnknownFieldAndABadValueAreLeftToTheDecoder() throws {
        let body = String(decoding: try Self.snapshot().bodyJSON(), as: UTF8.self)
        // \u escapes, a surrogate pair among them
        let escaped = body.replacingOccurrences(of: "\"张三\"", with: "\"\\u5f20\\u4e09 \\ud83d\\ude42\"")
        #expect(try SnapshotReader.body(Array(escaped.utf8)).entries == decoded(escaped).entries)
        #expect(try SnapshotReader.body(Array(escaped.utf8)).entries.first?.holderName == "张三 🙂")
        // a field a newer service added: the decoder ignores it, and so does the page
        let added = body.replacingOccurrences(of: "\"company\":", with: "\"floor\":{\"n\":[1,2]},\"company\":")
        #expect(try SnapshotReader.body(Array(added.utf8)).entries == decoded(added).entries)
        // a bad day fails as the decoder fails
        let bad = body.replacingOccurrences(of: "2026-12-31", with: "2026-13-31")
        #expect(throws: (any Error).self) { try SnapshotReader.body(Array(bad.utf8)) }
        #expect(throws: (any Error).self) { try decoded(bad) }
    }

    @Test func theEnvelopeReadsAsTheDecoderReadsIt() throws {
        let body = String(decoding: try Self.snapshot().bodyJSON(), as: UTF8.self)
        let signed = SignedSnapshot(body: body, signatures: [.init(keyId: 1, signature: "ab"), .init(keyId: 22, signature: "cd")])
        let wire = try JSONCoding.encoder.encode(signed)
        let read = try SnapshotReader.signed(Array(wire))
        let expected = try JSONCoding.decoder.decode(SignedSnapshot.self, from: wire)
        #expect(read.body == expected.body && read.body == body)
        #expect(read.signatures.map(\.keyId) == [1, 22] && read.signatures.map(\.signature) == ["ab", "cd"])
        // pretty-printed, or with a field of a newer service, it is still read (by the decoder)
        let pretty = try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: wire), options: .prettyPrinted)
        #expect(try SnapshotReader.signed(Array(pretty)).body == body)
    }
}
