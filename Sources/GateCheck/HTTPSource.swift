import GateKernel
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The service over HTTP, with the gate's bearer token (`gate-check sync --server URL --token T`):
/// `POST /api/gate/events`, `GET /api/gate/snapshot?since=N`, `GET /api/gate/photos/{sha256}`.
/// Plain URLSession: the door tool links no server stack.
public struct HTTPSource: GateSource {
    let base: URL
    let token: String
    let timeout: TimeInterval

    public init(server: String, token: String, timeout: TimeInterval = 30) throws {
        guard let url = URL(string: server.hasSuffix("/") ? String(server.dropLast()) : server),
            let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil
        else { throw HTTPSourceError(status: nil, message: "not an http(s) URL: \(server)") }
        base = url
        self.token = token
        self.timeout = timeout
    }

    public func upload(_ events: [GateEvent]) throws -> GateUpload {
        let body = try JSONCoding.encoder.encode(GateEventBatch(events: events))
        return try JSONCoding.decoder.decode(GateUpload.self, from: try send("POST", "/api/gate/events", body: body))
    }

    public func snapshot(since cursor: Int64) throws -> SignedSnapshot {
        try JSONCoding.decoder.decode(SignedSnapshot.self, from: try send("GET", "/api/gate/snapshot?since=\(cursor)"))
    }

    public func snapshotPage(
        since: Int64, through: Int64?, after: GateSnapshot.Position?, limit: Int, wait: TimeInterval
    ) throws -> SignedSnapshot {
        let query = Self.pageQuery(since: since, through: through, after: after, limit: limit, wait: wait)
        return try SnapshotReader.signed(Array(try send("GET", "/api/gate/snapshot?" + query, timeout: timeout + wait)))
    }

    /// The page in lines; a service that sends JSON anyway (one from before lines) is read as JSON.
    public func signedPage(
        since: Int64, through: Int64?, after: GateSnapshot.Position?, limit: Int, wait: TimeInterval
    ) throws -> SignedPage {
        let query = Self.pageQuery(since: since, through: through, after: after, limit: limit, wait: wait)
        let bytes = Array(try send("GET", "/api/gate/snapshot?" + query + "&format=lines", timeout: timeout + wait))
        if bytes.first == UInt8(ascii: "{") { return .json(try SnapshotReader.signed(bytes)) }
        return .lines(try SignedLines(wire: bytes))
    }

    static func pageQuery(
        since: Int64, through: Int64?, after: GateSnapshot.Position?, limit: Int, wait: TimeInterval
    ) -> String {
        var query = "since=\(since)&limit=\(limit)"
        if let through { query += "&through=\(through)" }
        if let after { query += "&after=\(after.kind.rawValue):\(after.credentialId)" }
        if wait > 0 { query += "&wait=\(Int(wait))" }
        return query
    }

    public func photo(_ sha: String) throws -> [UInt8]? {
        do {
            return Array(try send("GET", "/api/gate/photos/\(sha)"))
        } catch let error as HTTPSourceError where error.status == 404 {
            return nil
        }
    }

    /// The site's public keys, for `gate-check init --server` (trust on first use: compare the
    /// fingerprints with `colopass keys export-public` when installing a gate).
    public func publicKeys() throws -> PublicKeyExport {
        try JSONCoding.decoder.decode(PublicKeyExport.self, from: try send("GET", "/api/gate/keys"))
    }

    /// One request, waited for: the sync loop is synchronous, as the door tool is.
    private func send(_ method: String, _ path: String, body: Data? = nil, timeout: TimeInterval? = nil) throws -> Data {
        guard let url = URL(string: base.absoluteString + path) else {
            throw HTTPSourceError(status: nil, message: "bad path \(path)")
        }
        var request = URLRequest(url: url, timeoutInterval: timeout ?? self.timeout)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            box.set(data, (response as? HTTPURLResponse)?.statusCode, error)
            done.signal()
        }
        task.resume()
        done.wait()
        let (data, status, error) = box.get()
        if let error {
            throw HTTPSourceError(status: nil, message: "\(url.host ?? ""): \(error.localizedDescription)")
        }
        guard let status, (200..<300).contains(status) else {
            throw HTTPSourceError(status: status, message: Self.message(in: data) ?? "HTTP \(status ?? 0)")
        }
        return data ?? Data()
    }

    /// The service's `{"error": {"zh", "en", "clause"}}` as one line.
    static func message(in data: Data?) -> String? {
        guard let data, let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let error = object["error"] as? [String: Any], let zh = error["zh"] as? String,
            let en = error["en"] as? String
        else { return nil }
        return "\(zh) / \(en)"
    }
}

public struct HTTPSourceError: Error, CustomStringConvertible {
    public var status: Int?
    public var message: String
    public var description: String {
        "服务返回错误 / the service answered: \(status.map { "HTTP \($0): " } ?? "")\(message)"
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (Data?, Int?, Error?) = (nil, nil, nil)
    func set(_ data: Data?, _ status: Int?, _ error: Error?) { lock.withLock { value = (data, status, error) } }
    func get() -> (Data?, Int?, Error?) { lock.withLock { value } }
}
