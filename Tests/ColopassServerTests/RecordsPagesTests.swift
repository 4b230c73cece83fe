import ColopassCore
import ColopassServer
import Foundation
import TestProcesses
import HummingbirdTesting
import Testing

/// The records on pages: the visitor log in the reader's words with its exports (R4), the audit
/// log and its verification naming a tampered record, and the guard landing on who is inside.
@Suite("Web: the visitor log, the audit log and the guard's page")
struct RecordsPagesTests {
    @Test func theVisitorLogShowsEventsInWordsWithMaskedIDsAndItsExportsR4() async throws {
        let site = try ServerSite()
        _ = try site.populate()
        try await site.app().test(.router) { client in
            let page = try await client.call(.get, "/web/visitor-log?from=2000-01-01", token: site.tokens["kefu"])
            #expect(page.status == 200)
            #expect(page.text.contains("<td>申请</td>") && !page.text.contains("<td>filed</td>"))
            #expect(page.text.contains("/api/visitor-log.csv?from=2000-01-01&amp;to=") && page.text.contains("lang=en"))
            #expect(!page.text.contains("110108197910014561"), "ID numbers are masked")
            let csv = try await client.call(.get, "/api/visitor-log.csv?from=2000-01-01", token: site.tokens["kefu"])
            #expect(csv.text.contains(",申请,临时进入,"))
            let english = try await client.call(.get, "/api/visitor-log.csv?from=2000-01-01&lang=en", token: site.tokens["kefu"])
            #expect(english.text.contains(",filed,temporary,"))
            let refused = try await client.call(.get, "/web/visitor-log?from=2026-13-01", token: site.tokens["kefu"])
            #expect(refused.status == 400 && refused.text.contains("YYYY-MM-DD"))
            #expect(try await client.call(.get, "/web/visitor-log", token: site.tokens["ua"]).status == 403)
        }
    }

    @Test func theAuditPageNamesATamperedRecordAndItsVerificationFailsR4() async throws {
        let site = try ServerSite()
        _ = try site.populate()
        try await site.app().test(.router) { client in
            let intact = try await client.call(.post, "/web/audit/verify", token: site.tokens["admin"], form: [:])
            #expect(intact.status == 200 && intact.text.contains("id=\"intact\""))
        }
        let process = ChildProcess()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [
            site.core.store.path,
            "DROP TRIGGER audit_record_no_update; UPDATE audit_record SET actor = 'nobody' WHERE seq = 3;",
        ]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        try await site.app().test(.router) { client in
            let log = try await client.call(.get, "/web/audit", token: site.tokens["admin"])
            #expect(log.status == 200 && log.text.contains("被篡改"))
            let broken = try await client.call(.post, "/web/audit/verify", token: site.tokens["boss"], form: [:])
            #expect(broken.status == 200 && broken.text.contains("id=\"broken\"") && broken.text.contains("#3"))
            #expect(try await client.call(.get, "/web/audit", token: site.tokens["kefu"]).status == 403)
        }
    }

    @Test func theGuardLandsOnWhoIsInsideAndWhatTheGatesLastSent() async throws {
        let site = try ServerSite()
        _ = try site.populate()
        try await site.app().test(.router) { client in
            let home = try await client.call(.get, "/web/", token: site.tokens["gate1"])
            #expect(home.status == 303 && home.headers["location"] == "/web/inside")
            let inside = try await client.call(.get, "/web/inside", token: site.tokens["gate1"])
            #expect(inside.status == 200 && inside.text.contains("id=\"gates\"") && inside.text.contains("id=\"occupants\""))
        }
    }
}
