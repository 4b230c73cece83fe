import Foundation
import Testing

@testable import ColopassCore

/// Hosting contracts: a unique number, a valid term, and a status that moves draft → active ⇄
/// suspended → terminated, never back from terminated (C9).
@Suite struct ContractTests {
    private func clientID(_ site: TestSite) throws -> Int64 {
        try site.core.registry.addClient(
            NewClient(kind: .company, name: "北京云栈科技有限公司", creditCode: "91110108MA01ABCD1E"), by: site.service
        ).id
    }

    private func draft(
        _ site: TestSite, client: Int64, number: String = "HT-2026-001", from: String = "2026-01-01",
        to: String = "2026-12-31"
    ) throws -> Contract {
        try site.core.registry.addContract(
            NewContract(number: number, clientId: client, startsOn: from, endsOn: to, racks: ["A01", "A02"], serverQuota: 20),
            by: site.service)
    }

    @Test func contractIsAddedAsADraft() throws {
        // given
        let site = try TestSite()
        let client = try clientID(site)

        // when
        let contract = try site.core.registry.addContract(
            NewContract(
                number: "ht-2026-001", clientId: client, startsOn: "2026-01-01", endsOn: "2026-12-31",
                racks: ["a01", " A02 "], serverQuota: 20),
            by: site.service)

        // then
        #expect(contract.number == "HT-2026-001")
        #expect(contract.status == .draft)
        #expect(contract.clientId == client)
        #expect(contract.startsOn == Day("2026-01-01"))
        #expect(contract.endsOn == Day("2026-12-31"))
        #expect(contract.rackList == ["A01", "A02"])
        #expect(contract.serverQuota == 20)
        #expect(try site.core.registry.contract("HT-2026-001", by: site.service) == contract)
        #expect(!contract.isInForce(on: site.core.today))
    }

    @Test func contractNumberMustBeUniqueD1() throws {
        // given
        let site = try TestSite()
        let client = try clientID(site)
        _ = try draft(site, client: client)
        let contractsBefore = try site.count("contract")
        let seq = try site.lastSeq()

        // when: the same number, typed in lower case
        let error = coreError { try draft(site, client: client, number: "ht-2026-001") }

        // then
        #expect(refusal(error)?.clause.code == "D1.unique")
        #expect(try site.count("contract") == contractsBefore)
        let audited = try site.audit(after: seq)
        #expect(audited.map(\.outcome) == [.refused])
        #expect(audited.first?.clause == "D1.unique")
    }

    @Test func contractEndingBeforeItStartsIsRefusedD1Term() throws {
        // given
        let site = try TestSite()
        let client = try clientID(site)
        let contractsBefore = try site.count("contract")

        // when
        let error = coreError { try draft(site, client: client, from: "2026-06-01", to: "2026-05-31") }

        // then
        #expect(refusal(error)?.clause.code == "D1.term")
        #expect(try site.count("contract") == contractsBefore)
        #expect(try site.lastAudit().outcome == .refused)
        #expect(try site.lastAudit().clause == "D1.term")
    }

    @Test func oneDayTermIsAccepted() throws {
        // given
        let site = try TestSite()
        let client = try clientID(site)

        // when
        let contract = try draft(site, client: client, from: "2026-06-15", to: "2026-06-15")

        // then
        #expect(contract.startsOn == contract.endsOn)
    }

    @Test func impossibleDateIsInvalid() throws {
        // given
        let site = try TestSite()
        let client = try clientID(site)
        let before = try site.snapshot()

        // when
        let badStart = coreError { try draft(site, client: client, from: "2026-02-30") }
        let badEnd = coreError { try draft(site, client: client, to: "31/12/2026") }

        // then
        #expect(invalidField(badStart) == "starts_on")
        #expect(invalidField(badEnd) == "ends_on")
        #expect(try site.snapshot() == before)
    }

    @Test func contractWithoutRacksIsInvalid() throws {
        // given
        let site = try TestSite()
        let client = try clientID(site)
        let before = try site.snapshot()

        // when
        let error = coreError {
            try site.core.registry.addContract(
                NewContract(number: "HT-1", clientId: client, startsOn: "2026-01-01", endsOn: "2026-12-31", racks: [], serverQuota: 1),
                by: site.service)
        }

        // then
        #expect(invalidField(error) == "racks")
        #expect(try site.snapshot() == before)
    }

