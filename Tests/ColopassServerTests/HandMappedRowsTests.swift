import ColopassCore
import Foundation
import GRDB
import Testing

/// The records every request reads are mapped from rows by hand, for speed; they must come out
/// as `Codable` decoding makes them, optional columns set or not.
@Suite("Hand-mapped rows are the Codable records")
struct HandMappedRowsTests {
    @Test func tokensAccountsCardsPeopleAndClientsDecodeAsCodableDoes() throws {
        // given: a populated site with a lost card, a cancelled one and a revoked token
        let site = try ServerSite()
        let fixture = try site.populate()
        _ = try site.core.cards.reportCardLost(try CardNumber(fixture.cardA), by: site.actor("kefu"))
        _ = try site.core.cards.cancelCard(try CardNumber(fixture.cardB), reason: "离职", by: site.actor("kefu"))
        let issued = try site.core.accounts.issueToken(.api, for: "kefu", label: "script", days: 3, by: site.actor("admin"))
        _ = try site.core.accounts.revokeToken(issued.id, by: site.actor("admin"))
        try site.core.store.pool.read { db in
            func expectSame<R: FetchableRecord & Decodable & Equatable>(_ type: R.Type, _ table: String) throws {
                // when
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table)")
                // then
                #expect(!rows.isEmpty, "no \(table) rows")
                for row in rows {
                    #expect(try R(row: row) == FetchableRecordDecoder().decode(R.self, from: row), "\(row)")
                }
            }
            try expectSame(AuthToken.self, AuthToken.databaseTableName)
            try expectSame(Account.self, Account.databaseTableName)
            try expectSame(Card.self, Card.databaseTableName)
            try expectSame(Person.self, Person.databaseTableName)
            try expectSame(Client.self, Client.databaseTableName)
        }
    }
}
