import Foundation
import GateKernel

/// The service over the network (`HTTPSource`). A gate without a network exchanges files instead
/// (`GateFiles`): the snapshot goes through `GateSync.apply`, the events through `Replica.eventsToCarry`.
public protocol GateSource {
    func upload(_ events: [GateEvent]) throws -> GateUpload
    func snapshot(since cursor: Int64) throws -> SignedSnapshot
    func photo(_ sha: String) throws -> [UInt8]?
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
    public static func run(_ replica: Replica, from source: GateSource, now: Date) throws -> SyncReport {
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
        let snapshot = try apply(
            try source.snapshot(since: try replica.state().cursor), to: replica, photos: source.photo, now: now)
        return SyncReport(uploaded: uploaded, duplicates: duplicates, entries: snapshot.entries.count, cursor: snapshot.cursor)
    }

    /// Checks a signed snapshot against the gate's trusted keys, site and cursor, applies it, and
    /// keeps the photos of its entries that `photos` can supply.
    @discardableResult
    public static func apply(
        _ signed: SignedSnapshot, to replica: Replica, photos: (String) throws -> [UInt8]?, now: Date
    ) throws -> GateSnapshot {
        let trusted = try replica.trustedKeys()
        guard !trusted.isEmpty else {
            throw SnapshotRejected(reason: "no trusted site keys: run `gate-check init` first")
        }
        let state = try replica.state()
        let snapshot = try signed.open(trusting: trusted)
        if let pinned = state.rules?.site, pinned != snapshot.rules.site {
            throw SnapshotRejected(reason: "snapshot is for site \(snapshot.rules.site), this gate serves \(pinned)")
        }
        try checkContinuity(snapshot, cursor: state.cursor)
        try replica.apply(snapshot, receivedAt: now)
        try keepPhotos(snapshot.entries, replica, photos)
        return snapshot
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

    private static func keepPhotos(_ entries: [GateEntry], _ replica: Replica, _ photos: (String) throws -> [UInt8]?)
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
