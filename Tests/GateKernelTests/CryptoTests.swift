import GateKernel
import Testing

private func bytes(_ hex: String) -> [UInt8] {
    guard let value = [UInt8](hex: hex) else { preconditionFailure("bad hex in test: \(hex)") }
    return value
}

@Suite struct HexTests {
    @Test func roundTrip() {
        let value: [UInt8] = [0x00, 0x01, 0x7f, 0x80, 0xab, 0xff]
        #expect(value.hexString == "00017f80abff")
        #expect([UInt8](hex: "00017F80ABff") == value)
        #expect([UInt8](hex: "") == [])
    }

    @Test func rejectsMalformed() {
        #expect([UInt8](hex: "abc") == nil)
        #expect([UInt8](hex: "zz") == nil)
        #expect([UInt8](hex: "0g") == nil)
    }
}

@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex(Array("abc".utf8))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]())
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hash("abc".utf8) == bytes("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
    }
}

@Suite struct SecureRandomTests {
    @Test func lengthAndNonRepetition() {
        #expect(SecureRandom.bytes(0).isEmpty)
        #expect(SecureRandom.bytes(1).count == 1)
        let samples = (0..<100).map { _ in SecureRandom.bytes(32) }
        #expect(samples.allSatisfy { $0.count == 32 })
        #expect(Set(samples.map(\.hexString)).count == samples.count)
    }
}

@Suite struct Ed25519Tests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let name: String, secret: String, publicKey: String, message: String, signature: String
        var testDescription: String { name }
    }

    // RFC 8032 section 7.1, TEST 1 and TEST 2.
    static let vectors = [
        Vector(
            name: "TEST 1",
            secret: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            publicKey: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            message: "",
            signature: "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
        Vector(
            name: "TEST 2",
            secret: "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            publicKey: "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            message: "72",
            signature: "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
    ]

    @Test(arguments: vectors) func rfc8032(_ vector: Vector) throws {
        let key = try Ed25519PrivateKey(rawRepresentation: bytes(vector.secret))
        #expect(key.rawRepresentation == bytes(vector.secret))
        #expect(key.publicKey.rawRepresentation == bytes(vector.publicKey))
        let signature = try key.signature(for: bytes(vector.message))
        #expect(signature.hexString == vector.signature)
        let publicKey = try Ed25519PublicKey(rawRepresentation: bytes(vector.publicKey))
        #expect(publicKey.isValidSignature(bytes(vector.signature), for: bytes(vector.message)))
    }

    @Test func roundTripAndTampering() throws {
        let key = Ed25519PrivateKey.generate()
        let message = Array("CP1 credential payload".utf8)
        let signature = try key.signature(for: message)
        #expect(signature.count == 64)
        #expect(key.publicKey.isValidSignature(signature, for: message))

        for bit in [0, 7, 100, message.count * 8 - 1] {
            var tampered = message
            tampered[bit / 8] ^= 1 << (bit % 8)
            #expect(!key.publicKey.isValidSignature(signature, for: tampered))
        }
        for bit in [0, 255, 256, 511] {
            var tampered = signature
            tampered[bit / 8] ^= 1 << (bit % 8)
            #expect(!key.publicKey.isValidSignature(tampered, for: message))
        }
        let other = Ed25519PrivateKey.generate()
        #expect(!other.publicKey.isValidSignature(signature, for: message))
    }

    @Test func wrongLengthsAreRejected() throws {
        #expect(throws: CryptoFailure.self) { try Ed25519PrivateKey(rawRepresentation: [UInt8](repeating: 1, count: 31)) }
        #expect(throws: CryptoFailure.self) { try Ed25519PrivateKey(rawRepresentation: []) }
        #expect(throws: CryptoFailure.self) { try Ed25519PublicKey(rawRepresentation: [UInt8](repeating: 1, count: 33)) }

        let key = Ed25519PrivateKey.generate()
        let signature = try key.signature(for: [1, 2, 3])
        #expect(!key.publicKey.isValidSignature([], for: [1, 2, 3]))
        #expect(!key.publicKey.isValidSignature(Array(signature.dropLast()), for: [1, 2, 3]))
        #expect(!key.publicKey.isValidSignature(signature + [0], for: [1, 2, 3]))
    }

    @Test func concurrentVerificationSharesOneKey() async throws {
        let key = Ed25519PrivateKey.generate()
        let publicKey = key.publicKey
        let message = Array("shared".utf8)
        let signature = try key.signature(for: message)
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                group.addTask {
                    let good = publicKey.isValidSignature(signature, for: message)
                    let bad = publicKey.isValidSignature(signature, for: message + [UInt8(index)])
                    return good && !bad
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == 64 && results.allSatisfy { $0 })
    }
}
