import ColopassCore
import Foundation
import Testing

@testable import ColopassServer

/// The card look-up writes its JSON by hand for speed; a client must not see a byte of difference.
@Suite("Hand-written JSON is the encoder's JSON")
struct HandWrittenJSONTests {
    @Test func aCardViewIsWrittenAsTheEncoderWritesIt() throws {
        // given: a real card, then the same with every optional field set and awkward text
        let site = try ServerSite()
        let fixture = try site.populate()
        let plain = try site.core.cards.card(try CardNumber(fixture.cardA), by: site.actor("kefu"))
        var odd = plain
        odd.card.cancelReason = "离职 \"quoted\" back\\slash a/b\n\r\t\u{08}\u{0C}\u{01}\u{1F} é 🙂"
        odd.card.cancelledAt = Date(timeIntervalSince1970: 1_781_234_567.891)
        odd.card.lostAt = Date(timeIntervalSinceReferenceDate: -12_345.0625)
        odd.card.lossLetter = String(repeating: "ab", count: 32)
        odd.card.returnedAt = plain.card.issuedAt.addingTimeInterval(0.999_9)
        odd.holderName = "</script>"
        for view in [plain, odd] {
            // when
            var writer = JSONWriter()
            view.write(to: &writer)
            // then
            let expected = try JSONCoding.encoder.encode(view)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        }
    }

    @Test func aSignedSnapshotPageIsWrittenAsTheEncoderWritesIt() throws {
        // given: a real page of the site's snapshot (its body full of quotes and slashes), and
        // one with a second signature
        let site = try ServerSite()
        _ = try site.populate()
        let page = try site.core.gate.gateSnapshotPage(since: 0, through: nil, after: nil, limit: 50, by: site.actor("gate1"))
        var twice = page
        twice.signatures.append(.init(keyId: 9, signature: "ab/cd"))
        for signed in [page, twice] {
            // when
            var writer = JSONWriter()
            signed.write(to: &writer)
            // then
            let expected = try JSONCoding.encoder.encode(signed)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        }
        #expect(page.body.contains("\"company\":"))
    }

    @Test func datesAreFormattedAsTheWireFormatsThem() {
        // Millisecond times as the store hands them back, and arbitrary ones, 1970 to 2096.
        var mismatches: [String] = []
        for step in 0..<20_000 {
            let seconds = Double(step) * 197_123.0
            let millisecond = Double(step % 1000) / 1000
            for date in [
                Date(timeIntervalSince1970: seconds + millisecond),
                Date(timeIntervalSinceReferenceDate: seconds - 978_307_200 + millisecond),
                Date(timeIntervalSince1970: seconds + Double(step % 7919) / 7919),
            ] where JSONDate.format(date) != Milliseconds.wireText(date) {
                mismatches.append("\(date.timeIntervalSince1970): \(JSONDate.format(date))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
