import ColopassCore
import Foundation
import GateCheck
import Testing

/// A source that records the pages asked for and loses the network after `failAfter` of them,
/// as a gate killed or cut off half-way through its first sync.
final class PageCountingSource: GateSource, @unchecked Sendable {
    struct NetworkDown: Error {}
    let inner: ServiceSource
    var failAfter: Int?
    var asked: [(since: Int64, through: Int64?, after: GateSnapshot.Position?)] = []

    init(_ inner: ServiceSource, failAfter: Int? = nil) {
        self.inner = inner
        self.failAfter = failAfter
    }

    func upload(_ events: [GateEvent]) throws -> GateUpload { try inner.upload(events) }
    func photo(_ sha: String) throws -> [UInt8]? { try inner.photo(sha) }
    func snapshotPage(
        since: Int64, through: Int64?, after: GateSnapshot.Position?, limit: Int, wait: TimeInterval
    ) throws -> SignedSnapshot {
        if let failAfter, asked.count >= failAfter { throw NetworkDown() }
        asked.append((since, through, after))
        return try inner.snapshotPage(since: since, through: through, after: after, limit: limit, wait: wait)
    }
}

@Suite("Snapshots that scale: paged, applied page by page, resumed")
struct SnapshotPagesTests {
    @Test func aFullSnapshotComesInPagesAndEndsAtTheCursorOfTheFirst() throws {
        let site = try GateSite { $0.parameters.cardsPerCompanyClient = 4 }
        let cards = try site.cards(4)
        try site.replica.trust(try site.core.credentials.publicKeyExport())
        let source = PageCountingSource(site.source)
        let report = try GateSync.pull(site.replica, from: source, now: { site.now }, pageLimit: 1)
        #expect(report.pages == 4 && report.entries == 4)
        #expect(try site.replica.entryCount() == 4)
        // every page after the first reads the changes up to the first's cursor
        #expect(source.asked.first?.through == nil)
        #expect(Set(source.asked.dropFirst().map { $0.through }) == [report.cursor])
        #expect(try site.replica.state().cursor == report.cursor)
        #expect(try site.replica.snapshotProgress() == nil)
        for card in cards { #expect(try site.desk().decide(card.credential).granted) }
    }

    @Test func aGateStoppedHalfWayResumesAtTheNextPageNotTheFirst() throws {
        // given: a first sync that loses the network after two pages of one entry each
        let site = try GateSite { $0.parameters.cardsPerCompanyClient = 4 }
        let cards = try site.cards(4)
        try site.replica.trust(try site.core.credentials.publicKeyExport())
        let broken = PageCountingSource(site.source, failAfter: 2)
        #expect(throws: PageCountingSource.NetworkDown.self) {
            try GateSync.pull(site.replica, from: broken, now: { site.now }, pageLimit: 1)
        }
        // then: the two pages are kept, but the gate does not yet claim to be synchronised
        #expect(try site.replica.entryCount() == 2)
        #expect(try site.replica.state().cursor == 0 && site.replica.state().lastSync == nil)
        let progress = try #require(try site.replica.snapshotProgress())
        #expect(progress.next.credentialId == UInt32(cards[1].id))
        // a card lost meanwhile: the resumed snapshot still ends where it began, the next delta has it
        _ = try site.core.cards.reportCardLost(try CardNumber(cards[3].number), by: site.service)
        // when: it starts again (a new process: a new replica on the same file)
        let replica = try Replica(directory: site.directory + "/gate")
        let source = PageCountingSource(site.source)
        let report = try GateSync.pull(replica, from: source, now: { site.now }, pageLimit: 1)
        // then: it asked for page three first, and finished
        #expect(source.asked.first?.after == progress.next && source.asked.first?.through == progress.through)
        #expect(report.pages == 2 && report.entries == 2)
        #expect(try replica.entryCount() == 4 && replica.state().cursor == progress.through)
        #expect(try replica.snapshotProgress() == nil)
        #expect(try GateSync.pull(replica, from: site.source, now: { site.now }).entries == 1)
        #expect(try site.desk().decide(cards[3].credential).denyReason == .lost)
    }

    @Test func anEmptyDeltaStillCountsAsContact() throws {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        site.now = site.now.addingTimeInterval(50 * 60)
        #expect(try GateSync.pull(site.replica, from: site.source, now: { site.now }).entries == 0)
        #expect(try site.replica.state().lastSync == site.now)
        #expect(!(try site.desk().decide(card.credential).aging))
    }
}
