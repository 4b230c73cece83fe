import ColopassCore
import Foundation
import Logging

/// The service desk's clock inside `colopass serve`: at the policy's interval (each minute) it
/// escalates the deadlines that have passed and, in the survey month, creates the needs surveys.
/// The core makes each escalation once in the database, so a restart, or two servers on one
/// site, never escalate the same deadline twice.
public struct ServiceDeskClockJob: Sendable {
    let core: Core
    let logger: Logger

    public init(core: Core, logger: Logger = Logger(label: "colopass.service-desk-clock")) {
        self.core = core
        self.logger = logger
    }

    /// Runs until the task is cancelled.
    public func run() async {
        let interval = core.policy.serviceDesk.clockIntervalSeconds
        while !Task.isCancelled {
            do {
                let run = try await Offload.cpu { try core.serviceDesk.runClock() }
                if run.escalated > 0 || run.surveysCreated > 0 {
                    logger.info("service desk clock: \(run.escalated) escalated, \(run.surveysCreated) surveys created")
                }
            } catch {
                logger.error("service desk clock failed: \(error)")
            }
            try? await Task.sleep(for: .seconds(interval))
        }
    }
}
