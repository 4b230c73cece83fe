import Foundation
import Testing

@testable import ColopassCore

/// Who may do what (R1), client isolation (R3), disabled accounts (R1.disabled) and the admin's
/// own account (R2.self). Every refusal is audited as refused, naming the actor and the clause.
@Suite struct RoleTests {
    /// The table as the rules state it (R1: admins manage accounts; customer service clients,
    /// contracts, cards; supervisors may also handle contracts; clients their own staff and
    /// lost cards). Written out here so a change to the code's table has to be a deliberate one.
    static let expectedTable: [Permission: Set<Role>] = [
        .manageAccounts: [.admin],
        .manageKeys: [.admin],
        .manageClients: [.customerService],
        .issueCards: [.customerService],
        .returnCards: [.customerService],
        .manageContracts: [.customerService, .supervisor],
        .managePersonnel: [.customerService, .clientUser],
        .reportCardLost: [.customerService, .clientUser],
        .viewRegistry: Set(Role.allCases),
        .viewAudit: [.admin, .supervisor],
    ]

    /// A site with one account of every role, a client with a contract in force and one person.
    final class Fixture: @unchecked Sendable {
        let site: TestSite
        let client: Client
        let other: Client
        let person: Person
        var actors: [Role: Actor] = [:]

        init() throws {
            site = try TestSite()
            client = try site.company().client
            other = try site.company(name: "上海数桥网络有限公司", creditCode: "91310115MA1K3XY72K", contract: "HT-2").client
            person = try site.person(of: client.id, documents: false)
            actors[.admin] = site.admin
            actors[.customerService] = site.service
            actors[.supervisor] = site.supervisor
            actors[.guard] = site.guardOnDuty
            actors[.clientUser] = try site.account("yunzhan", .clientUser, client: client.id)
            // the client's administrator, who manages its roster
            _ = try site.core.accounts.setClientAdmin("yunzhan", granted: true, by: site.admin)
        }

        func actor(_ role: Role) -> Actor { actors[role]! }
    }

    /// One action of each permission the registry has today, run by `actor`.
    static func attempt(_ permission: Permission, by actor: Actor, in f: Fixture) throws {
        let core = f.site.core
        switch permission {
        case .manageAccounts:
            _ = try core.accounts.addAccount(name: "newcomer", role: .guard, by: actor)
        case .manageClients:
            _ = try core.registry.addClient(
                NewClient(kind: .individual, name: "王芳", idType: "resident_id", idNumber: "110108197910014561"), by: actor)
        case .manageContracts:
            _ = try core.registry.addContract(
                NewContract(
                    number: "HT-NEW", clientId: f.client.id, startsOn: "2026-01-01", endsOn: "2026-12-31",
                    racks: ["D01"], serverQuota: 2),
                by: actor)
        case .managePersonnel:
            _ = try core.registry.addPerson(
                NewPerson(
                    clientId: f.client.id, name: "王强", idType: "resident_id", idNumber: "310115199007042347",
                    phone: "13800000003"),
                by: actor)
        case .viewAudit:
            _ = try core.audit.verifyAudit(by: actor)
        case .viewRegistry:
            _ = try core.registry.clients(by: actor)
        default:
            // Cards, keys, passes, equipment and the gate have their own suites; only the check
            // itself is run here.
            try core.authorize(actor, permission)
        }
    }

    static let registryPermissions: [Permission] = [
        .manageAccounts, .manageClients, .manageContracts, .managePersonnel, .viewAudit, .viewRegistry,
    ]

    // MARK: - The table

    @Test func permissionTableMatchesTheRules() {
        for (permission, roles) in Self.expectedTable {
            #expect(permission.roles == roles, "\(permission)")
        }
    }

    @Test func refusalsCiteR1RoleExceptCardIssueC1Role() {
        for permission in Self.expectedTable.keys {
            #expect(permission.clause == (permission == .issueCards ? Clause(C1.role) : Clause(R1.role)), "\(permission)")
        }
    }

