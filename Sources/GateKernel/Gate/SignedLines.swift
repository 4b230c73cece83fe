import Foundation

/// A page of a gate's snapshot in lines, as `GET /api/gate/snapshot?limit=N&format=lines` sends
/// it: the body is the page's JSON without its entries (one line), then one line per entry (see
/// `GateEntry.writeLine`); on the wire the signatures come first, as one line of JSON. The site
/// keys sign this label, then the body's bytes: a label of its own, so a page in lines can never
/// be read as a snapshot in JSON, nor the other way. The gate checks a signature by a key it
/// trusts before it reads a byte of the body, as it does for JSON.
public struct SignedLines: Sendable {
    public var body: [UInt8]
    public var signatures: [SignedSnapshot.Signature]

    public init(body: [UInt8], signatures: [SignedSnapshot.Signature]) {
        self.body = body
        self.signatures = signatures
    }

    package static let context = Array("COLOPASS-GATE-PAGE-LINES".utf8)

    public static let mediaType = "text/plain; charset=utf-8"

    /// The page's body signed by each of `signers` (key id, private key).
    public init(_ snapshot: GateSnapshot, signedBy signers: [(Int64, Ed25519PrivateKey)]) throws {
        var header = snapshot
        header.entries = []
        var body = Array(try SignedSnapshot.encoder().encode(header))
        body.reserveCapacity(body.count + 1 + snapshot.entries.count * 200)
        body.append(0x0A)
        for entry in snapshot.entries { entry.writeLine(to: &body) }
        let signed = Self.context + body
        self.init(
            body: body,
            signatures: try signers.map { id, key in .init(keyId: id, signature: try key.signature(for: signed).hexString) })
    }

    /// `[{"key_id":1,"signature":"…"}]`, a line feed, then the body.
    public func wire() throws -> [UInt8] {
        var out = Array(try JSONCoding.encoder.encode(signatures))
        out.reserveCapacity(out.count + 1 + body.count)
        out.append(0x0A)
        out.append(contentsOf: body)
        return out
    }

    public init(wire: [UInt8]) throws {
        guard let end = wire.firstIndex(of: 0x0A) else { throw SnapshotRejected(reason: "a page in lines without its signatures") }
        signatures = try JSONCoding.decoder.decode([SignedSnapshot.Signature].self, from: Data(wire[..<end]))
        body = Array(wire[(end + 1)...])
    }

    /// The page, if at least one signature is by a key the gate already trusts.
    public func open(trusting trusted: [Int64: Ed25519PublicKey]) throws -> GateSnapshot {
        let message = Self.context + body
        let vouched = signatures.contains { signature in
            guard let key = trusted[signature.keyId], let raw = [UInt8](hex: signature.signature) else { return false }
            return key.isValidSignature(raw, for: message)
        }
        guard vouched else { throw SnapshotRejected(reason: "not signed by a key this gate trusts") }
        return try Self.read(body)
    }

    /// The page's header as it stands, its signatures not checked and its entries not read: a
    /// gate uses it only to ask for the following page early (`next`, `cursor`), and checks that
    /// page, and this one, before it applies either.
    public func uncheckedHeader() throws -> GateSnapshot {
        guard let headerEnd = body.firstIndex(of: 0x0A) else { throw SnapshotRejected(reason: "a page in lines cut short") }
        return try SignedSnapshot.decoder().decode(GateSnapshot.self, from: Data(body[..<headerEnd]))
    }

    /// A body's page: the header by the decoder, then the entries line by line. Anything else
    /// (a header with entries, a line that is not an entry, no final line feed) refuses the page.
    static func read(_ body: [UInt8]) throws -> GateSnapshot {
        try body.withUnsafeBufferPointer { bytes in
            guard let headerEnd = bytes.firstIndex(of: 0x0A), bytes.last == 0x0A else {
                throw SnapshotRejected(reason: "a page in lines cut short")
            }
            var snapshot = try SignedSnapshot.decoder().decode(
                GateSnapshot.self, from: Data(UnsafeBufferPointer(rebasing: bytes[..<headerEnd])))
            guard snapshot.entries.isEmpty else { throw SnapshotRejected(reason: "a page in lines with entries in its header") }
            var start = headerEnd + 1
            while start < bytes.count {
                var end = start
                while bytes[end] != 0x0A { end += 1 }
                guard let entry = GateEntry(line: UnsafeBufferPointer(rebasing: bytes[start..<end])) else {
                    throw SnapshotRejected(reason: "entry \(snapshot.entries.count + 1) of the page cannot be read")
                }
                snapshot.entries.append(entry)
                start = end + 1
            }
            return snapshot
        }
    }
}
