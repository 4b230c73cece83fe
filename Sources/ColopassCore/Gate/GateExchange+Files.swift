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
    ///
    /// Written page by page, one signed page per line (`GateFiles.pagesFormat`), each page what
    /// `GET /api/gate/snapshot?limit=…` answers: no more than one page is ever in memory, whatever
    /// the site's size, and the gate reads it back the same way. The pages go to a file beside the
    /// target, synced, then renamed over it: a file cut short by a full USB stick or a crash
    /// never takes the snapshot's name.
    public func writeGateSnapshot(
        to path: String, since: Int64, pageLimit: Int = snapshotPageLimit, by actor: Actor
    ) throws -> GateSnapshotExport {
        let folder = GateFiles.photoDirectory(besides: path)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil) else { throw Self.cannotWrite(partial) }
        var export = GateSnapshotExport(entries: 0, since: since, cursor: since, photos: 0)
        do {
            let file = try FileHandle(forWritingTo: URL(fileURLWithPath: partial))
            defer { try? file.close() }
            var through: Int64?
            var after: GateSnapshot.Position?
            repeat {
                let signed = try gateSnapshotPage(
                    since: since, through: through, after: after, limit: pageLimit, by: actor)
                let page = try SignedSnapshot.decoder().decode(GateSnapshot.self, from: Data(signed.body.utf8))
                export.photos += try keepPhotos(of: page.entries, in: folder, by: actor)
                try file.write(contentsOf: try JSONCoding.encoder.encode(signed) + [UInt8(ascii: "\n")])
                export.entries += page.entries.count
                export.cursor = page.cursor
                through = page.cursor
                after = page.next
            } while after != nil
            try file.synchronize()
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
        // The snapshot last, so a file that names a photo never exists without it.
        guard rename(partial, path) == 0 else {
            try? FileManager.default.removeItem(atPath: partial)
            throw Self.cannotWrite(path)
        }
        return export
    }

    static func cannotWrite(_ path: String) -> CoreError {
        CoreError.invalid("out", zh: "无法写入文件 \(path)", en: "cannot write the file \(path)")
    }

    /// The photos of `entries` not yet in `folder`; returns how many were written.
    private func keepPhotos(of entries: [GateEntry], in folder: String, by actor: Actor) throws -> Int {
        var written = 0
        for sha in Set(entries.compactMap(\.photo)) {
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
        return written
    }

    /// A gate's events carried on a file (`gate-check events --out`), each recorded once however
    /// often the file, or an overlapping one, is imported.
    public func recordGateEvents(fromFile path: String, by actor: Actor) throws -> GateUpload {
        try recordGateEvents(try GateFiles.read(GateEventBatch.self, from: path).events, by: actor)
    }
}