    @Test func everyPermissionCitesAClauseOfThePolicy() throws {
        let policy = try TestSite.shippedPolicy()
        for permission in Permission.allCases {
            #expect(policy.clauses[permission.clause.id]?.facets[permission.clause.facet] != nil, "\(permission) cites \(permission.clause)")
            #expect(!permission.roles.isEmpty, "\(permission) is allowed to someone")
        }
    }

    @Test(arguments: Permission.allCases)
    func authorizeFollowsTheTable(_ permission: Permission) throws {
        // given
        let f = try Fixture()

        for role in Role.allCases {
            // when
            let error = coreErrorOrNil { try f.site.core.authorize(f.actor(role), permission) }

            // then
            if permission.roles.contains(role) {
                #expect(error == nil, "\(role) may \(permission)")
            } else {
                #expect(refusal(error)?.clause == permission.clause, "\(role) may not \(permission)")
            }
        }
        #expect(coreErrorOrNil { try f.site.core.authorize(.system, permission) } == nil, "set-up may do anything")
    }

    // MARK: - R1.role: refused and audited

    @Test(arguments: registryPermissions)
    func roleThatMayNotActIsRefusedAndAuditedR1Role(_ permission: Permission) throws {
        // given
        let f = try Fixture()
        let forbidden = Role.allCases.filter { !permission.roles.contains($0) }

        for role in forbidden {
            let actor = f.actor(role)
            let before = try f.site.snapshot()
            let seq = try f.site.lastSeq()

            // when
            let error = coreError { try Self.attempt(permission, by: actor, in: f) }

            // then: refused under R1.role …
            #expect(refusal(error)?.clause.code == "R1.role", "\(role) / \(permission)")
            // … and exactly one record says so, with the actor and the clause
            let audited = try f.site.audit(after: seq)
            #expect(audited.count == 1, "\(role) / \(permission)")
            let record = try #require(audited.first)
            #expect(record.outcome == .refused)
            #expect(record.clause == "R1.role")
            #expect(record.actor == actor.name)
            #expect(record.entity == "refusal")
            #expect(record.after?.contains(permission.rawValue) == true, "the record names the permission")
            // and nothing else changed
            var after = try f.site.snapshot()
            after.rows["audit_record"]! -= 1
            #expect(after == before, "\(role) / \(permission)")
        }
    }

    @Test(arguments: registryPermissions)
    func roleThatMayActSucceeds(_ permission: Permission) throws {
        for role in permission.roles {
            // given: a fresh site each time, so one success does not block the next
            let f = try Fixture()
            let seq = try f.site.lastSeq()

            // when
            try Self.attempt(permission, by: f.actor(role), in: f)

            // then: no refusal was recorded
            #expect(try f.site.audit(after: seq).allSatisfy { $0.outcome == .done }, "\(role) / \(permission)")
        }
    }

