import ColopassCore
import Foundation
import GateCheck
import GateKernel
import Testing

/// A source in lines that records the pages asked for and can rewrite one page's header in
/// transit, as a network in the middle could.
final class LinesRecordingSource: GateSource, @unchecked Sendable {
    let inner: ServiceSource
    let rewriteHeaderOfPage: Int?
    private let lock = NSLock()
    private var asked: [GateSnapshot.Position?] = []

    init(_ inner: ServiceSource, rewriteHeaderOfPage: Int? = nil) {
        self.inner = inner
        self.rewriteHeaderOfPage = rewriteHeaderOfPage
    }

    var askedFor: [GateSnapshot.Position?] { lock.withLock { asked } }

    func upload(_ events: [GateEvent]) throws -> GateUpload { try inner.upload(events) }
    func photo(_ sha: String) throws -> [UInt8]? { try inner.photo(sha) }
    func snapshotPage(
        since: Int64, through: Int64?, after: GateSnapshot.Position?, limit: Int, wait: TimeInterval
    ) throws -> SignedSnapshot {
        try inner.snapshotPage(since: since, through: through, after: after, limit: limit, wait: wait)
    }

    func signedPage(
        since: Int64, through: Int64?, after: GateSnapshot.Position?, limit: Int, wait: TimeInterval
    ) throws -> SignedPage {
        let number = lock.withLock {
            asked.append(after)
            return asked.count
        }
        guard case .lines(var lines) = try inner.signedPage(since: since, through: through, after: after, limit: limit, wait: wait)
        else { throw SnapshotRejected(reason: "expected lines") }
        if number == rewriteHeaderOfPage {
            // The header now claims the page after it starts further on: entries skipped.
            var header = try lines.uncheckedHeader()
            header.next?.credentialId += 1
            let end = lines.body.firstIndex(of: 0x0A)!
            lines.body = Array(try SignedSnapshot.encoder().encode(header)) + lines.body[end...]
        }
        return .lines(lines)
    }
}

@Suite("Snapshots in lines: the next page asked for early, on the unchecked header's word")
struct EarlyPageRequestTests {
    @Test func eachPageIsAskedForOnceAndAllArriveInOrder() throws {
        let site = try GateSite { $0.parameters.cardsPerCompanyClient = 4 }
        let cards = try site.cards(4)
        try site.replica.trust(try site.core.credentials.publicKeyExport())
        let source = LinesRecordingSource(site.source)
        let report = try GateSync.pull(site.replica, from: source, now: { site.now }, pageLimit: 1)
        #expect(report.pages == 4 && report.entries == 4)
        #expect(source.askedFor.count == 4)
        #expect(source.askedFor.dropFirst().map { $0?.credentialId } == cards.dropLast().map { UInt32($0.id) })
        for card in cards { #expect(try site.desk().decide(card.credential).granted) }
    }

    /// A header rewritten in transit makes the gate ask early for the wrong page, but the page
    /// itself fails its signature: nothing of it is applied, and the pages before it stay.
    @Test func aRewrittenHeaderIsRefusedAndNothingOfItsPageIsApplied() throws {
        let site = try GateSite { $0.parameters.cardsPerCompanyClient = 4 }
        _ = try site.cards(4)
        try site.replica.trust(try site.core.credentials.publicKeyExport())
        let source = LinesRecordingSource(site.source, rewriteHeaderOfPage: 2)
        #expect(throws: SnapshotRejected.self) {
            try GateSync.pull(site.replica, from: source, now: { site.now }, pageLimit: 1)
        }
        #expect(try site.replica.entryCount() == 1)
        #expect(try site.replica.state().cursor == 0)
        let progress = try #require(try site.replica.snapshotProgress())
        // and the next pull goes on from the last page applied, asking as the checked page said
        let report = try GateSync.pull(site.replica, from: LinesRecordingSource(site.source), now: { site.now }, pageLimit: 1)
        #expect(try report.pages == 3 && site.replica.entryCount() == 4)
        #expect(progress.next.credentialId > 0)
    }
}
