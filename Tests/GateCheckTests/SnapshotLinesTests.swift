import ColopassCore
import Foundation
import GateCheck
import Testing

/// `gate-check` asks for its pages in lines: the same entries as the page in JSON, signed under a
/// label of their own, and refused unless a trusted key signed exactly these bytes.
@Suite("Gate snapshot pages in lines")
struct SnapshotLinesTests {
    static let key = Ed25519PrivateKey.generate()
    static let trusted = [Int64(1): key.publicKey]

    @Test func aPageInLinesCarriesWhatItsJSONCarries() throws {
        // given: a page with escapes, unknown values, absent fields and sub-millisecond instants
        let snapshot = SnapshotReaderTests.snapshot()
        // when: signed in lines, sent and read back
        let wire = try SignedLines(snapshot, signedBy: [(1, Self.key)]).wire()
        let read = try SignedLines(wire: wire).open(trusting: Self.trusted)
        // then: what the JSON page gives, field for field
        let json = try SignedSnapshot(snapshot, signedBy: [(1, Self.key)]).open(trusting: Self.trusted)
        #expect(read.entries == json.entries && read.entries == snapshot.entries)
        #expect(read.entries[1].unknownValues == ["state": "paused"] && read.entries[1].details.count == 2)
        #expect(read.cursor == json.cursor && read.next == json.next && read.rules == json.rules)
        #expect(read.keys.map(\.publicKey) == json.keys.map(\.publicKey))
        // an entry with no detail line, and one whose only line is empty, stay apart
        var none = snapshot
        none.entries = [snapshot.entries[0], snapshot.entries[0]]
        none.entries[0].details = []
        none.entries[1].details = [""]
        let noneRead = try SignedLines(none, signedBy: [(1, Self.key)]).open(trusting: Self.trusted)
        #expect(noneRead.entries.map(\.details) == [[], [""]])
    }

    /// The line's numbers, days and instants are plain decimal text, written digit by digit.
    @Test func numbersDaysAndInstantsAreWrittenAsDecimalText() throws {
        var entry = SnapshotReaderTests.snapshot().entries[0]
        entry.credentialId = UInt32.max
        entry.generation = 0
        entry.contractStartsOn = Day(year: 1, month: 2, day: 3)
        entry.contractEndsOn = nil
        entry.validFrom = Date(timeIntervalSince1970: 0)
        entry.validUntil = Date(timeIntervalSince1970: 1_764_633_600.123)
        var out: [UInt8] = []
        entry.writeLine(to: &out)
        let fields = String(decoding: out.dropLast(), as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false)
        #expect(fields[1] == "4294967295" && fields[2] == "0")
        #expect(fields[6] == "0001-02-03" && fields[7] == "\\N")
        #expect(fields[8] == "0" && fields[9] == "1764633600123")
        #expect(out.last == 0x0A)
    }

    @Test func anAlteredPageInLinesIsRefusedS4() throws {
        let signed = try SignedLines(SnapshotReaderTests.snapshot(), signedBy: [(1, Self.key)])
        // one name changed in the body
        var altered = signed
        let text = String(decoding: signed.body, as: UTF8.self).replacingOccurrences(of: "张三", with: "张四")
        altered.body = Array(text.utf8)
        #expect(throws: SnapshotRejected.self) { try altered.open(trusting: Self.trusted) }
        // an entry cut off the end
        var cut = signed
        cut.body = Array(signed.body.dropLast(3))
        #expect(throws: SnapshotRejected.self) { try cut.open(trusting: Self.trusted) }
        // signed by a key the gate does not trust
        let stranger = try SignedLines(SnapshotReaderTests.snapshot(), signedBy: [(1, Ed25519PrivateKey.generate())])
        #expect(throws: SnapshotRejected.self) { try stranger.open(trusting: Self.trusted) }
        // the trusted key's signature of the same bytes under the JSON label does not stand for lines
        let relabelled = SignedLines(
            body: signed.body,
            signatures: [.init(keyId: 1, signature: try Self.key.signature(for: SignedSnapshot.context + signed.body).hexString)])
        #expect(throws: SnapshotRejected.self) { try relabelled.open(trusting: Self.trusted) }
        // and untouched, it opens
        #expect(try signed.open(trusting: Self.trusted).entries.count == 2)
    }

    @Test func aLineThatIsNotAnEntryRefusesThePage() throws {
        // signed, but malformed: a flag that is not 0 or 1
        var snapshot = SnapshotReaderTests.snapshot()
        snapshot.entries = []
        var body = Array(try SignedLines(snapshot, signedBy: []).body)
        body.append(contentsOf: Array("1\t42\t3\tactive\t2\t\\N\t\\N\t\\N\t0\t0\ta\tb\tc\t\\N\t0\t\\N\t\\N\n".utf8))
        let signed = SignedLines(
            body: body,
            signatures: [.init(keyId: 1, signature: try Self.key.signature(for: SignedLines.context + body).hexString)])
        #expect(throws: SnapshotRejected.self) { try signed.open(trusting: Self.trusted) }
    }
}
