import Foundation
import GateKernel

/// The service over the network (`HTTPSource`). A gate without a network exchanges files instead
/// (`GateFiles`): the snapshot goes through `GateSync.apply`, the events through `Replica.eventsToCarry`.
public protocol GateSource {
    func upload(_ events: [GateEvent]) throws -> GateUpload
    /// One page of the changes after `since` (see `GateExchange.gateSnapshotPage`); with `wait`,
    /// the service holds the request until there is a change or the time is up (a long poll).
    func snapshotPage(
        since: Int64, through: Int64?, after: GateSnapshot.Position?, limit: Int, wait: TimeInterval
    ) throws -> SignedSnapshot
    /// The same page as the source sends it best: `HTTPSource` asks for lines (`SignedLines`);
    /// by default, `snapshotPage`'s JSON.
    func signedPage(
        since: Int64, through: Int64?, after: GateSnapshot.Position?, limit: Int, wait: TimeInterval
    ) throws -> SignedPage
    func photo(_ sha: String) throws -> [UInt8]?
}

extension GateSource {
    public func signedPage(
        since: Int64, through: Int64?, after: GateSnapshot.Position?, limit: Int, wait: TimeInterval
    ) throws -> SignedPage {
        .json(try snapshotPage(since: since, through: through, after: after, limit: limit, wait: wait))
    }
}

/// A page of a snapshot as it came: in JSON (files, sources without lines) or in lines.
public enum SignedPage: Sendable {
    case json(SignedSnapshot)
    case lines(SignedLines)
}

public struct PullReport: Sendable {
    public var entries = 0
    public var pages = 0
    public var cursor: Int64 = 0
}

public struct SyncReport: Sendable, Codable {
    public var uploaded: Int
    public var duplicates: Int
    public var entries: Int
    public var cursor: Int64
}

public enum GateSync {
    /// Uploads queued events first, then pulls: a slip used offline reaches the service before
    /// the service's view of it can come back and overwrite the gate's.
    public static func run(
        _ replica: Replica, from source: GateSource, now: Date, pageLimit: Int = 5_000,
        onPage: (PullReport, GateSnapshot) -> Void = { _, _ in }
    ) throws -> SyncReport {
        var uploaded = 0
        var duplicates = 0
        while true {
            let pending = try replica.pendingEvents()
            if pending.isEmpty { break }
            let result = try source.upload(pending)
            try replica.markUploaded(pending.map(\.id))
            uploaded += result.accepted
            duplicates += result.duplicates
        }
        let pulled = try pull(replica, from: source, now: { now }, pageLimit: pageLimit, onPage: onPage)
        try replica.noteContact(at: now, error: nil)
        return SyncReport(uploaded: uploaded, duplicates: duplicates, entries: pulled.entries, cursor: pulled.cursor)
    }

    /// Pulls the changes since the replica's cursor page by page, each page checked and applied
    /// on its own, resuming a snapshot a stopped gate had begun. `wait` holds the first request
    /// open at the service until something changes (the live link's long poll).
    @discardableResult
    public static func pull(
        _ replica: Replica, from source: GateSource, now: () -> Date, pageLimit: Int = 5_000, wait: TimeInterval = 0,
        onPage: (PullReport, GateSnapshot) -> Void = { _, _ in }
    ) throws -> PullReport {
        let cursor = try replica.state().cursor
        var report = PullReport(cursor: cursor)
        // A snapshot begun from this same cursor goes on where it stopped; one begun from an
        // older cursor cannot be (the cursor moved since), so it starts over.
        let progress = try replica.snapshotProgress().flatMap { $0.since == cursor ? $0 : nil }
        var through = progress?.through
        var after = progress?.next
        func ask(after: GateSnapshot.Position?, through: Int64?, wait: TimeInterval) -> PageInFlight {
            PageInFlight(
                after: after, through: through,
                fetch: { try source.signedPage(since: cursor, through: through, after: after, limit: pageLimit, wait: wait) },
                open: { try open($0, for: replica) })
        }
        var current = ask(after: after, through: through, wait: progress == nil ? wait : 0)
        while true {
            // The following page is asked for as soon as this one's bytes are in, on the word of
            // its unchecked header: the service builds it while the gate checks this page on one
            // core and stores it on the other. The early request is kept only if the checked
            // page says the same; the page it brings is checked like any other.
            let claimed = current.claimedNext()
            var following = claimed.map { ask(after: $0.next, through: $0.cursor, wait: 0) }
            let page = try current.page()
            guard page.since == cursor, page.after == after, through.map({ $0 == page.cursor }) ?? true else {
                throw SnapshotRejected(reason: "the service answered another page than the one asked for")
            }
            if let next = page.next, following?.after != next || following?.through != page.cursor {
                following = ask(after: next, through: page.cursor, wait: 0)
            }
            try replica.applyPage(page, receivedAt: now())
            try keepPhotos(page.entries, replica, source.photo)
            report.pages += 1
            report.entries += page.entries.count
            report.cursor = page.cursor
            onPage(report, page)
            guard let next = page.next, let following else { return report }
            through = page.cursor
            after = next
            current = following
        }
    }

