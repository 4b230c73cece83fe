import ArgumentParser
import Foundation
import GateCheck
import Hummingbird

/// `gate-check station`: the guard's page on this machine's loopback, served from the replica.
struct Station: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "保安值班页面（本机浏览器）/ The guard's page: photo, verdict, who is inside (local browser)")
    @OptionGroup var options: GateOptions
    @OptionGroup var door: DoorOptions
    @Option(help: "Port to listen on.") var port: Int = 8090
    @Option(help: "Address to listen on; the loopback unless the page is opened from another machine.")
    var host: String = "127.0.0.1"

    struct ScanBody: Decodable {
        var payload: String
        var confirm: Bool?
    }

    func run() throws {
        let station = GateCheck.Station(
            desk: try GateDesk(replica: try options.replica(), gate: door.gate, direction: try door.parsedDirection()))
        let router = Router()
        router.get("/") { _, _ in
            Self.reply(Array(StationPage.html.utf8), type: "text/html; charset=utf-8")
        }
        router.post("/scan") { request, _ in
            let buffer = try await request.body.collect(upTo: 16 * 1024)
            guard let body = try? JSONDecoder().decode(ScanBody.self, from: Data(buffer.readableBytesView)) else {
                return Self.reply(Self.error("请求无效 / bad request"), status: .badRequest)
            }
            do {
                return Self.reply(try station.scan(body.payload, confirm: body.confirm))
            } catch {
                return Self.reply(Self.error("\(error)"), status: .internalServerError)
            }
        }
        router.get("/inside") { _, _ in Self.reply(try station.inside()) }
        router.get("/state") { _, _ in Self.reply(try station.syncState()) }
        router.get("/photo/{sha}") { _, context in
            guard let sha = context.parameters.get("sha"), let bytes = station.photo(sha) else {
                return Response(status: .notFound)
            }
            return Self.reply(Array(bytes), type: Self.imageType(bytes))
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "gate-check"))
        print("值班页面 / station page: http://\(host):\(port)/  (\(door.gate), \(door.direction))")
        fflush(nil)
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await app.runService() } catch { failure.error = error }
            finished.signal()
        }
        finished.wait()
        if let error = failure.error { throw error }
    }

    final class FailureBox: @unchecked Sendable { var error: Error? }

    static func reply(_ bytes: some Sequence<UInt8>, type: String = "application/json; charset=utf-8", status: HTTPResponse.Status = .ok)
        -> Response
    {
        Response(
            status: status, headers: [.contentType: type, .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: Array(bytes))))
    }

    static func error(_ message: String) -> [UInt8] {
        Array(((try? JSONSerialization.data(withJSONObject: ["error": message])) ?? Data()))
    }

    /// Photos are PNG or JPEG, as the service accepted them.
    static func imageType(_ bytes: Data) -> String {
        bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) ? "image/png" : bytes.starts(with: [0xFF, 0xD8]) ? "image/jpeg" : "application/octet-stream"
    }
}
