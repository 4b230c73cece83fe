import ArgumentParser
import ColopassCore
import Foundation

extension RemovalCommand {
    struct File: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "提交撤机清单或检修搬出申请 (Q4, Q5) / File a decommission list or a repair application")
        @OptionGroup var global: GlobalOptions
        @Option(help: "decommission | repair") var kind: String
        @Option(help: "Client id.") var client: Int64
        @Option(name: .customLong("item"), help: "Inventory number (EQ-…) or serial; repeat for each item.")
        var items: [String] = []
        @Option(help: "Removal date, YYYY-MM-DD.") var date: String
        @Option(help: "Company named on the sealed application (repair).") var company: String?
        @Option(name: .customLong("mover"), help: "NAME:ID_NUMBER or NAME:ID_TYPE:ID_NUMBER; repeat per mover.")
        var movers: [String] = []
        @Option(name: .customLong("id-copy"), help: "Scan of each mover's ID copy, in the order of --mover.")
        var idCopies: [String] = []
        @Option(help: "Scan of the sealed application (repair) or the equipment list.") var application: String?
        @Option var note: String?

        func run() throws {
            guard let kind = RemovalRequest.Kind(rawValue: kind) else {
                throw CoreError.invalid("kind", zh: "类型应为 decommission 或 repair", en: "decommission or repair")
            }
            let core = try global.openCore()
            let view = try core.equipment.fileRemoval(
                NewRemovalRequest(
                    kind: kind, clientId: client, items: items, removalDate: date, companyName: company,
                    movers: movers.enumerated().map { Self.mover($1, idCopy: $0 < idCopies.count ? idCopies[$0] : nil) },
                    applicationScanPath: application, note: note),
                by: try global.actor(core))
            if global.json { return Output.json(view) }
            print("申请已提交 / request filed: \(view.request.number) \(kind.title.line)  搬出日期 / date \(view.request.removalDate)")
        }

        /// `NAME:ID` or `NAME:TYPE:ID`; a part left out reaches the core empty, which names the field.
        static func mover(_ text: String, idCopy: String?) -> NewRemovalMover {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            switch parts.count {
            case 3: return NewRemovalMover(name: parts[0], idType: parts[1], idNumber: parts[2], idCopyPath: idCopy)
            case 2: return NewRemovalMover(name: parts[0], idNumber: parts[1], idCopyPath: idCopy)
            default: return NewRemovalMover(name: text, idNumber: nil, idCopyPath: idCopy)
            }
        }
    }
}