    /// A signed snapshot or page checked against the gate's trusted keys and site.
    static func open(_ signed: SignedSnapshot, for replica: Replica) throws -> GateSnapshot {
        try open(.json(signed), for: replica)
    }

    static func open(_ signed: SignedPage, for replica: Replica) throws -> GateSnapshot {
        let trusted = try replica.trustedKeys()
        guard !trusted.isEmpty else {
            throw SnapshotRejected(reason: "no trusted site keys: run `gate-check init` first")
        }
        let snapshot =
            switch signed {
            case .json(let signed): try SnapshotReader.open(signed, trusting: trusted)
            case .lines(let signed): try signed.open(trusting: trusted)
            }
        if let pinned = try replica.state().rules?.site, pinned != snapshot.rules.site {
            throw SnapshotRejected(reason: "snapshot is for site \(snapshot.rules.site), this gate serves \(pinned)")
        }
        return snapshot
    }

    /// Checks a signed snapshot against the gate's trusted keys, site and cursor, applies it, and
    /// keeps the photos of its entries that `photos` can supply.
    @discardableResult
    public static func apply(
        _ signed: SignedSnapshot, to replica: Replica, photos: (String) throws -> [UInt8]?, now: Date
    ) throws -> GateSnapshot {
        let snapshot = try open(signed, for: replica)
        guard snapshot.next == nil, snapshot.after == nil else {
            throw SnapshotRejected(reason: "a page of a snapshot, not a whole one")
        }
        try checkContinuity(snapshot, cursor: try replica.state().cursor)
        try replica.apply(snapshot, receivedAt: now)
        try keepPhotos(snapshot.entries, replica, photos)
        return snapshot
    }

    /// A snapshot carried on a file (`colopass gate snapshot --out`), read and applied page by
    /// page as it is read: the gate holds one page in memory, whatever the site's size. Each page
    /// is checked like a pulled one and applied in its own transaction with how far the snapshot
    /// has come, so a gate stopped half-way, given the same file again, goes on at the page after
    /// the last one it applied. The first page must continue the gate's cursor (see
    /// `checkContinuity`); every page must follow the one before it.
    @discardableResult
    public static func applyFile(
        _ path: String, to replica: Replica, photos: (String) throws -> [UInt8]?, now: () -> Date
    ) throws -> PullReport {
        let cursor = try replica.state().cursor
        var report = PullReport(cursor: cursor)
        var first: GateSnapshot?
        var expected: GateSnapshot.Position?
        var resumeAt: GateSnapshot.Position?
        var lines = try GateFileLines(path: path)
        while let line = lines.next() {
            let page = try open(try SnapshotReader.signed(line), for: replica)
            if let first {
                guard page.since == first.since, page.cursor == first.cursor, page.after == expected else {
                    throw SnapshotRejected(reason: "the file's pages do not follow each other")
                }
            } else {
                guard page.after == nil else { throw SnapshotRejected(reason: "the file does not start with a snapshot's first page") }
                try checkContinuity(page, cursor: cursor)
                first = page
                // The same snapshot begun from this file before: go on after its last applied page.
                if let progress = try replica.snapshotProgress(), progress.since == page.since, progress.through == page.cursor {
                    resumeAt = progress.next
                }
            }
            expected = page.next
            if let target = resumeAt {
                guard page.next.map({ Self.precedes($0, target) || $0 == target }) ?? false else {
                    throw SnapshotRejected(reason: "the file ends before the page this gate stopped at")
                }
                if page.next == target { resumeAt = nil }
                continue
            }
            try replica.applyPage(page, receivedAt: now())
            try keepPhotos(page.entries, replica, photos)
            report.pages += 1
            report.entries += page.entries.count
            report.cursor = page.cursor
            if page.next == nil { return report }
        }
        throw SnapshotRejected(
            reason: first == nil ? "the file holds no snapshot" : "the file ends before the snapshot's last page (cut short?)")
    }

