import ColopassCore
import ColopassServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Every route, walked: without a token (401), with a gate token outside the gate routes (403),
/// as each role the core's permission table leaves out (403), and as the user of another client
/// (403/404, or a list without the other client's data). Each time nothing may change: row
/// counts, row states and completed audit records are compared before and after. Then one role
/// that may use the route does, successfully.
@Suite("Every route, as every role and tenant")
struct RouteWalkTests {
    @Test func everyRouteHasAWalkSample() throws {
        let site = try ServerSite()
        let routes = Set(ColopassServer.routes(core: site.core).filter { $0.access != "open" }.map(\.key))
        #expect(routes == Set(RouteSamples.all.keys), "routes without a sample: \(routes.subtracting(RouteSamples.all.keys)); samples without a route: \(Set(RouteSamples.all.keys).subtracting(routes))")
    }

    @Test(arguments: RouteSamples.all.keys.sorted())
    func walk(_ key: String) async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        let route = try #require(ColopassServer.routes(core: site.core).first { $0.key == key })
        let make = try #require(RouteSamples.all[key])
        let sample = try make(site, fixture)
        let gateToken = try site.core.accounts.issueToken(.gate, for: "gate1", label: "walk", by: .system).token
        let method = HTTPRequest.Method(rawValue: String(key.split(separator: " ")[0]))!
        try await site.app().test(.router) { client in
            func unchanged(_ who: String, _ token: String?, expect statuses: Set<Int>, orClean: Bool = false) async throws {
                let before = try site.counts()
                let reply = try await client.call(method, sample.uri, token: token, json: sample.form == nil ? sample.body : nil, form: sample.form)
                let after = try site.counts()
                if orClean, (200..<400).contains(reply.status) {
                    for secret in ["北京云栈", fixture.cardA, "HT-A", "李娜"] {
                        #expect(!reply.text.contains(secret), "\(key) as \(who) shows \(secret)")
                    }
                } else {
                    #expect(statuses.contains(reply.status), "\(key) as \(who): \(reply.status) \(reply.text)")
                }
                #expect(before == after, "\(key) as \(who) changed something")
            }
            // no token
            // (a page sends the browser to sign in instead)
            try await unchanged("nobody", nil, expect: key.hasPrefix("GET /web/") ? [303] : [401])
            // a gate token outside the gate routes
            if route.access != "gate" { try await unchanged("a gate token", gateToken, expect: [403]) }
            // each role the permission leaves out
            if let permission = route.permission {
                for (name, role) in [
                    ("admin", Role.admin), ("kefu", .customerService), ("boss", .supervisor), ("gate1", .guard),
                    ("ua", .clientUser),
                ] where !permission.roles.contains(role) {
                    try await unchanged(name, site.tokens[name], expect: [403])
                }
            }
            // the user of another client
            if route.permission?.roles.contains(.clientUser) ?? false {
                try await unchanged("ub (client B)", site.tokens["ub"], expect: [403, 404], orClean: true)
            }
            // and one who may, successfully
            try sample.setup?(site, fixture)
            let reply = try await client.call(
                method, sample.uri, token: site.tokens[sample.allowed], json: sample.form == nil ? sample.body : nil,
                form: sample.form)
            #expect((200..<400).contains(reply.status), "\(key) as \(sample.allowed): \(reply.status) \(reply.text)")
        }
    }
}

/// One request per route, against `ServerSite.populate()`'s fixture: its URI, its body, who may
/// send it, and what must be true first (a lost card before a reissue…).
struct RouteSample: @unchecked Sendable {
    var uri: String
    var body: Any? = nil
    /// A form body (pages): sent as multipart/form-data; a `Data` value is a file.
    var form: [String: Any]? = nil
    var allowed: String
    var setup: ((ServerSite, ServerSite.Fixture) throws -> Void)? = nil
}

enum RouteSamples {
    typealias Make = @Sendable (ServerSite, ServerSite.Fixture) throws -> RouteSample

    static var visitor: [String: Any] { ["name": "赵六", "id_number": "110108197910014561"] }

    static let all: [String: Make] = make()

