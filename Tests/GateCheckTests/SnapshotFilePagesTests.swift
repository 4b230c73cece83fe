import ColopassCore
import Foundation
import GateCheck
import Testing

/// `colopass gate snapshot --out` writes the snapshot one signed page per line, and the gate reads
/// and applies it page by page: neither side holds more than a page, and a gate stopped half-way
/// through a file goes on at the page after the last one it applied.
@Suite("Gate snapshot files, page by page")
struct SnapshotFilePagesTests {
    func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func aFileOfPagesIsAppliedPageByPageAndResumedAfterTheLastPageApplied() throws {
        // given: three cards, and a snapshot written one card a page
        let site = try GateSite { $0.parameters.cardsPerCompanyClient = 3 }
        let cards = try site.cards(3)
        try site.replica.trust(try site.core.credentials.publicKeyExport())
        let path = site.directory + "/usb/snapshot.json"
        let export = try site.core.gate.writeGateSnapshot(to: path, since: 0, pageLimit: 1, by: site.guardOnDuty)
        #expect(export.entries == 3 && export.photos == 1)
        let pages = try lines(path)
        #expect(pages.count == 3)
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
        let photos = GateFiles.photoDirectory(besides: path)
        let readPhoto = { (sha: String) in FileManager.default.contents(atPath: photos + "/" + sha).map(Array.init) }

        // when: the gate was stopped after the first page (a file cut short after its first line)
        let cut = site.directory + "/usb/cut.json"
        try (pages[0] + "\n").write(toFile: cut, atomically: true, encoding: .utf8)
        #expect(throws: SnapshotRejected.self) { try GateSync.applyFile(cut, to: site.replica, photos: readPhoto, now: { site.now }) }
        #expect(try site.replica.entryCount() == 1)
        #expect(try site.replica.state().cursor == 0, "the cursor moves with the last page only")
        let progress = try #require(try site.replica.snapshotProgress())
        #expect(progress.next.credentialId == UInt32(cards[0].id))

        // then: the whole file applies the two pages after it, and the replica is complete
        let report = try GateSync.applyFile(path, to: site.replica, photos: readPhoto, now: { site.now })
        #expect(report.pages == 2 && report.entries == 2)
        #expect(try site.replica.entryCount() == 3)
        #expect(try site.replica.state().cursor == export.cursor)
        #expect(try site.replica.snapshotProgress() == nil)
        for card in cards { #expect(try site.desk(.in).decide(card.credential).granted) }
    }

    @Test func pagesOutOfOrderOrAFileOfAnotherSnapshotAreRefused() throws {
        let site = try GateSite { $0.parameters.cardsPerCompanyClient = 3 }
        _ = try site.cards(3)
        try site.replica.trust(try site.core.credentials.publicKeyExport())
        let path = site.directory + "/usb/snapshot.json"
        _ = try site.core.gate.writeGateSnapshot(to: path, since: 0, pageLimit: 1, by: site.guardOnDuty)
        let pages = try lines(path)
        let swapped = site.directory + "/usb/swapped.json"
        try [pages[0], pages[2], pages[1]].joined(separator: "\n").write(toFile: swapped, atomically: true, encoding: .utf8)
        let error = #expect(throws: SnapshotRejected.self) {
            try GateSync.applyFile(swapped, to: site.replica, photos: { _ in nil }, now: { site.now })
        }
        #expect(error?.reason.contains("do not follow") == true)
        // a tampered page fails its signature
        let tampered = site.directory + "/usb/tampered.json"
        try pages[0].replacingOccurrences(of: "员工1", with: "员工9").write(toFile: tampered, atomically: true, encoding: .utf8)
        #expect(throws: SnapshotRejected.self) {
            try GateSync.applyFile(tampered, to: site.replica, photos: { _ in nil }, now: { site.now })
        }
    }
}
