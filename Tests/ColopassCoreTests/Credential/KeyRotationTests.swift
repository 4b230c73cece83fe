import Foundation
import Testing

@testable import ColopassCore

@Suite("Signing keys: 0600 file, rotation keeps printed badges valid")
struct KeyRotationTests {
    @Test func privateKeyFileIsCreatedOwnerOnly() throws {
        let site = try TestSite()
        let (_, _, people) = try site.companyWithStaff(1)
        let card = try site.core.cards.issueCard(personId: people[0].id, by: site.service)
        let path = site.core.keyring.privateKeyPath(card.keyId)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        // Only the public half is in the database.
        let keys = try site.core.credentials.signingKeys(by: site.service)
        #expect(keys.map(\.status) == [.active])
        let onDisk = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!onDisk.contains(keys[0].publicKey))
    }

    @Test func rotationKeepsOldBadgesValidAndSignsNewOnesWithTheNewKey() throws {
        let site = try TestSite()
        let (_, _, people) = try site.companyWithStaff(2)
        let before = try site.core.cards.issueCard(personId: people[0].id, by: site.service)
        let rotated = try site.core.credentials.rotateSigningKey(by: site.admin)
        let after = try site.core.cards.issueCard(personId: people[1].id, by: site.service)
        #expect(rotated.id == before.keyId + 1)
        #expect(after.keyId == rotated.id)
        #expect(try site.decision(before).isGranted)
        #expect(try site.decision(after).isGranted)
        let statuses = try site.core.credentials.signingKeys(by: site.service).map(\.status)
        #expect(statuses == [.retired, .active])
        #expect(try site.core.credentials.publicKeyExport().keys.count == 2)
    }

    @Test func onlyAnAdminRotatesKeysR1() throws {
        let site = try TestSite()
        #expect(site.refusalClause { _ = try site.core.credentials.rotateSigningKey(by: site.service) } == "R1.role")
    }
}