    private static func make() -> [String: Make] {
        var all: [String: Make] = [:]
        all["DELETE /api/session"] = { _, _ in RouteSample(uri: "/api/session", allowed: "kefu") }
        all["GET /api/me"] = { _, _ in RouteSample(uri: "/api/me", allowed: "ua") }
        all["PUT /api/me/password"] = { _, _ in
            RouteSample(
                uri: "/api/me/password", body: ["current": ServerSite.password, "password": "a new long passphrase"],
                allowed: "kefu")
        }
        all["GET /api/accounts"] = { _, _ in RouteSample(uri: "/api/accounts", allowed: "admin") }
        all["POST /api/accounts"] = { _, _ in
            RouteSample(uri: "/api/accounts", body: ["name": "newguard", "role": "guard"], allowed: "admin")
        }
        all["POST /api/accounts/{name}/disable"] = { _, _ in RouteSample(uri: "/api/accounts/kefu2/disable", allowed: "admin") }
        all["PUT /api/accounts/{name}/password"] = { _, _ in
            RouteSample(uri: "/api/accounts/kefu2/password", body: ["password": "reset by the admin"], allowed: "admin")
        }
        all["POST /api/accounts/{name}/tokens"] = { _, _ in
            RouteSample(uri: "/api/accounts/gate1/tokens", body: ["kind": "gate", "label": "door 2"], allowed: "admin")
        }
        all["GET /api/tokens"] = { _, _ in RouteSample(uri: "/api/tokens", allowed: "admin") }
        all["DELETE /api/tokens/{id}"] = { site, _ in
            let id = try site.core.accounts.authenticate(token: site.tokens["kefu2"]!).tokenId
            return RouteSample(uri: "/api/tokens/\(id)", allowed: "admin")
        }
        all["GET /api/clients"] = { _, _ in RouteSample(uri: "/api/clients", allowed: "kefu") }
        all["POST /api/clients"] = { _, _ in
            RouteSample(
                uri: "/api/clients",
                body: ["kind": "company", "name": "深圳新客户有限公司", "credit_code": "91440300MA5FABCD1Q"],
                allowed: "kefu")
        }
        all["GET /api/clients/{id}"] = { _, f in RouteSample(uri: "/api/clients/\(f.clientA)", allowed: "ua") }
        all["GET /api/clients/{id}/contracts"] = { _, f in RouteSample(uri: "/api/clients/\(f.clientA)/contracts", allowed: "ua") }
        all["GET /api/clients/{id}/people"] = { _, f in RouteSample(uri: "/api/clients/\(f.clientA)/people", allowed: "ua") }
        all["GET /api/clients/{id}/cards"] = { _, f in RouteSample(uri: "/api/clients/\(f.clientA)/cards", allowed: "ua") }
        all["GET /api/contracts"] = { _, _ in RouteSample(uri: "/api/contracts", allowed: "boss") }
        all["POST /api/contracts"] = { _, f in
            RouteSample(
                uri: "/api/contracts",
                body: [
                    "number": "HT-NEW", "client_id": f.clientA, "starts_on": "2026-07-01", "ends_on": "2027-06-30",
                    "racks": ["A03"], "server_quota": 4,
                ], allowed: "kefu")
        }
        all["GET /api/contracts/{number}"] = { _, _ in RouteSample(uri: "/api/contracts/HT-A", allowed: "ua") }
        all["POST /api/contracts/{number}/activate"] = { _, _ in RouteSample(uri: "/api/contracts/HT-A2/activate", allowed: "boss") }
        all["POST /api/contracts/{number}/suspend"] = { _, _ in RouteSample(uri: "/api/contracts/HT-A/suspend", allowed: "kefu") }
        all["POST /api/contracts/{number}/terminate"] = { _, _ in RouteSample(uri: "/api/contracts/HT-A/terminate", allowed: "kefu") }
        all["GET /api/people"] = { _, _ in RouteSample(uri: "/api/people", allowed: "gate1") }
        all["POST /api/people"] = { _, f in
            RouteSample(
                uri: "/api/people",
                body: [
                    "client_id": f.clientA, "name": "孙八", "id_number": "110108197910014561", "phone": "13800000009",
                    "photo": ServerSite.upload("photo.png"), "id_copy": ServerSite.upload("id-copy.png"),
                    "letter": ServerSite.upload("letter.pdf"),
                ], allowed: "ua")
        }
        all["GET /api/people/{id}"] = { _, f in RouteSample(uri: "/api/people/\(f.personA)", allowed: "ua") }
        all["GET /api/people/{id}/photo"] = { _, f in RouteSample(uri: "/api/people/\(f.personA)/photo", allowed: "kefu") }
        all["POST /api/people/{id}/documents"] = { _, f in
            RouteSample(
                uri: "/api/people/\(f.personA2)/documents", body: ["photo": ServerSite.upload("id-copy.png")],
                allowed: "ua")
        }
        all["POST /api/people/{id}/depart"] = { _, f in RouteSample(uri: "/api/people/\(f.personA2)/depart", allowed: "kefu") }
        all["GET /api/cards"] = { _, _ in RouteSample(uri: "/api/cards", allowed: "ua") }
        all["POST /api/cards"] = { _, f in RouteSample(uri: "/api/cards", body: ["person_id": f.personA2], allowed: "kefu") }
        all["GET /api/cards/{number}"] = { _, f in RouteSample(uri: "/api/cards/\(f.cardA)", allowed: "ua") }
        all["POST /api/cards/{number}/lost"] = { _, f in RouteSample(uri: "/api/cards/\(f.cardA)/lost", allowed: "ua") }
        all["POST /api/cards/{number}/reissue"] = { _, f in
            RouteSample(
                uri: "/api/cards/\(f.cardA)/reissue", body: ["loss_letter": ServerSite.upload("loss-letter.pdf")],
                allowed: "kefu", setup: { site, f in _ = try site.core.cards.reportCardLost(try CardNumber(f.cardA), by: site.actor("kefu")) })
        }
        all["POST /api/cards/{number}/cancel"] = { _, f in
            RouteSample(uri: "/api/cards/\(f.cardA)/cancel", body: ["reason": "misuse"], allowed: "kefu")
        }
        all["POST /api/cards/{number}/return"] = { _, f in RouteSample(uri: "/api/cards/\(f.cardA)/return", allowed: "kefu") }
        all["GET /api/cards/{number}/badge/{file}"] = { _, f in
            RouteSample(uri: "/api/cards/\(f.cardA)/badge/front.svg", allowed: "kefu")
        }
        all["GET /api/visit-requests"] = { _, _ in RouteSample(uri: "/api/visit-requests?status=filed", allowed: "ua") }
        all["POST /api/visit-requests"] = { site, f in
            RouteSample(
                uri: "/api/visit-requests",
                body: [
                    "client_id": f.clientA, "reason": "巡检", "window_start": iso(site.now.addingTimeInterval(8 * 3600)),
                    "window_end": iso(site.now.addingTimeInterval(10 * 3600)), "visitors": [visitor],
                    "letter": ServerSite.upload("letter.pdf"),
                ], allowed: "ua")
        }
        all["GET /api/visit-requests/{id}"] = { _, f in RouteSample(uri: "/api/visit-requests/\(f.visitA)", allowed: "ua") }
        all["POST /api/visit-requests/{id}/approve"] = { _, f in
            RouteSample(uri: "/api/visit-requests/\(f.visitA)/approve", allowed: "kefu")
        }
        all["POST /api/visit-requests/{id}/reject"] = { _, f in
            RouteSample(uri: "/api/visit-requests/\(f.visitA)/reject", body: ["reason": "信件无公章"], allowed: "kefu")
        }
        all["POST /api/visit-requests/{id}/cancel"] = { _, f in
            RouteSample(uri: "/api/visit-requests/\(f.visitA)/cancel", body: ["reason": "不需要了"], allowed: "ua")
        }
        all["GET /api/visit-requests/{id}/slips"] = { _, f in
            RouteSample(
                uri: "/api/visit-requests/\(f.visitA)/slips", allowed: "ua",
                setup: { site, f in _ = try site.core.passes.approveVisitRequest(f.visitA, by: site.actor("kefu")) })
        }
        all["GET /api/emergencies"] = { _, _ in RouteSample(uri: "/api/emergencies?awaiting_review=true", allowed: "boss") }
        all["POST /api/emergencies"] = { _, f in
            RouteSample(
                uri: "/api/emergencies",
                body: ["client_id": f.clientA, "staff": [visitor], "reason": "断电", "hours": 1.5], allowed: "boss")
        }
        all["GET /api/emergencies/{id}"] = { _, f in RouteSample(uri: "/api/emergencies/\(f.emergencyA)", allowed: "ua") }
        all["POST /api/emergencies/{id}/review"] = { _, f in
            RouteSample(uri: "/api/emergencies/\(f.emergencyA)/review", body: ["note": "已核实"], allowed: "boss2")
        }
        all["GET /api/emergencies/{id}/slips"] = { _, f in RouteSample(uri: "/api/emergencies/\(f.emergencyA)/slips", allowed: "boss") }
        all["POST /api/emergency-passes/{number}/confirm-id"] = { _, f in
            RouteSample(
                uri: "/api/emergency-passes/\(f.emergencyPassA)/confirm-id", body: ["id_number": "11010519491231002X"],
                allowed: "gate1")
        }
        all["GET /api/visitor-log"] = { _, _ in RouteSample(uri: "/api/visitor-log?from=2026-06-01&to=2026-06-30", allowed: "kefu") }
        all["GET /api/visitor-log.csv"] = { _, _ in RouteSample(uri: "/api/visitor-log.csv", allowed: "boss") }
        all["POST /api/visitor-log/purge"] = { _, _ in RouteSample(uri: "/api/visitor-log/purge", allowed: "admin") }
        all["GET /api/audit"] = { _, _ in RouteSample(uri: "/api/audit?limit=5", allowed: "admin") }
        all["GET /api/audit/verify"] = { _, _ in RouteSample(uri: "/api/audit/verify", allowed: "boss") }
        all["GET /api/gate-events"] = { _, _ in RouteSample(uri: "/api/gate-events", allowed: "admin") }
        all["GET /api/gate/snapshot"] = { _, _ in RouteSample(uri: "/api/gate/snapshot?since=0", allowed: "gate1") }
        all["POST /api/gate/events"] = { site, _ in
            RouteSample(
                uri: "/api/gate/events",
                body: [
                    "events": [
                        [
                            "id": "walk-1", "gate": "east", "direction": "in", "at": iso(site.now), "result": "denied",
                            "reason": "unreadable scan", "confirmed": false,
                        ]
                    ]
                ], allowed: "gate1")
        }
        all["GET /api/gate/photos/{sha256}"] = { site, f in
            let sha = try site.core.registry.person(f.personA, by: .system).person.photo!
            return RouteSample(uri: "/api/gate/photos/\(sha)", allowed: "gate1")
        }
        all["GET /api/gate/keys"] = { _, _ in RouteSample(uri: "/api/gate/keys", allowed: "gate1") }

        // Equipment in and out (Q1–Q5), on the racking day of `ServerSite.equipment`
        all["GET /api/work-orders"] = { site, f in
            _ = try site.equipment(f)
            return RouteSample(uri: "/api/work-orders", allowed: "ua")
        }
        all["POST /api/work-orders"] = { site, _ in
            RouteSample(
                uri: "/api/work-orders", body: ["contract": "HT-A", "planned_at": iso(site.now.addingTimeInterval(72 * 3600))],
                allowed: "ua")
        }
        all["GET /api/work-orders/{number}"] = { site, f in
            RouteSample(uri: "/api/work-orders/\(try site.equipment(f).issued)", allowed: "ua")
        }
        all["POST /api/work-orders/{number}/items"] = { site, f in
            RouteSample(
                uri: "/api/work-orders/\(try site.equipment(f).draft)/items",
                body: ["kind": "server", "brand": "Dell", "model": "R760", "serial": "SN-NEW", "rack": "A01", "u_position": 30],
                allowed: "ua")
        }
        all["POST /api/work-orders/{number}/issue"] = { site, f in
            RouteSample(uri: "/api/work-orders/\(try site.equipment(f).draft)/issue", allowed: "kefu")
        }
        all["POST /api/work-orders/{number}/cancel"] = { site, f in
            RouteSample(uri: "/api/work-orders/\(try site.equipment(f).draft)/cancel", body: ["reason": "改期"], allowed: "ua")
        }
        all["POST /api/work-orders/{number}/accept"] = { site, f in
            RouteSample(uri: "/api/work-orders/\(try site.equipment(f).issued)/accept", body: ["serial": "SN-A3"], allowed: "boss")
        }
        all["POST /api/work-orders/{number}/refuse"] = { site, f in
            RouteSample(
                uri: "/api/work-orders/\(try site.equipment(f).issued)/refuse", body: ["serial": "SN-A3", "reason": "外壳破损"],
                allowed: "boss")
        }
        all["POST /api/work-orders/{number}/close"] = { site, f in
            RouteSample(uri: "/api/work-orders/\(try site.equipment(f).issued)/close", allowed: "boss")
        }
        all["GET /api/inventory"] = { site, f in
            _ = try site.equipment(f)
            return RouteSample(uri: "/api/inventory", allowed: "ua")
        }
        all["POST /api/inventory/{item}/ip"] = { site, f in
            RouteSample(uri: "/api/inventory/\(try site.equipment(f).item)/ip", allowed: "admin")
        }
        all["POST /api/inventory/{item}/port"] = { site, f in
            RouteSample(uri: "/api/inventory/\(try site.equipment(f).item)/port", allowed: "admin")
        }
        all["GET /api/ip-allocations"] = { site, f in
            _ = try site.equipment(f)
            return RouteSample(uri: "/api/ip-allocations", allowed: "ua")
        }
        all["GET /api/ip-pools"] = { _, _ in RouteSample(uri: "/api/ip-pools", allowed: "kefu") }
        all["POST /api/ip-pools"] = { _, _ in RouteSample(uri: "/api/ip-pools", body: ["cidr": "10.30.0.0/24"], allowed: "admin") }
        all["GET /api/port-pools"] = { _, _ in RouteSample(uri: "/api/port-pools", allowed: "kefu") }
        all["POST /api/port-pools"] = { _, _ in
            RouteSample(uri: "/api/port-pools", body: ["switch": "SW-B01", "from": 1, "to": 24], allowed: "admin")
        }
        all["GET /web/addresses"] = { site, f in
            _ = try site.equipment(f)
            return RouteSample(uri: "/web/addresses", allowed: "ua")
        }
        all["POST /web/ip-pools"] = { _, _ in RouteSample(uri: "/web/ip-pools", form: ["cidr": "10.30.0.0/24"], allowed: "admin") }
        all["POST /web/port-pools"] = { _, _ in
            RouteSample(uri: "/web/port-pools", form: ["switch": "SW-B01", "from": 1, "to": 24], allowed: "admin")
        }
        all["POST /web/inventory/{item}/ip"] = { site, f in
            RouteSample(uri: "/web/inventory/\(try site.equipment(f).item)/ip", form: [:], allowed: "admin")
        }
        all["POST /web/inventory/{item}/port"] = { site, f in
            RouteSample(uri: "/web/inventory/\(try site.equipment(f).item)/port", form: [:], allowed: "admin")
        }
        all["GET /api/removals"] = { site, f in
            _ = try site.equipment(f)
            return RouteSample(uri: "/api/removals", allowed: "ua")
        }
        all["POST /api/removals"] = { site, f in
            let equipment = try site.equipment(f)
            return RouteSample(
                uri: "/api/removals",
                body: [
                    "kind": "repair", "client_id": f.clientA, "items": [equipment.secondItem],
                    "removal_date": site.core.today.description, "company_name": "北京云栈科技有限公司",
                    "movers": [["name": "搬运工", "id_number": "110108197910014561", "id_copy": ServerSite.upload("id-copy.png")]],
                    "application_scan": ServerSite.upload("letter.pdf"),
                ], allowed: "ua")
        }
        all["GET /api/removals/{number}"] = { site, f in
            RouteSample(uri: "/api/removals/\(try site.equipment(f).removal)", allowed: "ua")
        }
        all["POST /api/removals/{number}/check"] = { site, f in
            RouteSample(uri: "/api/removals/\(try site.equipment(f).removal)/check", body: ["serials": ["SN-A1"]], allowed: "kefu")
        }
        all["POST /api/removals/{number}/approve"] = { site, f in
            let removal = try site.equipment(f).removal
            _ = try site.core.equipment.checkRemoval(try RemovalNumber(removal), serials: ["SN-A1"], by: site.actor("kefu"))
            return RouteSample(uri: "/api/removals/\(removal)/approve", allowed: "kefu")
        }
        all["POST /api/removals/{number}/reject"] = { site, f in
            RouteSample(uri: "/api/removals/\(try site.equipment(f).removal)/reject", body: ["reason": "缺少公章"], allowed: "kefu")
        }
        all["POST /api/removals/{number}/cancel"] = { site, f in
            RouteSample(uri: "/api/removals/\(try site.equipment(f).removal)/cancel", body: ["reason": "不修了"], allowed: "ua")
        }
        all["POST /api/removals/{number}/return"] = { site, f in
            let (removal, slip) = try approvedRemoval(site, f)
            _ = try site.core.equipment.useExitSlip(slip.credential, by: site.actor("gate1"))
            return RouteSample(uri: "/api/removals/\(removal.removal)/return", body: ["items": [removal.item]], allowed: "boss")
        }
        all["GET /api/exit-slips/{number}"] = { site, f in
            RouteSample(uri: "/api/exit-slips/\(try approvedRemoval(site, f).1.number)", allowed: "ua")
        }
        all["GET /api/exit-slips/{number}/slip"] = { site, f in
            RouteSample(uri: "/api/exit-slips/\(try approvedRemoval(site, f).1.number)/slip", allowed: "kefu")
        }
        all["POST /api/exit-slips/use"] = { site, f in
            RouteSample(uri: "/api/exit-slips/use", body: ["scanned": try approvedRemoval(site, f).1.credential], allowed: "gate1")
        }
        // The console and the portal (forms; a bearer token needs no CSRF field)
        all["POST /web/signout"] = { _, _ in RouteSample(uri: "/web/signout", form: [:], allowed: "kefu") }
        all["GET /web/"] = { _, _ in RouteSample(uri: "/web/", allowed: "kefu") }
        all["GET /web/clients"] = { _, _ in RouteSample(uri: "/web/clients", allowed: "kefu") }
        all["GET /web/clients/{id}"] = { _, f in RouteSample(uri: "/web/clients/\(f.clientA)", allowed: "kefu") }
        all["GET /web/cards"] = { _, _ in RouteSample(uri: "/web/cards", allowed: "kefu") }
        all["POST /web/cards"] = { _, f in RouteSample(uri: "/web/cards", form: ["person_id": f.personA2], allowed: "kefu") }
        all["GET /web/cards/{number}"] = { _, f in RouteSample(uri: "/web/cards/\(f.cardA)", allowed: "ua") }
        all["GET /web/cards/{number}/badge"] = { _, f in RouteSample(uri: "/web/cards/\(f.cardA)/badge", allowed: "kefu") }
        all["POST /web/cards/{number}/lost"] = { _, f in RouteSample(uri: "/web/cards/\(f.cardA)/lost", form: [:], allowed: "ua") }
        all["POST /web/cards/{number}/cancel"] = { _, f in
            RouteSample(uri: "/web/cards/\(f.cardA)/cancel", form: ["reason": "misuse"], allowed: "kefu")
        }
        all["POST /web/cards/{number}/return"] = { _, f in RouteSample(uri: "/web/cards/\(f.cardA)/return", form: [:], allowed: "kefu") }
        all["GET /web/visits"] = { _, _ in RouteSample(uri: "/web/visits", allowed: "kefu") }
        all["GET /web/visitor-log"] = { _, _ in RouteSample(uri: "/web/visitor-log?from=2026-01-01", allowed: "kefu") }
        all["GET /web/audit"] = { _, _ in RouteSample(uri: "/web/audit?entity=card", allowed: "admin") }
        all["POST /web/audit/verify"] = { _, _ in RouteSample(uri: "/web/audit/verify", form: [:], allowed: "boss") }
        all["POST /web/visits/{id}/approve"] = { _, f in
            RouteSample(
                uri: "/web/visits/\(f.visitA)/approve",
                form: ["check_reason": "yes", "check_time": "yes", "check_names": "yes", "check_id_numbers": "yes", "check_seal": "yes"],
                allowed: "kefu")
        }
        all["POST /web/visits/{id}/reject"] = { _, f in
            RouteSample(uri: "/web/visits/\(f.visitA)/reject", form: ["reason": "无公章"], allowed: "kefu")
        }
        all["GET /web/emergencies"] = { _, _ in RouteSample(uri: "/web/emergencies", allowed: "boss") }
        all["POST /web/emergencies/{id}/review"] = { _, f in
            RouteSample(uri: "/web/emergencies/\(f.emergencyA)/review", form: ["note": "已核实"], allowed: "boss2")
        }
        all["GET /api/occupants"] = { _, _ in RouteSample(uri: "/api/occupants", allowed: "gate1") }
        all["GET /web/inside"] = { _, _ in RouteSample(uri: "/web/inside", allowed: "gate1") }
        all["GET /api/gate-alerts"] = { _, _ in RouteSample(uri: "/api/gate-alerts", allowed: "kefu") }
        all["POST /api/gate-alerts/{id}/acknowledge"] = { site, f in
            RouteSample(uri: "/api/gate-alerts/\(try site.letOutAlert(f))/acknowledge", allowed: "boss")
        }
        all["GET /web/gate-alerts"] = { site, f in
            _ = try site.letOutAlert(f)
            return RouteSample(uri: "/web/gate-alerts", allowed: "gate1")
        }
        all["POST /web/gate-alerts/{id}/acknowledge"] = { site, f in
            RouteSample(uri: "/web/gate-alerts/\(try site.letOutAlert(f))/acknowledge", form: [:], allowed: "kefu")
        }
        all["GET /web/work-orders"] = { _, _ in RouteSample(uri: "/web/work-orders", allowed: "kefu") }
        all["GET /web/work-orders/{number}"] = { site, f in
            RouteSample(uri: "/web/work-orders/\(try site.equipment(f).issued)", allowed: "ua")
        }
        all["POST /web/work-orders"] = { site, _ in
            RouteSample(
                uri: "/web/work-orders",
                form: ["contract": "HT-A", "planned_at": SiteTime.format(site.now.addingTimeInterval(72 * 3600), in: site.core.policy.site.timeZone)],
                allowed: "ua")
        }
        all["POST /web/work-orders/{number}/items"] = { site, f in
            RouteSample(
                uri: "/web/work-orders/\(try site.equipment(f).draft)/items",
                form: ["kind": "server", "brand": "Dell", "model": "R760", "serial": "SN-NEW", "rack": "A01", "u_position": 30],
                allowed: "ua")
        }
        all["POST /web/work-orders/{number}/issue"] = { site, f in
            RouteSample(uri: "/web/work-orders/\(try site.equipment(f).draft)/issue", form: [:], allowed: "kefu")
        }
        all["POST /web/work-orders/{number}/cancel"] = { site, f in
            RouteSample(uri: "/web/work-orders/\(try site.equipment(f).draft)/cancel", form: ["reason": "改期"], allowed: "ua")
        }
        all["POST /web/work-orders/{number}/close"] = { site, f in
            RouteSample(uri: "/web/work-orders/\(try site.equipment(f).issued)/close", form: [:], allowed: "boss")
        }
        all["POST /web/work-orders/{number}/accept"] = { site, f in
            RouteSample(uri: "/web/work-orders/\(try site.equipment(f).issued)/accept", form: ["serial": "SN-A3"], allowed: "boss")
        }
        all["POST /web/work-orders/{number}/refuse"] = { site, f in
            RouteSample(
                uri: "/web/work-orders/\(try site.equipment(f).issued)/refuse", form: ["serial": "SN-A3", "reason": "外壳破损"],
                allowed: "boss")
        }
        all["GET /web/removals"] = { _, _ in RouteSample(uri: "/web/removals", allowed: "kefu") }
        all["POST /web/removals/{number}/check"] = { site, f in
            RouteSample(uri: "/web/removals/\(try site.equipment(f).removal)/check", form: ["seen_SN-A1": "SN-A1"], allowed: "kefu")
        }
        all["POST /web/removals/{number}/approve"] = { site, f in
            let removal = try site.equipment(f).removal
            _ = try site.core.equipment.checkRemoval(try RemovalNumber(removal), serials: ["SN-A1"], by: site.actor("kefu"))
            return RouteSample(uri: "/web/removals/\(removal)/approve", form: [:], allowed: "kefu")
        }
        all["POST /web/removals/{number}/reject"] = { site, f in
            RouteSample(uri: "/web/removals/\(try site.equipment(f).removal)/reject", form: ["reason": "缺少公章"], allowed: "kefu")
        }
        all["GET /web/exit-slips/{number}"] = { site, f in
            RouteSample(uri: "/web/exit-slips/\(try approvedRemoval(site, f).1.number)", allowed: "kefu")
        }
        all["GET /web/accounts"] = { _, _ in RouteSample(uri: "/web/accounts", allowed: "admin") }
        all["POST /web/accounts"] = { _, _ in
            RouteSample(uri: "/web/accounts", form: ["name": "guard2", "role": "guard"], allowed: "admin")
        }
        all["POST /web/accounts/{name}/disable"] = { _, _ in RouteSample(uri: "/web/accounts/boss/disable", form: [:], allowed: "admin") }
        all["POST /web/accounts/{name}/password"] = { _, _ in RouteSample(uri: "/web/accounts/kefu/password", form: [:], allowed: "admin") }
        all["GET /web/portal"] = { _, _ in RouteSample(uri: "/web/portal", allowed: "ua") }
        all["GET /web/portal/visit"] = { _, _ in RouteSample(uri: "/web/portal/visit", allowed: "ua") }
        all["POST /web/portal/visit"] = { site, f in
            let zone = site.core.policy.site.timeZone
            return RouteSample(
                uri: "/web/portal/visit",
                form: [
                    "client_id": f.clientA, "reason": "巡检",
                    "window_start": EntryWindow.timestamp(site.now.addingTimeInterval(8 * 3600), in: zone),
                    "window_end": EntryWindow.timestamp(site.now.addingTimeInterval(10 * 3600), in: zone),
                    "visitor_name_1": "赵六", "visitor_id_1": "110108197910014561", "letter": ServerSite.fixture("letter.pdf"),
                ], allowed: "ua")
        }
        all["GET /web/portal/removal"] = { site, f in
            _ = try site.equipment(f)
            return RouteSample(uri: "/web/portal/removal", allowed: "ua")
        }
        all["POST /web/portal/removal"] = { site, f in
            let equipment = try site.equipment(f)
            return RouteSample(
                uri: "/web/portal/removal",
                form: [
                    "client_id": f.clientA, "kind": "repair", "item_\(equipment.secondItem)": equipment.secondItem,
                    "removal_date": site.core.today.description, "company_name": "北京云栈科技有限公司",
                    "mover_name_1": "搬运工", "mover_id_1": "110108197910014561", "mover_id_copy_1": ServerSite.fixture("id-copy.png"),
                    "application_scan": ServerSite.fixture("letter.pdf"),
                ], allowed: "ua")
        }
        all["POST /web/portal/visits/{id}/cancel"] = { _, f in
            RouteSample(uri: "/web/portal/visits/\(f.visitA)/cancel", form: [:], allowed: "ua")
        }
        all.merge(ServiceDeskRouteSamples.make()) { existing, _ in existing }
        // The desk's jobs and their evidence in the browser
        all["GET /web/password"] = { _, _ in RouteSample(uri: "/web/password", allowed: "ua") }
        all["POST /web/password"] = { _, _ in
            RouteSample(
                uri: "/web/password",
                form: ["current": ServerSite.password, "password": "a new passphrase here", "again": "a new passphrase here"],
                allowed: "kefu")
        }
        all["GET /web/clients/new"] = { _, _ in RouteSample(uri: "/web/clients/new?kind=company", allowed: "kefu") }
        all["POST /web/clients"] = { _, _ in
            RouteSample(uri: "/web/clients", form: ["kind": "company", "name": "深圳新客户有限公司", "credit_code": "91440300MA5FABCD1Q"], allowed: "kefu")
        }
        all["GET /web/clients/{id}/contracts/new"] = { _, f in RouteSample(uri: "/web/clients/\(f.clientA)/contracts/new", allowed: "kefu") }
        all["POST /web/clients/{id}/contracts"] = { _, f in
            RouteSample(
                uri: "/web/clients/\(f.clientA)/contracts",
                form: ["number": "HT-A9", "starts_on": "2026-01-01", "ends_on": "2026-12-31", "racks": "A09", "server_quota": "2"],
                allowed: "kefu")
        }
        all["POST /web/contracts/{number}/activate"] = { _, _ in RouteSample(uri: "/web/contracts/HT-A2/activate", form: [:], allowed: "kefu") }
        all["POST /web/contracts/{number}/suspend"] = { _, _ in RouteSample(uri: "/web/contracts/HT-A/suspend", form: [:], allowed: "boss") }
        all["POST /web/contracts/{number}/terminate"] = { _, _ in
            RouteSample(uri: "/web/contracts/HT-A/terminate", form: ["confirm": "yes"], allowed: "kefu")
        }
        all["GET /web/clients/{id}/people/new"] = { _, f in RouteSample(uri: "/web/clients/\(f.clientA)/people/new", allowed: "ua") }
        all["POST /web/clients/{id}/people"] = { _, f in
            RouteSample(
                uri: "/web/clients/\(f.clientA)/people",
                form: [
                    "name": "周九", "id_number": "110101199003077897", "phone": "13800138000",
                    "photo": ServerSite.fixture("photo.png"), "id_copy": ServerSite.fixture("id-copy.png"),
                    "letter": ServerSite.fixture("letter.pdf"),
                ], allowed: "ua")
        }
        all["GET /web/people/{id}/{document}"] = { _, f in RouteSample(uri: "/web/people/\(f.personA)/photo", allowed: "ua") }
        all["POST /web/cards/{number}/reissue"] = { site, f in
            RouteSample(
                uri: "/web/cards/\(f.cardA)/reissue", form: ["loss_letter": ServerSite.fixture("letter.pdf")], allowed: "kefu",
                setup: { site, f in _ = try site.core.cards.reportCardLost(try CardNumber(f.cardA), by: site.actor("ua")) })
        }
        all["GET /web/visits/{id}"] = { _, f in RouteSample(uri: "/web/visits/\(f.visitA)", allowed: "kefu") }
        all["GET /web/visits/{id}/letter"] = { _, f in RouteSample(uri: "/web/visits/\(f.visitA)/letter", allowed: "kefu") }
        all["GET /web/visits/{id}/passes"] = { _, f in
            RouteSample(
                uri: "/web/visits/\(f.visitA)/passes", allowed: "ua",
                setup: { site, f in _ = try site.core.passes.approveVisitRequest(f.visitA, by: site.actor("kefu")) })
        }
        all["GET /web/emergencies/new"] = { _, _ in RouteSample(uri: "/web/emergencies/new", allowed: "boss") }
        all["POST /web/emergencies"] = { _, f in
            RouteSample(
                uri: "/web/emergencies",
                form: ["client_id": f.clientA, "reason": "电源故障", "hours": "2", "visitor_name": "钱七", "visitor_id": "11010519491231002X"],
                allowed: "boss")
        }
        all["GET /web/emergencies/{id}/passes"] = { _, f in RouteSample(uri: "/web/emergencies/\(f.emergencyA)/passes", allowed: "boss") }
        all["GET /web/removals/{number}/documents/{which}"] = { site, f in
            RouteSample(uri: "/web/removals/\(try site.equipment(f).removal)/documents/scan", allowed: "kefu")
        }
        all["GET /web/badges"] = { _, f in RouteSample(uri: "/web/badges?cards=\(f.cardA)", allowed: "kefu") }
        addClientSideSamples(&all)
        return all
    }

    static func iso(_ date: Date) -> String { date.formatted(.iso8601) }

    /// The fixture's removal checked and approved: its exit slip in hand.
    static func approvedRemoval(_ site: ServerSite, _ f: ServerSite.Fixture) throws -> (ServerSite.Equipment, ExitSlip) {
        let equipment = try site.equipment(f)
        _ = try site.core.equipment.checkRemoval(try RemovalNumber(equipment.removal), serials: ["SN-A1"], by: site.actor("kefu"))
        let approved = try site.core.equipment.approveRemoval(try RemovalNumber(equipment.removal), by: site.actor("kefu"))
        return (equipment, approved.exitSlip!)
    }
}
