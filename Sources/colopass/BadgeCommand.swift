import ArgumentParser
import ColopassCore
import Foundation

struct BadgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "badge", abstract: "胸卡 / Badges", subcommands: [Render.self])

    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "生成胸卡 SVG/PNG / Render a card's badge")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String
        @Option(help: "Output folder (default badges/<card-number>).") var out: String?

        func run() throws {
            let core = try global.openCore()
            let badge = try core.cards.renderBadge(try CardNumber(number), by: try global.actor(core))
            let files = try badge.write(to: out ?? "badges/\(badge.cardNumber)")
            if global.json { return Output.json(files) }
            files.forEach { print($0) }
        }
    }
}
