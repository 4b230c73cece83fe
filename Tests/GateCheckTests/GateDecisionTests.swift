import ColopassCore
import Foundation
import GateCheck
import Testing

@Suite("gate-check decisions from the replica: every DENY reason")
struct GateDecisionTests {
    @Test func validCardIsGrantedWithWhatTheGuardChecksByEye() throws {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        let decision = try site.desk().decide(card.credential)
        #expect(decision.granted)
        #expect(decision.entry?.holderName == "员工1")
        #expect(decision.entry?.company == "北京云栈科技有限公司")
        #expect(decision.entry?.maskedID.hasSuffix("1234") == true)
        let photo = try #require(decision.photoPath)
        #expect(FileManager.default.fileExists(atPath: photo))
        let text = GateDisplay.text(decision, color: false)
        #expect(text.contains("GRANTED") && text.contains("1234"))
    }

    @Test func forgedSignatureIsDeniedS4() throws {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        let parsed = try #require(SignedCredential.parse(card.credential))
        let forged = try SignedCredential.sign(parsed.credential, with: Ed25519PrivateKey.generate())
        #expect(try site.desk().decide(forged.text).denyReason == .forged)
    }

    @Test func unknownKeyIsDeniedS4() throws {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        var credential = try #require(SignedCredential.parse(card.credential)).credential
        credential.keyId = 77
        let text = try SignedCredential.sign(credential, with: Ed25519PrivateKey.generate()).text
        #expect(try site.desk().decide(text).denyReason == .unknownKey)
    }

    @Test func wrongSiteIsDeniedS4() throws {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        // Another site's credential signed by a key this gate does trust (a shared key must still
        // not open another site's door).
        var credential = try #require(SignedCredential.parse(card.credential)).credential
        credential.site = "DC9"
        let key = try Ed25519PrivateKey(
            rawRepresentation: [UInt8](hex: try String(contentsOfFile: site.directory + "/service/keys/signing-1.key", encoding: .utf8))!)
        #expect(try site.desk().decide(try SignedCredential.sign(credential, with: key).text).denyReason == .wrongSite)
    }

    @Test func notYetValidAndExpiredAreDeniedC1() throws {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        site.now = card.validFrom.addingTimeInterval(-60)
        #expect(try site.desk().decide(card.credential).denyReason == .notYetValid)
        site.now = card.validUntil.addingTimeInterval(1)
        #expect(try site.desk().decide(card.credential).denyReason == .expired)
    }

    @Test func revokedLostSupersededAndContractEndedAreDeniedAfterSync() throws {
        let site = try GateSite()
        let cards = try site.cards(2)
        try site.installGate()
        _ = try site.core.cards.reportCardLost(try CardNumber(cards[0].number), by: site.service)
        _ = try site.core.cards.cancelCard(try CardNumber(cards[1].number), reason: "调岗", by: site.service)
        try site.sync()
        #expect(try site.desk().decide(cards[0].credential).denyReason == .lost)
        #expect(try site.desk().decide(cards[1].credential).denyReason == .cancelled)
        _ = try site.core.cards.reissueCard(try CardNumber(cards[0].number), lossLetterPath: GateSite.fixtures + "/loss-letter.pdf", by: site.service)
        try site.sync()
        #expect(try site.desk().decide(cards[0].credential).denyReason == .superseded)
        let reissued = try site.core.cards.card(try CardNumber(cards[0].number), by: site.service).card
        #expect(try site.desk().decide(reissued.credential).granted)
        _ = try site.core.registry.suspendContract("HT-1", by: site.service)
        try site.sync()
        #expect(try site.desk().decide(reissued.credential).denyReason == .contractEnded)
    }

    @Test func departedHolderIsDeniedAfterSyncC5() throws {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        _ = try site.core.registry.departPerson(card.personId, by: site.service)
        try site.sync()
        #expect(try site.desk().decide(card.credential).denyReason == .holderDeparted)
    }

    @Test func staleReplicaDeniesCardsUnderFailSecureG1() throws {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        site.now = site.now.addingTimeInterval(61 * 60)
        let decision = try site.desk().decide(card.credential)
        #expect(decision.denyReason == .staleReplica)
        #expect(decision.stale)
        #expect(GateDisplay.text(decision, color: false).contains("stale"))
    }

    @Test func staleReplicaOnlyWarnsInWarnModeG1() throws {
        let site = try GateSite { $0.parameters.staleReplicaMode = .warn }
        let card = try site.cards(1)[0]
        try site.installGate()
        site.now = site.now.addingTimeInterval(61 * 60)
        let decision = try site.desk().decide(card.credential)
        #expect(decision.granted && decision.warnings == [.staleReplica])
    }

    @Test func aNeverSynchronisedGateIsStaleAndDeniesG1() throws {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.replica.trust(try site.core.credentials.publicKeyExport())
        #expect(try site.desk().decide(card.credential).denyReason != nil)
    }

    @Test func unreadableScanIsNotCalledAForgery() throws {
        let site = try GateSite()
        _ = try site.cards(1)
        try site.installGate()
        #expect(try site.desk().decide("https://example.invalid/x").denyReason == .unreadable)
    }

    @Test func everyDecisionIsRecordedBeforeItIsShown() throws {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        let desk = try site.desk()
        let decision = try desk.decide(card.credential)
        let pending = try site.replica.pendingEvents()
        #expect(pending.map(\.id) == [decision.event.id])
        #expect(pending[0].result == .granted && pending[0].gate == "A" && pending[0].credentialId == UInt32(card.id))
    }
}
