import Foundation

/// The web console under load: the dashboard of today's work and the card list's first 50-row
/// page (of 100,000 cards), requested with the session cookie a signed-in browser sends. Each is
/// checked once before wrk loads it: the right page, signed in, 50 rows.
enum ServerBenchPages {
    struct Page {
        var name: String
        var path: String
        var cookie: String
    }

    static func pages(port: Int) throws -> [Page] {
        let json = "{\"name\":\"\(ServerBenchSeed.signInAccount)\",\"password\":\"\(ServerBenchSeed.signInPassword)\"}"
        let signIn = try LoopbackHTTP.post(port: port, path: "/api/session", json: json)
        struct Session: Decodable { var token: String }
        guard signIn.status == 201, let session = try? JSONDecoder().decode(Session.self, from: Data(signIn.body)) else {
            throw BenchFailure("the bench account could not sign in: \(signIn.status) \(signIn.text)")
        }
        // The check goes with the same secret as a bearer token (LoopbackHTTP sends no cookie).
        let dashboard = try LoopbackHTTP.get(port: port, path: "/web/", token: session.token)
        guard dashboard.status == 200, String(decoding: dashboard.body, as: UTF8.self).contains("id=\"count-cards-expiring\"") else {
            throw BenchFailure("the dashboard answered \(dashboard.status): \(dashboard.text)")
        }
        let list = try LoopbackHTTP.get(port: port, path: "/web/cards", token: session.token)
        // One card link per row: the rows of the list (whatever the cells' attributes).
        let rows = String(decoding: list.body, as: UTF8.self).components(separatedBy: "><a href=\"/web/cards/").count - 1
        guard list.status == 200, rows == 50 else {
            throw BenchFailure("the card list answered \(list.status) with \(rows) rows, not 50")
        }
        let cookie = "Cookie: colopass_session=\(session.token)"
        return [
            Page(name: "GET /web/ (dashboard, cookie)", path: "/web/", cookie: cookie),
            Page(name: "GET /web/cards (50 of 100k, cookie)", path: "/web/cards", cookie: cookie),
        ]
    }
}
