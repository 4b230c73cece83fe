import Foundation

extension GateSnapshot {
    /// The snapshot's JSON as the site keys sign it: what `SignedSnapshot.encoder()` writes, with
    /// the entries written by hand. A page carries thousands of entries of eighteen fields; the
    /// encoder's keyed containers and key sorting for each of them cost more than reading the
    /// entries from the database. The rest (rules, keys, checkpoint, positions) is small and
    /// stays with the encoder, so there is one definition of it.
    public func bodyJSON() throws -> [UInt8] {
        var header = self
        header.entries = []
        let encoded = Array(try SignedSnapshot.encoder().encode(header))
        let marker = Array(#""entries":[]"#.utf8)
        guard let at = encoded.firstRange(of: marker) else {
            throw EncodingError.invalidValue(self, .init(codingPath: [], debugDescription: "no entries in the snapshot's JSON"))
        }
        var body: [UInt8] = []
        body.reserveCapacity(encoded.count + entries.count * 400)
        body.append(contentsOf: encoded[..<at.lowerBound])
        body.append(contentsOf: #""entries":["#.utf8)
        for (index, entry) in entries.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            entry.writeJSON(to: &body)
        }
        body.append(UInt8(ascii: "]"))
        body.append(contentsOf: encoded[at.upperBound...])
        return body
    }
}

extension GateEntry {
    /// The entry as `SignedSnapshot.encoder()` writes it through `encode(to:)`: keys sorted,
    /// absent values left out, dates in milliseconds since 1970, text escaped as Foundation does.
    /// A test holds the two to the same bytes.
    public func writeJSON(to out: inout [UInt8]) {
        var json = EntryJSON(out: out)
        out = []
        json.open()
        json.field("company", company)
        json.field("contractEndsOn", contractEndsOn?.description)
        json.field("contractStartsOn", contractStartsOn?.description)
        json.field("contractStatus", raw("contractStatus", contractStatus))
        json.number("credentialId", String(credentialId))
        json.key("details")
        json.out.append(UInt8(ascii: "["))
        for (index, line) in details.enumerated() {
            if index > 0 { json.out.append(UInt8(ascii: ",")) }
            json.string(line)
        }
        json.out.append(UInt8(ascii: "]"))
        json.number("escortRequired", escortRequired ? "true" : "false")
        json.number("generation", String(generation))
        json.number("holderActive", holderActive ? "true" : "false")
        json.field("holderName", holderName)
        json.number("kind", String(kind.rawValue))
        json.field("maskedID", maskedID)
        json.field("photo", photo)
        json.field("slipPurpose", raw("slipPurpose", slipPurpose))
        json.field("state", raw("state", state))
        json.field("stoppedUnder", raw("stoppedUnder", stoppedUnder))
        json.number("validFrom", EntryJSON.milliseconds(validFrom))
        json.number("validUntil", EntryJSON.milliseconds(validUntil))
        json.out.append(UInt8(ascii: "}"))
        out = json.out
    }
}

/// The few pieces of JSON an entry needs.
struct EntryJSON {
    var out: [UInt8]
    var first = true

    mutating func open() {
        out.append(UInt8(ascii: "{"))
        first = true
    }

    mutating func key(_ name: StaticString) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
    }

    mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func number(_ name: StaticString, _ text: String) {
        key(name)
        out.append(contentsOf: text.utf8)
    }

    /// Escaped as Foundation's encoder escapes (with its default formatting): quote, backslash,
    /// `/`, and control characters; everything else, non-ASCII included, as is.
    mutating func string(_ value: String) {
        out.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(92); out.append(34)
            case UInt8(ascii: "\\"): out.append(92); out.append(92)
            case UInt8(ascii: "/"): out.append(92); out.append(47)
            case 0x0A: out.append(92); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(92); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(92); out.append(UInt8(ascii: "t"))
            case 0x08: out.append(92); out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(92); out.append(UInt8(ascii: "f"))
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `.millisecondsSince1970`: the milliseconds as a number, whole ones without a fraction.
    /// Pages in lines write the same text (`GateEntry.writeLine`).
    static func milliseconds(_ date: Date) -> String {
        let value = date.timeIntervalSince1970 * 1000
        if value.rounded() == value, abs(value) < 9e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

extension SignedSnapshot {
    /// The snapshot's body signed by each of `signers` (key id, private key).
    public init(_ snapshot: GateSnapshot, signedBy signers: [(Int64, Ed25519PrivateKey)]) throws {
        let bytes = try snapshot.bodyJSON()
        let signed = Self.context + bytes
        self.init(
            body: String(decoding: bytes, as: UTF8.self),
            signatures: try signers.map { id, key in .init(keyId: id, signature: try key.signature(for: signed).hexString) })
    }
}
