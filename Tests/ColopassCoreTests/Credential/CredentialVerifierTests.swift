import Foundation
import Testing

@testable import ColopassCore

/// Records held in memory: the verifier's inputs made explicit, so each DENY reason can be
/// produced on its own. The key and signatures are real OpenSSL Ed25519.
struct FixedRecords: CredentialRecords {
    var keys: [UInt16: Ed25519PublicKey]
    var statuses: [UInt32: CredentialStatus]

    func publicKey(id: UInt16) throws -> Ed25519PublicKey? { keys[id] }
    func status(of kind: CredentialKind, id: UInt32, at date: Date) throws -> CredentialStatus? { statuses[id] }
}

@Suite("One verification function: parse, key, signature, site, window, status")
struct CredentialVerifierTests {
    let key = Ed25519PrivateKey.generate()
    let now = Date(timeIntervalSince1970: 1_781_000_000)
    let verifier = CredentialVerifier(site: "DC1")

    func credential(site: String = "DC1", keyId: UInt16 = 1, from: TimeInterval = -3600, until: TimeInterval = 86_400)
        -> Credential
    {
        Credential(
            kind: .accessCard, keyId: keyId, credentialId: 42, generation: 3, site: site,
            validFrom: now.addingTimeInterval(from), validUntil: now.addingTimeInterval(until))
    }

    func records(state: CredentialStatus.State = .active, generation: UInt16 = 3, contract: Bool = true,
                 holder: Bool = true) -> FixedRecords {
        FixedRecords(
            keys: [1: key.publicKey],
            statuses: [42: CredentialStatus(
                kind: .accessCard, credentialId: 42, generation: generation, state: state, contractInForce: contract,
                holderActive: holder)])
    }

    func decide(_ text: String, _ records: FixedRecords? = nil) throws -> Decision {
        try verifier.verify(text, at: now, records: records ?? self.records())
    }

    @Test func signedCredentialRoundTripsAndIsGranted() throws {
        let signed = try SignedCredential.sign(credential(), with: key)
        let parsed = try #require(SignedCredential.parse(signed.text))
        #expect(parsed == signed)
        #expect(try decide(signed.text) == .granted(signed.credential))
        #expect(signed.text.hasPrefix("CP1:"))
        // The QR carries ids only: the text is Base45 digits after the prefix.
        #expect(signed.text.dropFirst(4).allSatisfy { "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".contains($0) })
    }

    @Test func flippingAnySingleCharacterOfTheTextIsDenied() throws {
        let text = try SignedCredential.sign(credential(), with: key).text
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
        var characters = Array(text)
        for index in characters.indices {
            let original = characters[index]
            let replacement = alphabet[(alphabet.firstIndex(of: original).map { $0 + 1 } ?? 0) % alphabet.count]
            characters[index] = replacement
            let decision = try decide(String(characters))
            #expect(!decision.isGranted, "flipping position \(index) was granted")
            characters[index] = original
        }
    }

    @Test func flippingAnySingleBitOfTheSignedBytesIsDenied() throws {
        let signed = try SignedCredential.sign(credential(), with: key)
        let bytes = signed.credential.fieldBytes + signed.signature
        for index in bytes.indices {
            var altered = bytes
            altered[index] ^= 0x01
            let decision = try decide("CP1:" + Base45.encode(altered))
            #expect(!decision.isGranted, "byte \(index) altered was granted")
        }
    }

    @Test func aForeignSignatureIsDeniedAsForgedS4() throws {
        let forger = Ed25519PrivateKey.generate()
        let forged = try SignedCredential.sign(credential(), with: forger)
        #expect(try decide(forged.text) == .denied(.forged))
        #expect(DenyReason.forged.clause.code == "S4.forged")
    }

    @Test func unknownKeyIdIsDeniedS4() throws {
        let signed = try SignedCredential.sign(credential(keyId: 9), with: key)
        #expect(try decide(signed.text) == .denied(.unknownKey))
    }

    @Test func wrongSiteIsDeniedS4() throws {
        let signed = try SignedCredential.sign(credential(site: "DC2"), with: key)
        #expect(try decide(signed.text) == .denied(.wrongSite))
    }

    @Test func notYetValidIsDeniedC1Validity() throws {
        let signed = try SignedCredential.sign(credential(from: 60, until: 3600), with: key)
        #expect(try decide(signed.text) == .denied(.notYetValid))
        #expect(DenyReason.notYetValid.clause.code == "C1.validity")
    }

    @Test func expiredIsDeniedC1Validity() throws {
        let signed = try SignedCredential.sign(credential(from: -7200, until: -1), with: key)
        #expect(try decide(signed.text) == .denied(.expired))
    }

    @Test func statusOnRecordDecidesLastC4C5C8C9() throws {
        let text = try SignedCredential.sign(credential(), with: key).text
        #expect(try decide(text, records(state: .lost)) == .denied(.lost))
        #expect(try decide(text, records(state: .cancelled)) == .denied(.cancelled))
        #expect(try decide(text, records(state: .returned)) == .denied(.returned))
        #expect(try decide(text, records(generation: 4)) == .denied(.superseded))
        #expect(try decide(text, records(contract: false)) == .denied(.contractEnded))
        #expect(try decide(text, records(holder: false)) == .denied(.holderDeparted))
        #expect(try decide(text, FixedRecords(keys: [1: key.publicKey], statuses: [:])) == .denied(.unknownCredential))
    }

    @Test func scannerNoiseIsForgivenButGarbageIsAnUnreadableScan() throws {
        let text = try SignedCredential.sign(credential(), with: key).text
        #expect(try decide(text + "\r\n").isGranted)
        #expect(try decide(text.lowercased()).isGranted)
        #expect(try decide("hello") == .denied(.unreadable))
        #expect(try decide("CP1:") == .denied(.unreadable))
        #expect(try decide(String(text.dropLast(3))) == .denied(.unreadable))
    }

    @Test func everyDenyReasonNamesAKnownClauseWithBilingualText() throws {
        let policy = try TestSite.shippedPolicy()
        for reason in DenyReason.allCases {
            #expect(policy.clauses[reason.clause.id]?.facets[reason.clause.facet] != nil, "\(reason) cites \(reason.clause)")
            #expect(!reason.message.zh.isEmpty && !reason.message.en.isEmpty)
        }
    }
}

@Suite("Pooled verification contexts")
struct VerificationContextPoolTests {
    @Test func badSignaturesInterleavedWithGoodOnesNeverChangeAnAnswer() async throws {
        let key = Ed25519PrivateKey.generate()
        let message = Array("colopass".utf8)
        let good = try key.signature(for: message)
        var altered = good
        altered[10] ^= 0x40
        let bad = altered
        let publicKey = key.publicKey
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for round in 0..<50 {
                        let useGood = (round + worker) % 3 != 0
                        let answer = publicKey.isValidSignature(useGood ? good : bad, for: message)
                        #expect(answer == useGood)
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
