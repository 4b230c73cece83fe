import ArgumentParser
import ColopassCore
import Foundation

struct ClientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client", abstract: "托管客户 / Hosting clients", subcommands: [Add.self, List.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "登记客户 / Register a client")
        @OptionGroup var global: GlobalOptions
        @Option(help: "company | individual") var kind: String
        @Option(help: "Company or person name.") var name: String
        @Option(name: .customLong("credit-code"), help: "Unified social credit code (company).") var creditCode: String?
        @Option(name: .customLong("id-type"), help: "ID document type (individual).") var idType: String = "resident_id"
        @Option(name: .customLong("id-number"), help: "ID document number (individual).") var idNumber: String?
        @Option(help: "Contact person as NAME:PHONE (repeatable).") var contact: [String] = []

        func run() throws {
            guard let kind = Client.Kind(rawValue: kind) else {
                throw CoreError.invalid("kind", zh: "应为 company 或 individual", en: "company or individual")
            }
            let contacts = try contact.map { text -> NewContact in
                let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2 else {
                    throw CoreError.invalid("contact", zh: "格式为 姓名:电话", en: "use NAME:PHONE")
                }
                return NewContact(name: parts[0], phone: parts[1])
            }
            let core = try global.openCore()
            let client = try core.registry.addClient(
                NewClient(
                    kind: kind, name: name, creditCode: creditCode, idType: kind == .individual ? idType : nil,
                    idNumber: idNumber, contacts: contacts),
                by: try global.actor(core))
            if global.json { return Output.json(client) }
            print("客户已登记 / client registered: \(client.id) \(client.name)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出客户 / List clients")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let core = try global.openCore()
            let clients = try core.registry.clients(by: try global.actor(core))
            if global.json { return Output.json(clients.map(\.display)) }
            Output.table(
                ["ID", "类型/kind", "名称/name", "证照/identifier", "状态/status"],
                clients.map { [String($0.id), $0.kind.rawValue, $0.name, $0.display.identifier, $0.status.rawValue] })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "客户详情 / Show a client")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Client id.") var id: Int64

        func run() throws {
            let core = try global.openCore()
            let actor = try global.actor(core)
            let (client, contacts) = try core.registry.client(id, by: actor)
            let contracts = try core.registry.contracts(clientId: id, by: actor)
            if global.json {
                return Output.json(ClientDetail(client: client.display, contacts: contacts, contracts: contracts))
            }
            Output.fields([
                ("客户 / client", "\(client.id) \(client.name)"),
                ("类型 / kind", client.kind.rawValue),
                ("证照 / identifier", client.display.identifier),
                ("状态 / status", client.status.rawValue),
            ])
            for contact in contacts { print("联系人 / contact: \(contact.name) \(contact.phone)") }
            for contract in contracts {
                print("合同 / contract: \(contract.number) \(contract.status.rawValue) \(contract.startsOn)…\(contract.endsOn)")
            }
        }
    }
}

/// A client as shown outside the core: the individual's ID number masked.
struct ClientDisplay: Encodable {
    var id: Int64
    var kind: String
    var name: String
    var identifier: String
    var status: String
}

struct ClientDetail: Encodable {
    var client: ClientDisplay
    var contacts: [ClientContact]
    var contracts: [Contract]
}

extension Client {
    var display: ClientDisplay {
        ClientDisplay(
            id: id, kind: kind.rawValue, name: name, identifier: creditCode ?? maskedIDNumber ?? "",
            status: status.rawValue)
    }
}