    @Test func refusedActionsAreAuditedWithTheirActionName() throws {
        // given
        let f = try Fixture()
        let seq = try f.site.lastSeq()

        // when: a guard tries each contract change
        let guardOnDuty = f.actor(.guard)
        _ = coreError { try f.site.core.registry.activateContract("HT-1", by: guardOnDuty) }
        _ = coreError { try f.site.core.registry.suspendContract("HT-1", by: guardOnDuty) }
        _ = coreError { try f.site.core.registry.terminateContract("HT-1", by: guardOnDuty).contract }
        _ = coreError { try f.site.core.registry.departPerson(f.person.id, by: f.actor(.supervisor)) }
        _ = coreError { try f.site.core.accounts.disableAccount("gate1", by: f.actor(.customerService)) }

        // then
        let audited = try f.site.audit(after: seq)
        #expect(audited.map(\.action) == [
            "contract.activate", "contract.suspend", "contract.terminate", "person.depart", "account.disable",
        ])
        #expect(audited.map(\.actor) == ["gate1", "gate1", "gate1", "boss", "cs"])
        #expect(audited.allSatisfy { $0.outcome == .refused && $0.clause == "R1.role" })
        #expect(try f.site.core.registry.contract("HT-1", by: f.actor(.admin)).status == .active)
        #expect(try f.site.core.registry.person(f.person.id, by: f.actor(.admin)).person.status == .active)
    }

    // MARK: - R3: client isolation

    @Test func clientUserAddsPeopleForItsOwnClient() throws {
        // given
        let f = try Fixture()

        // when
        let view = try f.site.core.registry.addPerson(
            NewPerson(
                clientId: f.client.id, name: "王强", idType: "resident_id", idNumber: "310115199007042347",
                phone: "13800000003"),
            by: f.actor(.clientUser))

        // then
        #expect(view.person.clientId == f.client.id)
        #expect(try f.site.lastAudit().actor == "yunzhan")
        #expect(try f.site.lastAudit().outcome == .done)
    }

    @Test func clientUserCannotAddPeopleForAnotherClientR3() throws {
        // given
        let f = try Fixture()
        let before = try f.site.snapshot()
        let seq = try f.site.lastSeq()

        // when
        let error = coreError {
            try f.site.core.registry.addPerson(
                NewPerson(
                    clientId: f.other.id, name: "陈静", idType: "resident_id", idNumber: "440305199211203459",
                    phone: "13900000002"),
                by: f.actor(.clientUser))
        }

        // then
        #expect(refusal(error)?.clause.code == "R3.client")
        let audited = try f.site.audit(after: seq)
        #expect(audited.count == 1)
        #expect(audited.first?.outcome == .refused)
        #expect(audited.first?.clause == "R3.client")
        #expect(audited.first?.actor == "yunzhan")
        #expect(try f.site.count("person") == before.rows["person"])
    }

    @Test func clientUserCannotDepartAnotherClientsPersonR3() throws {
        // given
        let f = try Fixture()
        let stranger = try f.site.person(of: f.other.id, name: "陈静", idNumber: "440305199211203459", documents: false)
        let seq = try f.site.lastSeq()

        // when
        let error = coreError { try f.site.core.registry.departPerson(stranger.id, by: f.actor(.clientUser)) }

        // then
        #expect(refusal(error)?.clause.code == "R3.client")
        #expect(try f.site.core.registry.person(stranger.id, by: f.actor(.customerService)).person.status == .active)
        let audited = try f.site.audit(after: seq)
        #expect(audited.map(\.outcome) == [.refused])
        #expect(audited.first?.clause == "R3.client")
    }

    @Test func clientUserDepartsItsOwnPerson() throws {
        // given
        let f = try Fixture()

        // when
        let result = try f.site.core.registry.departPerson(f.person.id, by: f.actor(.clientUser))

        // then
        #expect(result.person.status == .departed)
        #expect(try f.site.lastAudit().actor == "yunzhan")
    }

    @Test func clientUserCannotAttachDocumentsForAnotherClientR3() throws {
        // given
        let f = try Fixture()
        let stranger = try f.site.person(of: f.other.id, name: "陈静", idNumber: "440305199211203459", documents: false)
        let before = try f.site.snapshot()

        // when
        let error = coreError {
            try f.site.core.registry.attachDocuments(
                personId: stranger.id, photoPath: TestSite.fixtures + "/photo.png", idCopyPath: nil, letterPath: nil,
                by: f.actor(.clientUser))
        }

        // then
        #expect(refusal(error)?.clause.code == "R3.client")
        var after = try f.site.snapshot()
        after.rows["audit_record"]! -= 1
        #expect(after == before)
    }

    @Test func clientUserListsOnlyItsOwnClientContractsAndPeople() throws {
        // given
        let f = try Fixture()
        _ = try f.site.person(of: f.other.id, name: "陈静", idNumber: "440305199211203459", documents: false)
        let user = f.actor(.clientUser)

        // when
        let clients = try f.site.core.registry.clients(by: user)
        let contracts = try f.site.core.registry.contracts(by: user)
        let othersContracts = try f.site.core.registry.contracts(clientId: f.other.id, by: user)
        let people = try f.site.core.registry.people(by: user)
        let othersPeople = try f.site.core.registry.people(clientId: f.other.id, by: user)

        // then
        #expect(clients.map(\.id) == [f.client.id])
        #expect(contracts.map(\.number) == ["HT-1"])
        #expect(othersContracts.isEmpty)
        #expect(people.map(\.person.id) == [f.person.id])
        #expect(othersPeople.isEmpty)
        // while an operator sees both clients
        #expect(try f.site.core.registry.clients(by: f.actor(.guard)).count == 2)
        #expect(try f.site.core.registry.people(by: f.actor(.guard)).count == 2)
    }

    @Test func clientUserCannotOpenAnotherClientsRecordsR3() throws {
        // given
        let f = try Fixture()
        let stranger = try f.site.person(of: f.other.id, name: "陈静", idNumber: "440305199211203459", documents: false)
        let user = f.actor(.clientUser)

        // when
        let client = coreError { try f.site.core.registry.client(f.other.id, by: user) }
        let contract = coreError { try f.site.core.registry.contract("HT-2", by: user) }
        let person = coreError { try f.site.core.registry.person(stranger.id, by: user) }

        // then
        #expect(refusal(client)?.clause.code == "R3.client")
        #expect(refusal(contract)?.clause.code == "R3.client")
        #expect(refusal(person)?.clause.code == "R3.client")
        // its own records open
        #expect(try f.site.core.registry.client(f.client.id, by: user).client.id == f.client.id)
        #expect(try f.site.core.registry.contract("HT-1", by: user).clientId == f.client.id)
        #expect(try f.site.core.registry.person(f.person.id, by: user).person.id == f.person.id)
    }

    // MARK: - Accounts

    @Test func disabledAccountCannotActR1Disabled() throws {
        // given
        let f = try Fixture()
        _ = try f.site.core.accounts.disableAccount("cs", by: f.actor(.admin))

        // when: the account is looked up to act (what the CLI does with --as)
        let lookup = coreError { try f.site.core.accounts.actor(named: "cs") }

        // then
        #expect(refusal(lookup)?.clause.code == "R1.disabled")
    }

    @Test func actorHeldFromBeforeTheDisableCannotActR1Disabled() throws {
        // given: an actor resolved while the account was active (a session, a long-running shell)
        let f = try Fixture()
        let service = try f.site.core.accounts.actor(named: "cs")
        _ = try f.site.core.accounts.disableAccount("cs", by: f.actor(.admin))
        let before = try f.site.snapshot()
        let seq = try f.site.lastSeq()

        // when
        let error = coreError {
            try f.site.core.registry.addClient(
                NewClient(kind: .individual, name: "王芳", idType: "resident_id", idNumber: "110108197910014561"),
                by: service)
        }

        // then
        #expect(refusal(error)?.clause.code == "R1.disabled")
        let audited = try f.site.audit(after: seq)
        #expect(audited.map(\.outcome) == [.refused])
        #expect(audited.first?.actor == "cs")
        #expect(audited.first?.clause == "R1.disabled")
        #expect(try f.site.count("client") == before.rows["client"])
    }

    @Test func disabledAccountCannotRead() throws {
        // given
        let f = try Fixture()
        let guardOnDuty = f.actor(.guard)
        _ = try f.site.core.accounts.disableAccount(guardOnDuty.name, by: f.actor(.admin))

        // when
        let error = coreError { try f.site.core.registry.people(by: guardOnDuty) }

        // then
        #expect(refusal(error)?.clause.code == "R1.disabled")
    }

    @Test func disablingIsAuditedWithBeforeAndAfter() throws {
        // given
        let f = try Fixture()

        // when
        let account = try f.site.core.accounts.disableAccount("gate1", by: f.actor(.admin))

        // then
        #expect(account.status == .disabled)
        let record = try f.site.lastAudit()
        #expect(record.action == "account.disable")
        #expect(record.actor == "root")
        #expect(record.entityKey == "gate1")
        #expect(record.before?.contains("\"status\":\"active\"") == true)
        #expect(record.after?.contains("\"status\":\"disabled\"") == true)
    }

    @Test func adminCannotDisableItselfR2Self() throws {
        // given
        let f = try Fixture()
        let seq = try f.site.lastSeq()

        // when
        let error = coreError { try f.site.core.accounts.disableAccount("root", by: f.actor(.admin)) }

        // then
        #expect(refusal(error)?.clause.code == "R2.self")
        #expect(try f.site.core.accounts.actor(named: "root").role == .admin)
        let audited = try f.site.audit(after: seq)
        #expect(audited.map(\.outcome) == [.refused])
        #expect(audited.first?.clause == "R2.self")
        #expect(audited.first?.actor == "root")
    }

    @Test func anotherAdminMayDisableAnAdmin() throws {
        // given
        let f = try Fixture()
        let second = try f.site.account("root2", .admin)

        // when
        let disabled = try f.site.core.accounts.disableAccount("root", by: second)

        // then
        #expect(disabled.status == .disabled)
    }

    @Test func systemIsNotAUsableAccountName() throws {
        // given
        let f = try Fixture()
        let before = try f.site.snapshot()

        // when
        let create = coreError { try f.site.core.accounts.addAccount(name: "system", role: .admin, by: f.actor(.admin)) }
        let act = coreError { try f.site.core.accounts.actor(named: "system") }

        // then
        #expect(invalidField(create) == "name")
        #expect(invalidField(act) == "as")
        #expect(try f.site.snapshot() == before)
    }

    @Test func unknownAccountIsNotFound() throws {
        // given
        let f = try Fixture()

        // when
        let error = coreError { try f.site.core.accounts.actor(named: "nobody") }

        // then
        #expect(error == .notFound(entity: "account", key: "nobody"))
    }

    @Test func duplicateAccountNameIsRefusedD1Unique() throws {
        // given
        let f = try Fixture()

        // when
        let error = coreError { try f.site.core.accounts.addAccount(name: "cs", role: .guard, by: f.actor(.admin)) }

        // then
        #expect(refusal(error)?.clause.code == "D1.unique")
        #expect(try f.site.core.accounts.actor(named: "cs").role == .customerService)
    }

    @Test func badAccountNamesAreInvalid() throws {
        // given
        let f = try Fixture()
        let before = try f.site.snapshot()

        // when / then
        for name in ["Zhou", "1zhou", "zhou min", "", "zhou;drop"] {
            let error = coreError { try f.site.core.accounts.addAccount(name: name, role: .guard, by: f.actor(.admin)) }
            #expect(invalidField(error) == "name", "'\(name)'")
        }
        #expect(try f.site.snapshot() == before)
    }

    @Test func clientUsersAndOnlyThemAreBoundToAClient() throws {
        // given
        let f = try Fixture()
        let admin = f.actor(.admin)
        let before = try f.site.snapshot()

        // when
        let unbound = coreError { try f.site.core.accounts.addAccount(name: "orphan", role: .clientUser, by: admin) }
        let bound = coreError {
            try f.site.core.accounts.addAccount(name: "kefu2", role: .customerService, clientId: f.client.id, by: admin)
        }
        let unknown = coreError { try f.site.core.accounts.addAccount(name: "ghost", role: .clientUser, clientId: 99, by: admin) }

        // then
        #expect(invalidField(unbound) == "client")
        #expect(invalidField(bound) == "client")
        #expect(unknown == .notFound(entity: "client", key: "99"))
        #expect(try f.site.snapshot() == before)
    }

    @Test func accountListingIsForAdminsAndNeverShowsAPassword() throws {
        // given
        let f = try Fixture()

        // when
        let accounts = try f.site.core.accounts.accounts(by: f.actor(.admin))
        let refused = coreError { try f.site.core.accounts.accounts(by: f.actor(.supervisor)) }

        // then
        #expect(Set(accounts.map(\.name)) == ["cs", "boss", "gate1", "root", "yunzhan"])
        #expect(accounts.allSatisfy { $0.passwordHash == nil || $0.passwordHash == "(set)" })
        #expect(refusal(refused)?.clause.code == "R1.role")
    }
}
