import Foundation
import GateKernel

/// Reads a signed page as the service writes it, without `JSONDecoder` where the page is large:
/// the envelope's body (a few MiB of escaped text) and the body's entries (thousands of objects of
/// eighteen fields). Decoding them through `Codable` took most of a gate's first sync. Anything
/// the reader does not expect (a field it does not know, a value of another type) makes it give
/// up, and the page is decoded by `JSONDecoder` as before: the two never disagree on a page the
/// reader accepts, and the decoder decides every other one (a test holds them together).
public enum SnapshotReader {
    /// `{"body": "…", "signatures": [{"key_id": 1, "signature": "…"}]}`, as `JSONCoding` writes it.
    public static func signed(_ bytes: [UInt8]) throws -> SignedSnapshot {
        if let signed = bytes.withUnsafeBufferPointer({ buffer -> SignedSnapshot? in
            var scanner = JSONScan(buffer)
            return scanner.envelope()
        }) {
            return signed
        }
        return try JSONCoding.decoder.decode(SignedSnapshot.self, from: Data(bytes))
    }

    /// The page, if a signature is by a key the gate trusts (as `SignedSnapshot.open`).
    public static func open(_ signed: SignedSnapshot, trusting trusted: [Int64: Ed25519PublicKey]) throws -> GateSnapshot {
        let bytes = Array(signed.body.utf8)
        let message = SignedSnapshot.context + bytes
        let vouched = signed.signatures.contains { signature in
            guard let key = trusted[signature.keyId], let raw = [UInt8](hex: signature.signature) else { return false }
            return key.isValidSignature(raw, for: message)
        }
        guard vouched else { throw SnapshotRejected(reason: "not signed by a key this gate trusts") }
        return try body(bytes)
    }

    /// The body: the header (rules, keys, positions, checkpoint) by the decoder, the entries by hand.
    public static func body(_ bytes: [UInt8]) throws -> GateSnapshot {
        let marker = Array(#""entries":["#.utf8)
        if let at = bytes.firstRange(of: marker),
            let (entries, end) = bytes.withUnsafeBufferPointer({ buffer -> ([GateEntry], Int)? in
                var scanner = JSONScan(buffer)
                scanner.at = at.upperBound - 1
                guard let entries = scanner.entries() else { return nil }
                return (entries, scanner.at)
            })
        {
            let header = Array(bytes[..<at.upperBound]) + [UInt8(ascii: "]")] + Array(bytes[end...])
            var snapshot = try SignedSnapshot.decoder().decode(GateSnapshot.self, from: Data(header))
            if snapshot.entries.isEmpty {
                snapshot.entries = entries
                return snapshot
            }
        }
        return try SignedSnapshot.decoder().decode(GateSnapshot.self, from: Data(bytes))
    }
}

/// A cursor over JSON text for the two shapes above; every method returns nil on anything else.
struct JSONScan {
    let b: UnsafeBufferPointer<UInt8>
    var at = 0

    init(_ buffer: UnsafeBufferPointer<UInt8>) { b = buffer }

    mutating func space() {
        while at < b.count, b[at] == 0x20 || b[at] == 0x0A || b[at] == 0x0D || b[at] == 0x09 { at += 1 }
    }

    mutating func take(_ byte: UInt8) -> Bool {
        space()
        guard at < b.count, b[at] == byte else { return false }
        at += 1
        return true
    }

    mutating func literal(_ word: StaticString) -> Bool {
        space()
        let count = word.utf8CodeUnitCount
        guard at + count <= b.count else { return false }
        for index in 0..<count where b[at + index] != word.utf8Start[index] { return false }
        at += count
        return true
    }