    @Test func badNumbersInAContractAreInvalid() throws {
        // given
        let site = try TestSite()
        let client = try clientID(site)
        let before = try site.snapshot()
        func add(number: String = "HT-1", quota: Int = 1, ips: Int? = nil, ports: Int? = nil) -> CoreError? {
            coreError {
                try site.core.registry.addContract(
                    NewContract(
                        number: number, clientId: client, startsOn: "2026-01-01", endsOn: "2026-12-31", racks: ["A01"],
                        serverQuota: quota, ipsPerServer: ips, portsPerServer: ports),
                    by: site.service)
            }
        }

        // when / then
        #expect(invalidField(add(number: "HT 1")) == "number")
        #expect(invalidField(add(number: "")) == "number")
        #expect(invalidField(add(quota: -1)) == "server_quota")
        #expect(invalidField(add(ips: 0)) == "ips_per_server")
        #expect(invalidField(add(ports: 0)) == "ports_per_server")
        #expect(try site.snapshot() == before)
    }

    @Test func contractForUnknownClientIsNotFound() throws {
        // given
        let site = try TestSite()
        _ = site.service
        let before = try site.snapshot()

        // when
        let error = coreError { try draft(site, client: 99) }

        // then
        #expect(error == .notFound(entity: "client", key: "99"))
        #expect(try site.snapshot() == before)
    }

    @Test func unknownContractIsNotFound() throws {
        // given
        let site = try TestSite()

        // when
        let error = coreError { try site.core.registry.activateContract("NOPE", by: site.service) }

        // then
        #expect(error == .notFound(entity: "contract", key: "NOPE"))
    }

    @Test func q3ExceptionLivesInTheContract() throws {
        // given
        let site = try TestSite()
        let client = try clientID(site)
        let policy = site.core.policy

        // when
        let plain = try draft(site, client: client, number: "HT-1")
        let exception = try site.core.registry.addContract(
            NewContract(
                number: "HT-2", clientId: client, startsOn: "2026-01-01", endsOn: "2026-12-31", racks: ["A03"],
                serverQuota: 4, ipsPerServer: 4, portsPerServer: 2),
            by: site.service)

        // then
        #expect(plain.allowedIPsPerServer(policy) == 1)
        #expect(plain.allowedPortsPerServer(policy) == 1)
        #expect(exception.allowedIPsPerServer(policy) == 4)
        #expect(exception.allowedPortsPerServer(policy) == 2)
    }

    // MARK: - Status

    @Test func draftActivatesSuspendsAndReactivates() throws {
        // given
        let site = try TestSite()
        let client = try clientID(site)
        _ = try draft(site, client: client)
        let today = site.core.today

        // when / then
        let active = try site.core.registry.activateContract("HT-2026-001", by: site.service)
        #expect(active.status == .active)
        #expect(active.isInForce(on: today))

        let suspended = try site.core.registry.suspendContract("HT-2026-001", by: site.service)
        #expect(suspended.status == .suspended)
        #expect(!suspended.isInForce(on: today))

        let reactivated = try site.core.registry.activateContract("HT-2026-001", by: site.service)
        #expect(reactivated.status == .active)
        #expect(try site.core.registry.contract("HT-2026-001", by: site.service).status == .active)
        let actions = try site.auditTrail().suffix(3).map(\.action)
        #expect(actions == ["contract.activate", "contract.suspend", "contract.activate"])
    }

    @Test func suspendingADraftIsRefusedD1Status() throws {
        // given
        let site = try TestSite()
        _ = try draft(site, client: try clientID(site))

        // when
        let error = coreError { try site.core.registry.suspendContract("HT-2026-001", by: site.service) }

        // then
        #expect(refusal(error)?.clause.code == "D1.status")
        #expect(try site.core.registry.contract("HT-2026-001", by: site.service).status == .draft)
    }

    @Test func activatingAnActiveContractIsRefusedD1Status() throws {
        // given
        let site = try TestSite()
        _ = try draft(site, client: try clientID(site))
        _ = try site.core.registry.activateContract("HT-2026-001", by: site.service)

        // when
        let error = coreError { try site.core.registry.activateContract("HT-2026-001", by: site.service) }

        // then
        #expect(refusal(error)?.clause.code == "D1.status")
    }

