import Foundation

/// An entry as one line of a page in lines (`SignedLines`): its fields in a fixed order, separated
/// by tabs, the guard's detail lines last (as many fields as there are lines). A page in JSON
/// repeats eighteen keys per entry and escapes its whole body again inside the envelope; read and
/// written field by field, that was most of a gate's first sync.
///
/// Text is written as is but for `\` (`\\`), tab (`\t`), line feed (`\n`) and carriage return
/// (`\r`); an absent value is `\N`. Numbers are decimal, flags `0`/`1`, days `YYYY-MM-DD`,
/// instants milliseconds since 1970 as the page in JSON writes them. Enumerated fields travel as
/// text and are read leniently, as in JSON (see `GateEntry.unknownValues`).
extension GateEntry {
    public func writeLine(to out: inout [UInt8]) {
        var line = LineWriter(out: out)
        out = []
        line.number(UInt64(kind.rawValue))
        line.number(UInt64(credentialId))
        line.number(UInt64(generation))
        line.text(raw("state", state))
        line.flag(holderActive)
        line.text(raw("contractStatus", contractStatus))
        line.day(contractStartsOn)
        line.day(contractEndsOn)
        line.instant(validFrom)
        line.instant(validUntil)
        line.text(holderName)
        line.text(company)
        line.text(maskedID)
        line.text(photo)
        line.flag(escortRequired)
        line.text(raw("stoppedUnder", stoppedUnder))
        line.text(raw("slipPurpose", slipPurpose))
        for detail in details { line.text(detail) }
        line.out.append(0x0A)
        out = line.out
    }

    /// One line's entry (without its line feed); nil if the line is not one `writeLine` could write.
    public init?(line: UnsafeBufferPointer<UInt8>) {
        var fields = LineReader(line)
        guard let kind = fields.number(UInt8.self).flatMap(CredentialKind.init(rawValue:)),
            let credentialId = fields.number(UInt32.self), let generation = fields.number(UInt16.self),
            let state = fields.text(), let holderActive = fields.flag(), let contractStatus = fields.text(),
            let startsOn = fields.day(), let endsOn = fields.day(), let validFrom = fields.instant(),
            let validUntil = fields.instant(), let holderName = fields.text() ?? nil, let company = fields.text() ?? nil,
            let maskedID = fields.text() ?? nil, let photo = fields.text(), let escort = fields.flag(),
            let stoppedUnder = fields.text(), let slipPurpose = fields.text()
        else { return nil }
        var details: [String] = []
        while !fields.atEnd {
            guard let detail = fields.text() ?? nil else { return nil }
            details.append(detail)
        }
        guard let state else { return nil }
        self.init(
            kind: kind, credentialId: credentialId, generation: generation, state: .cancelled, holderActive: holderActive,
            contractStatus: nil, contractStartsOn: startsOn, contractEndsOn: endsOn, validFrom: validFrom,
            validUntil: validUntil, holderName: holderName, company: company, maskedID: maskedID, photo: photo,
            escortRequired: escort, details: details)
        let enumerated = ["state": state, "contractStatus": contractStatus, "stoppedUnder": stoppedUnder, "slipPurpose": slipPurpose]
        readEnumerated { enumerated[$0] ?? nil }
    }
}

private struct LineWriter {
    var out: [UInt8]
    var first = true

    mutating func separate() {
        if !first { out.append(0x09) }
        first = false
    }

    /// Decimal digits appended in place: `String(value)` made a string per number, and a page
    /// of 5,000 entries writes 25,000 numbers.
    mutating func number(_ value: UInt64) {
        separate()
        digits(value)
    }

