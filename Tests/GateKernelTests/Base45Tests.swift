import GateKernel
import Testing

@Suite struct Base45Tests {
    // RFC 9285 section 4.
    @Test(arguments: [("AB", "BB8"), ("Hello!!", "%69 VD92EX0"), ("base-45", "UJCLQE7W581")])
    func rfcEncodeVectors(plain: String, encoded: String) throws {
        #expect(Base45.encode(Array(plain.utf8)) == encoded)
        #expect(try Base45.decode(encoded) == Array(plain.utf8))
    }

    @Test func rfcDecodeVector() throws {
        #expect(try Base45.decode("QED8WEX0") == Array("ietf!".utf8))
    }

    @Test func everyByteValueRoundTrips() throws {
        let all = (0...255).map { UInt8($0) }
        #expect(try Base45.decode(Base45.encode(all)) == all)
        for value in all {
            #expect(try Base45.decode(Base45.encode([value])) == [value])
            #expect(try Base45.decode(Base45.encode([value, 255 - value])) == [value, 255 - value])
        }
    }

    @Test func randomArraysRoundTrip() throws {
        for length in 0...40 {
            for _ in 0..<5 {
                let value = SecureRandom.bytes(length)
                let text = Base45.encode(value)
                #expect(text.utf8.count == length / 2 * 3 + length % 2 * 2)
                #expect(try Base45.decode(text) == value)
            }
        }
    }

    @Test func extremes() throws {
        #expect(Base45.encode([0xFF, 0xFF]) == "FGW")  // 65535 is the largest valid triplet
        #expect(try Base45.decode("FGW") == [0xFF, 0xFF])
        #expect(Base45.encode([0xFF]) == "U5")  // 255 is the largest valid pair
        #expect(try Base45.decode("") == [])
    }

    @Test(arguments: [
        ("bb8", Base45DecodingError.Reason.invalidCharacter),
        ("BB8a", .invalidCharacter),
        ("BB\u{E9}", .invalidCharacter),
        ("BB_", .invalidCharacter),
        ("GGW", .valueTooLarge),  // 16 + 16·45 + 32·45² = 65536
        (":::", .valueTooLarge),
        ("V5", .valueTooLarge),  // 31 + 5·45 = 256
        ("::", .valueTooLarge),
        ("B", .danglingCharacter),
        ("BB8B", .danglingCharacter),
    ])
    func invalidInputs(text: String, reason: Base45DecodingError.Reason) {
        do {
            _ = try Base45.decode(text)
            Issue.record("decoded invalid Base45 \(text)")
        } catch {
            #expect(error.reason == reason)
        }
    }
}
