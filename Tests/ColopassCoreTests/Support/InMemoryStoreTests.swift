import ColopassCore
import Foundation
import GRDB
import Testing

/// The store takes any GRDB writer: a site can stand on memory alone, with the same schema,
/// the same rules and the same audit chain, and leave no database file behind.
@Suite("A site on an in-memory store")
struct InMemoryStoreTests {
    @Test func areasWorkOnAnInMemoryStoreAndWriteNoDatabaseFile() throws {
        // given
        let directory = NSTemporaryDirectory() + "colopass-memory-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let core = try Core(
            dataDirectory: directory, policy: try TestSite.shippedPolicy(), clock: .fixed(TestSite.defaultNow),
            store: try Store.inMemory())
        let service = Actor(account: try core.accounts.addAccount(name: "cs", role: .customerService, by: .system))

        // when
        let client = try core.registry.addClient(
            NewClient(kind: .company, name: "北京云栈科技有限公司", creditCode: "91110108MA01ABCD1E"), by: service)

        // then: the registry and the audit chain hold it, in memory only
        #expect(try core.registry.clients(by: service).map(\.id) == [client.id])
        #expect(try core.audit.verifyAudit(by: .system).firstBreak == nil)
        #expect(core.store.path == ":memory:")
        #expect(!FileManager.default.fileExists(atPath: directory + "/" + Core.databaseFileName))
    }
}