    private mutating func digits(_ value: UInt64) {
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        withUnsafeMutableBytes(of: &scratch) { buffer in
            var at = buffer.count
            var rest = value
            repeat {
                at -= 1
                buffer[at] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[at...]))
        }
    }

    mutating func flag(_ value: Bool) {
        separate()
        out.append(value ? UInt8(ascii: "1") : UInt8(ascii: "0"))
    }

    /// `YYYY-MM-DD` (see `Day.description`), or `\N`.
    mutating func day(_ value: Day?) {
        guard let value else { return text(nil) }
        separate()
        value.appendText(to: &out)
    }

    /// Milliseconds since 1970 as the page in JSON writes them: whole ones without a fraction.
    mutating func instant(_ date: Date) {
        separate()
        let value = date.timeIntervalSince1970 * 1000
        if value.rounded() == value, value >= 0, value < 9e15 {
            digits(UInt64(value))
        } else {
            out.append(contentsOf: EntryJSON.milliseconds(date).utf8)
        }
    }

    mutating func text(_ value: String?) {
        separate()
        guard let value else {
            out.append(92)
            out.append(UInt8(ascii: "N"))
            return
        }
        // Most text has nothing to escape: its bytes are copied at once. (Native strings are
        // contiguous UTF-8; any other is made so first.)
        let copied = value.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: Self.escaped) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied == true { return }
        for byte in value.utf8 {
            switch byte {
            case 92: out.append(92); out.append(92)
            case 0x09: out.append(92); out.append(UInt8(ascii: "t"))
            case 0x0A: out.append(92); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(92); out.append(UInt8(ascii: "r"))
            default: out.append(byte)
            }
        }
    }

    static func escaped(_ byte: UInt8) -> Bool {
        switch byte {
        case 92, 0x09, 0x0A, 0x0D: true
        default: false
        }
    }
}

/// The fields of one line, in order; each read returns nil on anything `LineWriter` does not write.
private struct LineReader {
    let b: UnsafeBufferPointer<UInt8>
    var at = 0
    /// No field read yet: the line's first field needs no tab before it.
    var first = true
    var atEnd: Bool { !first && at == b.count }

    init(_ buffer: UnsafeBufferPointer<UInt8>) { b = buffer }

    /// The next field's bounds, past its separator.
    mutating func field() -> Range<Int>? {
        if first {
            first = false
        } else {
            guard at < b.count, b[at] == 0x09 else { return nil }
            at += 1
        }
        let start = at
        while at < b.count, b[at] != 0x09 { at += 1 }
        return start..<at
    }

    mutating func number<T: FixedWidthInteger>(_ type: T.Type) -> T? {
        guard let range = field(), !range.isEmpty, range.count <= 20 else { return nil }
        var value: T = 0
        for index in range {
            let digit = b[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times.addingReportingOverflow(T(digit))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }

    mutating func flag() -> Bool? {
        guard let range = field(), range.count == 1 else { return nil }
        switch b[range.lowerBound] {
        case UInt8(ascii: "0"): return false
        case UInt8(ascii: "1"): return true
        default: return nil
        }
    }

    /// Milliseconds since 1970, read as the page in JSON reads them (`Double`, then / 1000); whole
    /// ones, the usual case, without Foundation's number parser.
    mutating func instant() -> Date? {
        guard let range = field(), !range.isEmpty else { return nil }
        let negative = b[range.lowerBound] == UInt8(ascii: "-")
        var digits = LineReader(UnsafeBufferPointer(rebasing: b[(negative ? range.lowerBound + 1 : range.lowerBound)..<range.upperBound]))
        if let whole = digits.number(Int64.self), whole < 1 << 53 {
            return Date(timeIntervalSince1970: Double(negative ? -whole : whole) / 1000)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self)
        guard let milliseconds = Double(text), milliseconds.isFinite else { return nil }
        return Date(timeIntervalSince1970: milliseconds / 1000)
    }

    /// An optional day: nil if malformed, `.some(nil)` if absent.
    mutating func day() -> Day?? {
        guard let range = field() else { return nil }
        let bytes = UnsafeBufferPointer(rebasing: b[range])
        if bytes.count == 2, bytes[0] == 92, bytes[1] == UInt8(ascii: "N") { return .some(nil) }
        return Day(utf8: bytes).map { .some($0) }
    }

    /// Text, unescaped: nil if malformed, `.some(nil)` if absent (`\N`).
    mutating func text() -> String?? {
        guard let range = field() else { return nil }
        let bytes = UnsafeBufferPointer(rebasing: b[range])
        guard bytes.contains(92) else { return String(validating: bytes, as: UTF8.self).map { .some($0) } }
        if bytes.count == 2, bytes[1] == UInt8(ascii: "N") { return .some(nil) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard byte == 92 else {
                out.append(byte)
                continue
            }
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case 92: out.append(92)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            default: return nil
            }
            index += 1
        }
        return String(validating: out, as: UTF8.self).map { .some($0) }
    }
}
