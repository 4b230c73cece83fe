import ColopassCore
import Testing

@Suite struct PasswordHasherTests {
    @Test func pbkdf2Vector() {
        let key = PasswordHasher.derive(
            password: Array("password".utf8), salt: Array("salt".utf8), iterations: 1, length: 32)
        #expect(key.hexString == "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b")
    }

    @Test func roundTrip() {
        let hasher = PasswordHasher(iterations: 1000)
        let stored = hasher.hash("correct horse")
        let parts = stored.split(separator: "$")
        #expect(parts.count == 4 && parts[0] == "pbkdf2-sha256" && parts[1] == "1000")
        #expect(hasher.verify("correct horse", against: stored))
        #expect(!hasher.verify("correct horsf", against: stored))
        #expect(!hasher.verify("", against: stored))
        #expect(hasher.hash("correct horse") != stored, "salt must differ per hash")
        // The stored iteration count wins over the verifier's own setting.
        #expect(PasswordHasher(iterations: 5).verify("correct horse", against: stored))
    }

    @Test func unicodeNormalization() {
        let hasher = PasswordHasher(iterations: 1000)
        let stored = hasher.hash("caf\u{E9}")
        #expect(hasher.verify("cafe\u{301}", against: stored))
    }

    @Test func defaultIterations() {
        #expect(PasswordHasher().iterations == 600_000)
    }

    @Test(arguments: [
        "",
        "pbkdf2-sha256$1000$c2FsdA==",
        "pbkdf2-sha1$1000$c2FsdHNhbHRzYWx0c2FsdA==$EvtT8I7g9+sZ0VCvEdvjW4o7rbO6Ae3uEiL3FUKz38c=",
        "pbkdf2-sha256$abc$c2FsdHNhbHRzYWx0c2FsdA==$EvtT8I7g9+sZ0VCvEdvjW4o7rbO6Ae3uEiL3FUKz38c=",
        "pbkdf2-sha256$0$c2FsdHNhbHRzYWx0c2FsdA==$EvtT8I7g9+sZ0VCvEdvjW4o7rbO6Ae3uEiL3FUKz38c=",
        "pbkdf2-sha256$-5$c2FsdHNhbHRzYWx0c2FsdA==$EvtT8I7g9+sZ0VCvEdvjW4o7rbO6Ae3uEiL3FUKz38c=",
        "pbkdf2-sha256$99999999999$c2FsdHNhbHRzYWx0c2FsdA==$EvtT8I7g9+sZ0VCvEdvjW4o7rbO6Ae3uEiL3FUKz38c=",
        "pbkdf2-sha256$1000$!!!$EvtT8I7g9+sZ0VCvEdvjW4o7rbO6Ae3uEiL3FUKz38c=",
        "pbkdf2-sha256$1000$$EvtT8I7g9+sZ0VCvEdvjW4o7rbO6Ae3uEiL3FUKz38c=",
        "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$",
        "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$AAAA",
        "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$EvtT8I7g9+sZ0VCvEdvjW4o7rbO6Ae3uEiL3FUKz38c=$x",
    ])
    func malformedStoredIsFalse(_ stored: String) {
        #expect(!PasswordHasher(iterations: 1000).verify("password", against: stored))
    }
}