    @Test func terminatedContractCannotBeReactivatedC9() throws {
        // given
        let site = try TestSite()
        _ = try draft(site, client: try clientID(site))
        _ = try site.core.registry.activateContract("HT-2026-001", by: site.service)
        let termination = try site.core.registry.terminateContract("HT-2026-001", by: site.service)
        #expect(termination.contract.status == .terminated)
        #expect(termination.contract.terminatedAt == site.now)
        let seq = try site.lastSeq()

        // when
        let error = coreError { try site.core.registry.activateContract("HT-2026-001", by: site.service) }

        // then
        #expect(refusal(error)?.clause.code == "C9.terminated")
        #expect(try site.core.registry.contract("HT-2026-001", by: site.service).status == .terminated)
        let audited = try site.audit(after: seq)
        #expect(audited.map(\.outcome) == [.refused])
        #expect(audited.first?.clause == "C9.terminated")
    }

    @Test func terminatingTwiceIsRefusedD1Status() throws {
        // given
        let site = try TestSite()
        _ = try draft(site, client: try clientID(site))
        _ = try site.core.registry.terminateContract("HT-2026-001", by: site.service)

        // when
        let error = coreError { try site.core.registry.terminateContract("HT-2026-001", by: site.service) }

        // then
        #expect(refusal(error)?.clause.code == "D1.status")
    }

    @Test func activatingAContractWhoseTermHasEndedIsRefusedD1Term() throws {
        // given: a draft whose term ended before today (2026-06-15)
        let site = try TestSite()
        _ = try draft(site, client: try clientID(site), from: "2026-01-01", to: "2026-06-14")

        // when
        let error = coreError { try site.core.registry.activateContract("HT-2026-001", by: site.service) }

        // then
        #expect(refusal(error)?.clause.code == "D1.term")
        #expect(try site.core.registry.contract("HT-2026-001", by: site.service).status == .draft)
    }

    @Test func reactivatingAfterTheTermEndedIsRefusedD1Term() throws {
        // given: active until 2026-06-30, suspended, and the site clock moves on
        let site = try TestSite()
        _ = try draft(site, client: try clientID(site), from: "2026-01-01", to: "2026-06-30")
        _ = try site.core.registry.activateContract("HT-2026-001", by: site.service)
        _ = try site.core.registry.suspendContract("HT-2026-001", by: site.service)

        // when: 23:30 on the last day in Beijing, then half an hour later
        site.now = ISO8601DateFormatter().date(from: "2026-06-30T15:30:00Z")!
        let onLastDay = try site.core.registry.activateContract("HT-2026-001", by: site.service)
        _ = try site.core.registry.suspendContract("HT-2026-001", by: site.service)
        site.now = ISO8601DateFormatter().date(from: "2026-06-30T16:00:00Z")!
        let error = coreError { try site.core.registry.activateContract("HT-2026-001", by: site.service) }

        // then: the term counts in the site's time zone
        #expect(onLastDay.status == .active)
        #expect(site.core.today == Day("2026-07-01"))
        #expect(refusal(error)?.clause.code == "D1.term")
        #expect(try site.core.registry.contract("HT-2026-001", by: site.service).status == .suspended)
    }

    @Test func contractIsInForceOnlyInsideItsTerm() throws {
        // given
        let site = try TestSite()
        _ = try draft(site, client: try clientID(site), from: "2026-07-01", to: "2026-07-31")
        let contract = try site.core.registry.activateContract("HT-2026-001", by: site.service)

        // when / then
        #expect(!contract.isInForce(on: Day("2026-06-30")!))
        #expect(contract.isInForce(on: Day("2026-07-01")!))
        #expect(contract.isInForce(on: Day("2026-07-31")!))
        #expect(!contract.isInForce(on: Day("2026-08-01")!))
    }

    @Test func contractsAreListedPerClient() throws {
        // given
        let site = try TestSite()
        let first = try clientID(site)
        let second = try site.core.registry.addClient(
            NewClient(kind: .company, name: "上海数桥网络有限公司", creditCode: "91310115MA1K3XY72K"), by: site.service
        ).id
        _ = try draft(site, client: first, number: "HT-1")
        _ = try draft(site, client: second, number: "HT-2")
        _ = try draft(site, client: first, number: "HT-3")

        // when
        let ofFirst = try site.core.registry.contracts(clientId: first, by: site.service)
        let all = try site.core.registry.contracts(by: site.service)

        // then
        #expect(ofFirst.map(\.number) == ["HT-1", "HT-3"])
        #expect(all.map(\.number) == ["HT-1", "HT-2", "HT-3"])
    }
}
