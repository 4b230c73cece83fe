import Foundation

/// What `colopass gate snapshot` wrote for a gate without a network.
public struct GateSnapshotExport: Sendable, Codable {
    public var entries: Int
    public var since: Int64
    public var cursor: Int64
    /// Photos newly written beside the file (those already there are not written again).
    public var photos: Int
}

extension GateExchange {
    /// The signed snapshot a gate would pull over HTTP, on a file, with the photos of its entries
    /// in `photos/` beside it (see `GateFiles`). Same permission as the HTTP route: operateGate.
    public func writeGateSnapshot(to path: String, since: Int64, by actor: Actor) throws -> GateSnapshotExport {
        let signed = try gateSnapshot(since: since, by: actor)
        let snapshot = try SignedSnapshot.decoder().decode(GateSnapshot.self, from: Data(signed.body.utf8))
        let folder = GateFiles.photoDirectory(besides: path)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var written = 0
        for sha in Set(snapshot.entries.compactMap(\.photo)) {
            let target = (folder as NSString).appendingPathComponent(sha)
            if FileManager.default.fileExists(atPath: target) { continue }
            let bytes: [UInt8]
            do {
                bytes = try gatePhoto(sha256: sha, by: actor)
            } catch CoreError.notFound {
                continue
            }
            try Data(bytes).write(to: URL(fileURLWithPath: target), options: .atomic)
            written += 1
        }
        // The snapshot last, so a file that names a photo never exists without it.
        try GateFiles.write(signed, to: path)
        return GateSnapshotExport(entries: snapshot.entries.count, since: since, cursor: snapshot.cursor, photos: written)
    }

    /// A gate's events carried on a file (`gate-check events --out`), each recorded once however
    /// often the file, or an overlapping one, is imported.
    public func recordGateEvents(fromFile path: String, by actor: Actor) throws -> GateUpload {
        try recordGateEvents(try GateFiles.read(GateEventBatch.self, from: path).events, by: actor)
    }
}
