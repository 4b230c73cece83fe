import ColopassCore
import ColopassServer
import Foundation
import HummingbirdTesting
import Testing
import Yams

/// The OpenAPI document and the router's route table describe the same API, both ways.
@Suite("openapi.yaml matches the route table")
struct OpenAPIDocumentTests {
    static let methods = ["get", "put", "post", "delete", "patch", "head", "options"]

    /// "GET /api/cards/{number}" for every operation of the document served at /openapi.yaml.
    func documentedRoutes(_ text: String) throws -> (keys: [String], operations: [String: [String: Any]], root: [String: Any]) {
        let root = try #require(try Yams.load(yaml: text) as? [String: Any])
        let paths = try #require(root["paths"] as? [String: Any])
        var keys: [String] = []
        var operations: [String: [String: Any]] = [:]
        for (path, item) in paths {
            for (method, operation) in (item as? [String: Any]) ?? [:] where Self.methods.contains(method) {
                let key = "\(method.uppercased()) \(path)"
                keys.append(key)
                operations[key] = operation as? [String: Any]
            }
        }
        return (keys, operations, root)
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        // given: the document as the server serves it
        let site = try ServerSite()
        let served = try await site.app().test(.router) { client in
            try await client.call(.get, "/openapi.yaml")
        }
        #expect(served.status == 200)
        #expect(served.headers["content-type"]?.hasPrefix("application/yaml") == true)
        let document = try documentedRoutes(served.text)
        let routes = ColopassServer.routes(core: site.core)
        // then: the same set of routes, both ways, without duplicates
        let table = routes.map(\.key)
        #expect(Set(table).count == table.count, "a route is registered twice")
        #expect(Set(document.keys).count == document.keys.count)
        let undocumented = Set(table).subtracting(document.keys)
        let unrouted = Set(document.keys).subtracting(table)
        #expect(undocumented.isEmpty, "routes missing from openapi.yaml: \(undocumented.sorted())")
        #expect(unrouted.isEmpty, "openapi.yaml paths with no route: \(unrouted.sorted())")
        #expect(document.root["openapi"] as? String == "3.1.0")
        // and the permission each route exercises is the one documented
        for route in routes {
            let documented = document.operations[route.key]?["x-permission"] as? String
            #expect(documented == route.permission?.rawValue, "\(route.key): x-permission \(documented ?? "none")")
            let open = (document.operations[route.key]?["security"] as? [Any])?.isEmpty == true
            #expect(open == (route.access == "open"), "\(route.key): security does not match its access")
        }
    }

    @Test func theRepositoryCopyIsTheServedOne() throws {
        let served = try OpenAPIDocument.text()
        let file = try String(
            contentsOfFile: ServerSite.repositoryRoot + "/Sources/ColopassServer/Resources/openapi.yaml", encoding: .utf8)
        #expect(served == file)
    }
}
