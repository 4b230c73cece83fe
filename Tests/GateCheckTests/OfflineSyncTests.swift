import ColopassCore
import Foundation
import GateCheck
import Testing

/// A source whose service is down: every call fails, as a dropped network does.
struct UnreachableSource: GateSource {
    struct Down: Error {}
    func upload(_ events: [GateEvent]) throws -> GateUpload { throw Down() }
    func snapshotPage(
        since: Int64, through: Int64?, after: GateSnapshot.Position?, limit: Int, wait: TimeInterval
    ) throws -> SignedSnapshot { throw Down() }
    func photo(_ sha: String) throws -> [UInt8]? { throw Down() }
}

/// A source whose answers get lost after the service stored the upload: the gate will send the
/// same events again.
struct LostAnswerSource: GateSource {
    let inner: ServiceSource
    struct AnswerLost: Error {}
    func upload(_ events: [GateEvent]) throws -> GateUpload {
        _ = try inner.upload(events)
        throw AnswerLost()
    }
    func snapshotPage(
        since: Int64, through: Int64?, after: GateSnapshot.Position?, limit: Int, wait: TimeInterval
    ) throws -> SignedSnapshot {
        try inner.snapshotPage(since: since, through: through, after: after, limit: limit, wait: wait)
    }
    func photo(_ sha: String) throws -> [UInt8]? { try inner.photo(sha) }
}

@Suite("Offline operation: keep deciding, queue events, upload each exactly once")
struct OfflineSyncTests {
    @Test func gateKeepsDecidingWhileTheServiceIsDownAndUploadsEachEventOnce() throws {
        let site = try GateSite { $0.parameters.antiPassback = .off }
        let cards = try site.cards(2)
        try site.installGate()
        // The service goes away; the door keeps working from its replica.
        #expect(throws: UnreachableSource.Down.self) { try GateSync.run(site.replica, from: UnreachableSource(), now: site.now) }
        for index in 0..<6 {
            site.now = site.now.addingTimeInterval(30)
            let decision = try site.desk(index % 2 == 0 ? .in : .out).decide(cards[index % 2].credential)
            #expect(decision.granted)
        }
        #expect(try site.replica.eventCount().pending == 6)
        // An upload whose answer is lost is sent again later: the service counts nothing twice.
        #expect(throws: LostAnswerSource.AnswerLost.self) {
            try GateSync.run(site.replica, from: LostAnswerSource(inner: site.source), now: site.now)
        }
        #expect(try site.serviceEventCount() == 6)
        let report = try site.sync()
        #expect(report.uploaded == 0 && report.duplicates == 6)
        #expect(try site.serviceEventCount() == 6)
        #expect(try site.replica.eventCount().pending == 0)
        // And every event is in the service's audit log once.
        let audited = try site.core.store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_record WHERE action = 'gate.event'") ?? 0
        }
        #expect(audited == 6)
    }

    @Test func snapshotsAreIncremental() throws {
        let site = try GateSite()
        let cards = try site.cards(2)
        try site.installGate()
        #expect(try site.sync().entries == 0)
        _ = try site.core.cards.reportCardLost(try CardNumber(cards[0].number), by: site.service)
        #expect(try site.sync().entries == 1)
    }

    @Test func aSnapshotNotSignedByATrustedKeyIsRejected() throws {
        let site = try GateSite()
        _ = try site.cards(1)
        // The gate trusts some other site's key only.
        let stranger = Ed25519PrivateKey.generate()
        try site.replica.trust(PublicKeyExport(site: "DC1", keys: [.init(id: 1, publicKey: stranger.publicKey.rawRepresentation.hexString, status: "active")]))
        #expect(throws: SnapshotRejected.self) { try site.sync() }
        #expect(try site.replica.entryCount() == 0)
    }

    @Test func keyRotationReachesTheGateThroughASnapshotSignedByTheOldKey() throws {
        let site = try GateSite()
        _ = try site.cards(1)
        try site.installGate()
        let admin = Actor(account: try site.core.accounts.addAccount(name: "root", role: .admin, by: .system))
        _ = try site.core.credentials.rotateSigningKey(by: admin)
        let client = try site.core.registry.clients(by: site.service)[0]
        let person = try site.core.registry.addPerson(
            NewPerson(clientId: client.id, name: "新人", idType: "passport", idNumber: "E12345678", phone: "13800000009",
                      photoPath: GateSite.fixtures + "/photo.png", idCopyPath: GateSite.fixtures + "/id-copy.png",
                      letterPath: GateSite.fixtures + "/letter.pdf"), by: site.service).person
        let newCard = try site.core.cards.issueCard(personId: person.id, by: site.service)
        try site.sync()
        #expect(newCard.keyId == 2)
        #expect(try site.desk().decide(newCard.credential).granted)
    }

    @Test func guardsUploadEventsOtherRolesMayNotR1() throws {
        let site = try GateSite()
        _ = try site.cards(1)
        #expect(throws: CoreError.self) { _ = try site.core.gate.gateSnapshot(since: 0, by: site.service) }
    }
}
