import Foundation
import GRDB
import Testing

@testable import ColopassCore

@Suite("IP and port allocation (Q3, S3)")
struct AllocationTests {
    @Test func acceptedServerGetsOneAddressAndOnePortQ3() throws {
        let site = try TestSite()
        _ = try site.hostingCompany()
        try site.addPools(cidr: "10.20.0.0/24")
        let order = try site.orderOnRackingDay(items: [TestSite.server("SN-1")])
        let acceptance = try site.core.equipment.acceptItem(workOrder: try WorkOrderNumber(order.number), serial: "SN-1", by: site.supervisor)
        // The network address .0 is never handed out.
        #expect(acceptance.addresses == ["10.20.0.1"])
        #expect(acceptance.ports == ["SW-A01/1"])
    }

    @Test func equipmentOtherThanServersDrawsNoAddressQ3() throws {
        let site = try TestSite()
        _ = try site.hostingCompany()
        try site.addPools()
        let item = NewWorkOrderItem(kind: .switch, brand: "H3C", model: "S5130", serial: "SW-9", rack: "A01", uPosition: 40)
        let order = try site.orderOnRackingDay(items: [item])
        let acceptance = try site.core.equipment.acceptItem(workOrder: try WorkOrderNumber(order.number), serial: "SW-9", by: site.supervisor)
        #expect(acceptance.addresses.isEmpty)
        #expect(acceptance.ports.isEmpty)
    }

    @Test func secondAddressWithoutAContractAllowanceIsRefusedQ3Allowance() throws {
        let site = try TestSite()
        _ = try site.hostingCompany()
        try site.addPools()
        let server = try #require(try site.hostedServers(["SN-1"]).first)
        #expect(site.refusalClause { _ = try site.core.equipment.assignAddress(item: server.number, by: site.admin) } == "Q3.allowance")
        #expect(site.refusalClause { _ = try site.core.equipment.assignPort(item: "SN-1", by: site.admin) } == "Q3.allowance")
        #expect(try site.liveAddresses(of: server).count == 1)
    }

    @Test func secondAddressWithAContractAllowanceIsGivenQ3Allowance() throws {
        let site = try TestSite()
        _ = try site.hostingCompany(ipsPerServer: 2)
        try site.addPools()
        let server = try #require(try site.hostedServers(["SN-1"]).first)
        // Acceptance still gives the default one; the exception is taken on request.
        #expect(try site.liveAddresses(of: server) == ["10.20.0.1"])
        let second = try site.core.equipment.assignAddress(item: server.number, by: site.admin)
        #expect(second.address == "10.20.0.2")
        #expect(site.refusalClause { _ = try site.core.equipment.assignAddress(item: server.number, by: site.admin) } == "Q3.allowance")
    }

    @Test func exhaustedPoolIsARefusalQ3PoolExhausted() throws {
        let site = try TestSite()
        _ = try site.hostingCompany()
        try site.addPools(cidr: "10.20.0.0/30")  // two hosts: .1 and .2
        let order = try site.orderOnRackingDay(items: ["SN-1", "SN-2", "SN-3"].enumerated().map { TestSite.server($1, u: 1 + 2 * $0) })
        _ = try site.core.equipment.acceptItem(workOrder: try WorkOrderNumber(order.number), serial: "SN-1", by: site.supervisor)
        _ = try site.core.equipment.acceptItem(workOrder: try WorkOrderNumber(order.number), serial: "SN-2", by: site.supervisor)
        #expect(
            site.refusalClause { _ = try site.core.equipment.acceptItem(workOrder: try WorkOrderNumber(order.number), serial: "SN-3", by: site.supervisor) }
                == "Q3.pool_exhausted")
        // The acceptance rolled back as a whole: no server on site without its address.
        #expect(try site.count("inventory_item") == 2)
        #expect(try site.core.equipment.ipPools(by: site.service).first?.inUse == 2)
    }

    @Test func anAddressIsNeverGivenToTwoServersS3() throws {
        let site = try TestSite()
        _ = try site.hostingCompany()
        _ = try site.otherCompany()
        try site.addPools()
        let first = try site.hostedServers(["SN-1", "SN-2"])
        site.now = TestSite.defaultNow
        let second = try site.hostedServers(["SN-3"], contract: "HT-2")
        let addresses = try (first + second).flatMap { try site.liveAddresses(of: $0) }
        #expect(Set(addresses).count == 3)
        // Below the allocator, the store itself refuses a second live row for an address.
        #expect(throws: DatabaseError.self) {
            try site.core.store.pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO ip_allocation (id, pool_id, address, address_value, item_id, client_id, allocated_at, allocated_by)
                        SELECT 99, pool_id, address, address_value, ?, client_id, allocated_at, 'intruder' FROM ip_allocation WHERE id = 1
                        """, arguments: [second[0].id])
            }
        }
    }

    @Test(arguments: ["10.20.0.0", "10.20.0.1/24", "10.20.0.0/31", "10.0.0.0/8", "300.1.1.0/24", "10.020.0.0/24", "x/24"])
    func malformedPoolIsInvalidInputNamingCidr(cidr: String) throws {
        let site = try TestSite()
        #expect(invalidField(coreError { try site.core.equipment.addIPPool(cidr: cidr, by: site.admin) }) == "cidr")
        #expect(try site.count("ip_pool") == 0)
    }

    @Test func poolsNeverOverlapS3Overlap() throws {
        let site = try TestSite()
        _ = try site.core.equipment.addIPPool(cidr: "10.20.0.0/24", by: site.admin)
        #expect(site.refusalClause { _ = try site.core.equipment.addIPPool(cidr: "10.20.0.128/25", by: site.admin) } == "S3.overlap")
        _ = try site.core.equipment.addPortPool(switch: "SW-A01", from: 1, to: 24, by: site.admin)
        #expect(site.refusalClause { _ = try site.core.equipment.addPortPool(switch: "SW-A01", from: 20, to: 48, by: site.admin) } == "S3.overlap")
    }

    @Test func onlyTheAdministratorManagesPoolsR1Role() throws {
        let site = try TestSite()
        #expect(site.refusalClause { _ = try site.core.equipment.addIPPool(cidr: "10.20.0.0/24", by: site.service) } == "R1.role")
    }

    @Test func cidrArithmeticExcludesNetworkAndBroadcast() throws {
        let block = try IPv4Network(parsing: "192.168.10.0/29")
        #expect(block.firstHost.description == "192.168.10.1")
        #expect(block.lastHost.description == "192.168.10.6")
        #expect(block.broadcast.description == "192.168.10.7")
        #expect(block.hostCount == 6)
    }
}
