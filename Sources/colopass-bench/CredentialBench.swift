import ColopassCore
import Foundation

/// Credentials signed and verified per second on one core, against OpenSSL's own Ed25519 rate.
enum CredentialBench {
    struct Records: CredentialRecords {
        let key: Ed25519PublicKey
        let status: CredentialStatus
        func publicKey(id: UInt16) throws -> Ed25519PublicKey? { id == 1 ? key : nil }
        func status(of kind: CredentialKind, id: UInt32, at date: Date) throws -> CredentialStatus? { status }
    }

    static func run() throws {
        print("\n== Credentials (one core) ==")
        let key = Ed25519PrivateKey.generate()
        let now = Date()
        let credential = Credential(
            kind: .accessCard, keyId: 1, credentialId: 123_456, generation: 1, site: "DC1",
            validFrom: now.addingTimeInterval(-60), validUntil: now.addingTimeInterval(86_400))
        let signed = try SignedCredential.sign(credential, with: key)
        let records = Records(
            key: key.publicKey,
            status: CredentialStatus(
                kind: .accessCard, credentialId: 123_456, generation: 1, state: .active, contractInForce: true,
                holderActive: true))
        let verifier = CredentialVerifier(site: "DC1")
        let text = signed.text

        let signRate = try Measure.rate(seconds: 3) { _ = try SignedCredential.sign(credential, with: key) }
        let verifyRate = try Measure.rate(seconds: 3) {
            guard try verifier.verify(text, at: now, records: records).isGranted else { fatalError("denied") }
        }
        let openssl = OpenSSLSpeed.ed25519(seconds: 3)
        print("colopass sign:   \(Measure.format(signRate, 0)) credentials/s")
        print("colopass verify: \(Measure.format(verifyRate, 0)) credentials/s (parse + Base45 + signature + window + status)")
        if let openssl {
            print("openssl speed ed25519: sign \(Measure.format(openssl.sign, 0))/s, verify \(Measure.format(openssl.verify, 0))/s")
            print("ratio sign \(Measure.format(signRate / openssl.sign, 2)), verify \(Measure.format(verifyRate / openssl.verify, 2)) (aim ≥ 0.70)")
        } else {
            print("openssl speed: not available")
        }
        print("QR text length: \(text.count) characters, QR version \(try QRCode(encoding: text).version) at ECC M")
    }
}
