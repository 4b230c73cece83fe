import ArgumentParser
import ColopassCore
import Foundation

extension IPCommand {
    struct Pool: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "IP 地址池 / Address pools", subcommands: [Add.self, List.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "添加地址池 / Add a pool (CIDR)")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "IPv4 block, e.g. 10.20.0.0/24.") var cidr: String
            @Option var note: String?

            func run() throws {
                let core = try global.openCore()
                let pool = try core.equipment.addIPPool(cidr: cidr, note: note, by: try global.actor(core))
                if global.json { return Output.json(pool) }
                let block = pool.block
                print("地址池已添加 / pool added: \(pool.cidr)  \(block.firstHost)–\(block.lastHost) (\(block.hostCount))")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "列出地址池 / List pools")
            @OptionGroup var global: GlobalOptions

            func run() throws {
                let core = try global.openCore()
                let pools = try core.equipment.ipPools(by: try global.actor(core))
                if global.json { return Output.json(pools) }
                Output.table(
                    ["地址池/pool", "范围/hosts", "总数/size", "已用/used", "空闲/free"],
                    pools.map {
                        [$0.pool.cidr, "\($0.firstHost)–\($0.lastHost)", String($0.size), String($0.inUse),
                         String($0.size - $0.inUse)]
                    })
            }
        }
    }

    struct Ports: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "交换机端口 / Switch ports", subcommands: [Add.self, List.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "添加交换机端口 / Add a switch's ports")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "Switch name, e.g. SW-A01.") var switchName: String
            @Option var from: Int
            @Option var to: Int

            func run() throws {
                let core = try global.openCore()
                let pool = try core.equipment.addPortPool(switch: switchName, from: from, to: to, by: try global.actor(core))
                if global.json { return Output.json(pool) }
                print("端口已添加 / ports added: \(pool.switchName) \(pool.firstPort)–\(pool.lastPort)")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "列出交换机端口 / List switch ports")
            @OptionGroup var global: GlobalOptions

            func run() throws {
                let core = try global.openCore()
                let pools = try core.equipment.portPools(by: try global.actor(core))
                if global.json { return Output.json(pools) }
                Output.table(
                    ["交换机/switch", "端口/ports", "已用/used", "空闲/free"],
                    pools.map {
                        [$0.pool.switchName, "\($0.pool.firstPort)–\($0.pool.lastPort)", String($0.inUse),
                         String($0.size - $0.inUse)]
                    })
            }
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "按合同追加 IP 或端口 (Q3) / One more IP or port, as the contract allows (Q3)")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Inventory number (EQ-…) or serial of the server.") var item: String
        @Flag(help: "A switch port instead of an address.") var port = false

        func run() throws {
            let core = try global.openCore()
            let actor = try global.actor(core)
            if port {
                let allocation = try core.equipment.assignPort(item: item, by: actor)
                if global.json { return Output.json(allocation) }
                print("已分配端口 / port assigned: \(allocation.label)")
            } else {
                let allocation = try core.equipment.assignAddress(item: item, by: actor)
                if global.json { return Output.json(allocation) }
                print("已分配 IP / address assigned: \(allocation.address)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "在用 IP / Addresses in use")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this client's.") var client: Int64?

        func run() throws {
            let core = try global.openCore()
            let allocations = try core.equipment.addressAllocations(clientId: client, by: try global.actor(core))
            if global.json { return Output.json(allocations) }
            Output.table(
                ["IP", "客户/client", "设备/item", "分配/since"],
                allocations.map {
                    [$0.address, String($0.clientId), String(format: "EQ-%06lld", $0.itemId), core.siteClock($0.allocatedAt)]
                })
        }
    }
}