    /// A string's bytes, unescaped.
    mutating func stringBytes() -> [UInt8]? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        var start = at
        var out: [UInt8] = []
        while at < b.count {
            let byte = b[at]
            if byte == UInt8(ascii: "\"") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<at]))
                at += 1
                return out
            }
            if byte < 0x20 { return nil }
            if byte != UInt8(ascii: "\\") {
                at += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<at]))
            guard at + 1 < b.count else { return nil }
            let escaped = b[at + 1]
            at += 2
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4() else { return nil }
                if (0xD800..<0xDC00).contains(scalar) {
                    guard at + 1 < b.count, b[at] == UInt8(ascii: "\\"), b[at + 1] == UInt8(ascii: "u") else { return nil }
                    at += 2
                    guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { return nil }
                out.append(contentsOf: Array(String(Character(unicode)).utf8))
            default: return nil
            }
            start = at
        }
        return nil
    }

    mutating func hex4() -> UInt32? {
        guard at + 4 <= b.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = b[at]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value << 4 | digit
            at += 1
        }
        return value
    }

    mutating func string() -> String? {
        guard let bytes = stringBytes() else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// A string, or null (nil inside the optional).
    mutating func optionalString() -> String?? {
        if literal("null") { return .some(nil) }
        return string().map { .some($0) }
    }

    /// A number's text: digits, sign, fraction and exponent.
    mutating func numberText() -> Substring? {
        space()
        let start = at
        while at < b.count, let byte = Optional(b[at]),
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        {
            at += 1
        }
        guard at > start else { return nil }
        return Substring(decoding: UnsafeBufferPointer(rebasing: b[start..<at]), as: UTF8.self)
    }

    mutating func integer<T: FixedWidthInteger>(_ type: T.Type) -> T? {
        numberText().flatMap { T($0) }
    }

    mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    /// `{"body": "…", "signatures": [{"key_id": N, "signature": "…"}, …]}`
    mutating func envelope() -> SignedSnapshot? {
        var body: String?
        var signatures: [SignedSnapshot.Signature]?
        let complete = object { key, scan in
            switch key {
            case "body":
                body = scan.string()
                return body != nil
            case "signatures":
                var list: [SignedSnapshot.Signature] = []
                let read = scan.array { scan in
                    var id: Int64?
                    var text: String?
                    let done = scan.object { key, scan in
                        switch key {
                        case "key_id": id = scan.integer(Int64.self); return id != nil
                        case "signature": text = scan.string(); return text != nil
                        default: return false
                        }
                    }
                    guard done, let id, let text else { return false }
                    list.append(.init(keyId: id, signature: text))
                    return true
                }
                signatures = list
                return read
            default: return false
            }
        }
        space()
        guard complete, at == b.count, let body, let signatures else { return nil }
        return SignedSnapshot(body: body, signatures: signatures)
    }

    /// `[{…entry…}, …]`, as `GateEntry.writeJSON` and the `Codable` encoding write an entry.
    mutating func entries() -> [GateEntry]? {
        var entries: [GateEntry] = []
        let read = array { scan in
            guard let entry = scan.entry() else { return false }
            entries.append(entry)
            return true
        }
        return read ? entries : nil
    }

    mutating func entry() -> GateEntry? {
        var kind: CredentialKind?, credentialId: UInt32?, generation: UInt16?, holderActive: Bool?
        var startsOn: Day?, endsOn: Day?, validFrom: Date?, validUntil: Date?
        var holderName: String?, company: String?, maskedID: String?, photo: String?
        var escort: Bool?, details: [String]?
        var enumerated: [String: String] = [:]
        let read = object { key, scan in
            switch key {
            case "kind":
                kind = scan.integer(UInt8.self).flatMap(CredentialKind.init(rawValue:))
                return kind != nil
            case "credentialId": credentialId = scan.integer(UInt32.self); return credentialId != nil
            case "generation": generation = scan.integer(UInt16.self); return generation != nil
            case "holderActive": holderActive = scan.bool(); return holderActive != nil
            case "escortRequired": escort = scan.bool(); return escort != nil
            case "holderName": holderName = scan.string(); return holderName != nil
            case "company": company = scan.string(); return company != nil
            case "maskedID": maskedID = scan.string(); return maskedID != nil
            case "photo":
                guard let value = scan.optionalString() else { return false }
                photo = value
                return true
            case "contractStartsOn", "contractEndsOn":
                guard let value = scan.optionalString() else { return false }
                guard let text = value else { return true }
                guard let day = Day(text) else { return false }
                if key == "contractStartsOn" { startsOn = day } else { endsOn = day }
                return true
            case "validFrom", "validUntil":
                guard let milliseconds = scan.numberText().flatMap({ Double($0) }) else { return false }
                let date = Date(timeIntervalSince1970: milliseconds / 1000)
                if key == "validFrom" { validFrom = date } else { validUntil = date }
                return true
            case "state", "contractStatus", "stoppedUnder", "slipPurpose":
                guard let value = scan.optionalString() else { return false }
                if let value { enumerated[key] = value }
                return true
            case "details":
                var lines: [String] = []
                let done = scan.array { scan in
                    guard let line = scan.string() else { return false }
                    lines.append(line)
                    return true
                }
                details = lines
                return done
            default: return false
            }
        }
        guard read, let kind, let credentialId, let generation, let holderActive, let validFrom, let validUntil,
            let holderName, let company, let maskedID, let escort, let details
        else { return nil }
        var entry = GateEntry(
            kind: kind, credentialId: credentialId, generation: generation, state: .cancelled, holderActive: holderActive,
            contractStatus: nil, contractStartsOn: startsOn, contractEndsOn: endsOn, validFrom: validFrom,
            validUntil: validUntil, holderName: holderName, company: company, maskedID: maskedID, photo: photo,
            escortRequired: escort, details: details)
        entry.readEnumerated { enumerated[$0] }
        return entry
    }

    /// `{ "key": value, … }`, each value read by `field` (false: not what is expected).
    mutating func object(_ field: (String, inout JSONScan) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = string(), take(UInt8(ascii: ":")), field(key, &self) else { return false }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}"))
    }

    /// `[ value, … ]`, each value read by `element`.
    mutating func array(_ element: (inout JSONScan) -> Bool) -> Bool {
        guard take(UInt8(ascii: "[")) else { return false }
        if take(UInt8(ascii: "]")) { return true }
        repeat {
            guard element(&self) else { return false }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]"))
    }
}
