import ArgumentParser
import ColopassCore
import Foundation

extension GateCommand {
    /// What the doors raised for an operator: people let out on stopped credentials (G3), exit
    /// slips honoured twice (Q4, Q5).
    struct Alerts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "门禁警报 / Door alerts: let out on a stopped credential (G3), a slip used twice (Q4/Q5)")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Also the acknowledged ones.") var all = false

        func run() throws {
            let core = try global.openCore()
            let alerts = try core.gate.gateAlerts(includeAcknowledged: all, by: try global.actor(core))
            if global.json { return Output.json(alerts) }
            let zone = core.policy.site.timeZone
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            func time(_ date: Date) -> String {
                let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
                return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
            }
            Output.table(
                ["时间/raised", "门/gate", "条款/clause", "持证人/holder", "说明/what"],
                alerts.map { [time($0.raisedAt), $0.gate, $0.clause, $0.holderName ?? "—", $0.message.line] })
        }
    }
}
