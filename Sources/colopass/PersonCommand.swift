import ArgumentParser
import ColopassCore
import Foundation

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: "客户维护人员 / Client maintenance staff",
        subcommands: [Add.self, Attach.self, Depart.self, List.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "登记人员 / Register a person")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Client id.") var client: Int64
        @Option(help: "Full name.") var name: String
        @Option(name: .customLong("id-type"), help: "resident_id | passport | hk_macau_permit | taiwan_permit | foreign_permanent_resident")
        var idType: String = "resident_id"
        @Option(name: .customLong("id-number")) var idNumber: String
        @Option var phone: String
        @Option(help: "Photo file (JPEG/PNG).") var photo: String?
        @Option(name: .customLong("id-copy"), help: "ID-copy scan (JPEG/PNG/PDF).") var idCopy: String?
        @Option(help: "Company letter scan (JPEG/PNG/PDF).") var letter: String?

        func run() throws {
            let core = try global.openCore()
            let view = try core.registry.addPerson(
                NewPerson(
                    clientId: client, name: name, idType: idType, idNumber: idNumber, phone: phone, photoPath: photo,
                    idCopyPath: idCopy, letterPath: letter),
                by: try global.actor(core))
            if global.json { return Output.json(view.display) }
            print("人员已登记 / person registered: \(view.person.id) \(view.person.name)")
            if !view.clientHasContractInForce {
                print("注意：该客户没有生效的合同，暂不能办理出入证 / note: the client has no contract in force; no card can be issued yet")
            }
        }
    }

    struct Attach: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "补充照片与扫描件 / Attach photo and scans")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Person id.") var id: Int64
        @Option var photo: String?
        @Option(name: .customLong("id-copy")) var idCopy: String?
        @Option var letter: String?

        func run() throws {
            let core = try global.openCore()
            let person = try core.registry.attachDocuments(
                personId: id, photoPath: photo, idCopyPath: idCopy, letterPath: letter, by: try global.actor(core))
            if global.json { return Output.json(person.masked) }
            print("已更新 / updated: \(person.id) \(person.name)")
        }
    }

    struct Depart: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "人员离职 (C5) / Person departed (C5)")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Person id.") var id: Int64

        func run() throws {
            let core = try global.openCore()
            let result = try core.registry.departPerson(id, by: try global.actor(core))
            if global.json { return Output.json(["person": String(result.person.id), "cancelled_cards": result.cancelledCards.joined(separator: ",")]) }
            print("已登记离职 / departed: \(result.person.id) \(result.person.name)")
            if !result.cancelledCards.isEmpty {
                print("已注销出入证 / cards cancelled: \(result.cancelledCards.joined(separator: ", "))")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出人员 / List people")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this client's.") var client: Int64?

        func run() throws {
            let core = try global.openCore()
            let people = try core.registry.people(clientId: client, by: try global.actor(core))
            if global.json { return Output.json(people.map(\.display)) }
            Output.table(
                ["ID", "客户/client", "姓名/name", "证件/ID", "状态/status", "提示/flag"],
                people.map {
                    [String($0.person.id), String($0.person.clientId), $0.person.name, $0.person.maskedIDNumber,
                     $0.person.status.rawValue, $0.display.flag ?? ""]
                })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "人员详情 / Show a person")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Person id.") var id: Int64

        func run() throws {
            let core = try global.openCore()
            let view = try core.registry.person(id, by: try global.actor(core))
            if global.json { return Output.json(view.display) }
            let p = view.person
            Output.fields([
                ("人员 / person", "\(p.id) \(p.name)"),
                ("客户 / client", String(p.clientId)),
                ("证件 / ID", "\(p.idType.rawValue) \(p.maskedIDNumber)"),
                ("电话 / phone", p.phone),
                ("照片 / photo", p.photo ?? "—"),
                ("身份证复印件 / ID copy", p.idCopy ?? "—"),
                ("介绍信 / letter", p.letter ?? "—"),
                ("状态 / status", p.status.rawValue),
                ("提示 / flag", view.display.flag ?? "—"),
            ])
        }
    }
}

/// A person as printed: ID number masked, and the no-contract flag spelled out.
struct PersonDisplay: Encodable {
    var person: Person
    var flag: String?
}

extension PersonView {
    var display: PersonDisplay {
        PersonDisplay(
            person: person.masked,
            flag: clientHasContractInForce ? nil : "无生效合同 / no contract in force")
    }
}