    /// Credential order, as the service pages: kind, then id.
    static func precedes(_ a: GateSnapshot.Position, _ b: GateSnapshot.Position) -> Bool {
        (a.kind.rawValue, a.credentialId) < (b.kind.rawValue, b.credentialId)
    }

    /// A snapshot carried on a file may be old, or start after what this gate has: applying the
    /// first would roll entries back (a lost card good again), the second would skip changes.
    static func checkContinuity(_ snapshot: GateSnapshot, cursor: Int64) throws {
        if snapshot.since > cursor {
            throw SnapshotRejected(
                reason: "it holds the changes after \(snapshot.since), this gate has changes up to \(cursor) only: "
                    + "export one with --since \(cursor) (or a full one)")
        }
        if snapshot.cursor < cursor {
            throw SnapshotRejected(
                reason: "it is older than what this gate holds (cursor \(snapshot.cursor) < \(cursor))")
        }
    }

    static func keepPhotos(_ entries: [GateEntry], _ replica: Replica, _ photos: (String) throws -> [UInt8]?)
        throws
    {
        try FileManager.default.createDirectory(atPath: replica.photoDirectory, withIntermediateDirectories: true)
        for sha in Set(entries.compactMap(\.photo)) where !FileManager.default.fileExists(atPath: replica.photoPath(sha)) {
            // A photo is named by its hash: keep it only if the bytes are what the name says.
            guard let bytes = try photos(sha), SHA256.hex(bytes) == sha else { continue }
            try Data(bytes).write(to: URL(fileURLWithPath: replica.photoPath(sha)), options: .atomic)
        }
    }
}

/// A page of a snapshot asked of the service, fetched and then checked on a thread of its own.
/// What its header claims comes out as soon as its bytes are in, before the check, so that the
/// page after it can be asked for at once; nothing from it is applied before `page()` has
/// checked it. The gate holds at most two pages at once (one being checked or applied, the next
/// on its way), so its memory stays bounded whatever the site's size.
final class PageInFlight: @unchecked Sendable {
    let after: GateSnapshot.Position?
    let through: Int64?
    private var claimed: SignedPage.Claim?
    private var opened: Result<GateSnapshot, any Error>?
    private let arrived = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)

    init(
        after: GateSnapshot.Position?, through: Int64?, fetch: @escaping () throws -> SignedPage,
        open: @escaping (SignedPage) throws -> GateSnapshot
    ) {
        self.after = after
        self.through = through
        nonisolated(unsafe) let fetch = fetch
        nonisolated(unsafe) let open = open
        Thread { [self] in
            do {
                let signed = try fetch()
                claimed = signed.claim
                arrived.signal()
                opened = Result { try open(signed) }
            } catch {
                arrived.signal()
                opened = .failure(error)
            }
            done.signal()
        }.start()
    }

    /// Where the page says the following one starts, unchecked; nil on its last page, on a page
    /// that did not come, or on one in JSON (read whole only when checked).
    func claimedNext() -> SignedPage.Claim? {
        arrived.wait()
        arrived.signal()
        return claimed
    }

    /// The page, checked.
    func page() throws -> GateSnapshot {
        done.wait()
        done.signal()
        return try opened!.get()
    }
}

extension SignedPage {
    /// A page's own word on what follows it: only ever used to ask early.
    struct Claim {
        let next: GateSnapshot.Position
        let cursor: Int64
    }

    var claim: Claim? {
        guard case .lines(let lines) = self, let header = try? lines.uncheckedHeader(), let next = header.next else { return nil }
        return Claim(next: next, cursor: header.cursor)
    }
}
