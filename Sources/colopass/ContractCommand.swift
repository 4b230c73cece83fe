import ArgumentParser
import ColopassCore
import Foundation

struct ContractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract", abstract: "托管合同 / Hosting contracts",
        subcommands: [Add.self, Activate.self, Suspend.self, Terminate.self, List.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "新建合同（草稿）/ Add a contract (draft)")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Unique contract number.") var number: String
        @Option(help: "Client id.") var client: Int64
        @Option(help: "First day, YYYY-MM-DD.") var from: String
        @Option(help: "Last day, YYYY-MM-DD.") var to: String
        @Option(help: "Racks, comma-separated.") var racks: String
        @Option(name: .customLong("server-quota"), help: "Most servers hosted.") var serverQuota: Int
        @Option(name: .customLong("ips-per-server"), help: "Q3 exception: IPs per server.") var ipsPerServer: Int?
        @Option(name: .customLong("ports-per-server"), help: "Q3 exception: ports per server.") var portsPerServer: Int?

        func run() throws {
            let core = try global.openCore()
            let contract = try core.registry.addContract(
                NewContract(
                    number: number, clientId: client, startsOn: from, endsOn: to,
                    racks: racks.split(separator: ",").map(String.init), serverQuota: serverQuota,
                    ipsPerServer: ipsPerServer, portsPerServer: portsPerServer),
                by: try global.actor(core))
            if global.json { return Output.json(contract) }
            print("合同已创建（草稿）/ contract added (draft): \(contract.number)")
        }
    }

    struct Activate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "启用合同 / Activate a contract")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String

        func run() throws {
            let core = try global.openCore()
            let contract = try core.registry.activateContract(number, by: try global.actor(core))
            if global.json { return Output.json(contract) }
            print("合同已生效 / contract active: \(contract.number)")
        }
    }

    struct Suspend: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "暂停合同 / Suspend a contract")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String

        func run() throws {
            let core = try global.openCore()
            let contract = try core.registry.suspendContract(number, by: try global.actor(core))
            if global.json { return Output.json(contract) }
            print("合同已暂停 / contract suspended: \(contract.number)")
        }
    }

    struct Terminate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "终止合同 (C9) / Terminate a contract (C9)")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String

        func run() throws {
            let core = try global.openCore()
            let result = try core.registry.terminateContract(number, by: try global.actor(core))
            if global.json { return Output.json(TerminationDisplay(result)) }
            print("合同已终止 / contract terminated: \(result.contract.number)")
            print("已注销出入证 / cards cancelled: \(result.cancelledCards.joined(separator: ", "))")
            if !result.cardsToCollect.isEmpty {
                print("待收回实体卡 / cards to collect (C9): \(result.cardsToCollect.joined(separator: ", "))")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出合同 / List contracts")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this client's.") var client: Int64?

        func run() throws {
            let core = try global.openCore()
            let contracts = try core.registry.contracts(clientId: client, by: try global.actor(core))
            if global.json { return Output.json(contracts) }
            Output.table(
                ["编号/number", "客户/client", "起/from", "止/to", "状态/status", "机柜/racks", "配额/quota"],
                contracts.map {
                    [$0.number, String($0.clientId), $0.startsOn.description, $0.endsOn.description, $0.status.rawValue,
                     $0.racks, String($0.serverQuota)]
                })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "合同详情 / Show a contract")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String

        func run() throws {
            let core = try global.openCore()
            let contract = try core.registry.contract(number, by: try global.actor(core))
            if global.json { return Output.json(contract) }
            Output.fields([
                ("编号 / number", contract.number),
                ("客户 / client", String(contract.clientId)),
                ("期限 / term", "\(contract.startsOn) … \(contract.endsOn)"),
                ("状态 / status", contract.status.rawValue),
                ("机柜 / racks", contract.racks),
                ("服务器配额 / server quota", String(contract.serverQuota)),
                ("每台 IP / IPs per server", String(contract.allowedIPsPerServer(core.policy))),
                ("每台端口 / ports per server", String(contract.allowedPortsPerServer(core.policy))),
            ])
        }
    }
}

struct TerminationDisplay: Encodable {
    var contract: Contract
    var cancelledCards: [String]
    var cardsToCollect: [String]

    init(_ termination: Termination) {
        contract = termination.contract
        cancelledCards = termination.cancelledCards
        cardsToCollect = termination.cardsToCollect
    }
}
