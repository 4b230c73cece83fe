import Foundation

@testable import ColopassCore

/// A company with a client administrator, ready to subscribe, and the receivers' folder.
struct OutboxScene {
    let site: TestSite
    let client: Client
    let clientAdmin: Actor

    init(_ site: TestSite = try! TestSite()) throws {
        self.site = site
        client = try site.company().client
        let account = try site.core.accounts.addAccount(name: "yz-admin", role: .clientUser, clientId: client.id, by: .system)
        _ = try site.core.accounts.setClientAdmin(account.name, granted: true, by: site.admin)
        clientAdmin = Actor(account: account)
    }

    var receivers: String { site.directory + "/receivers" }

    func webhook(_ receiver: NotificationReceiver) -> String { "http://127.0.0.1:\(receiver.port)/hooks/colopass" }

    /// A temporary-entry request from the client, for the desk to decide.
    func fileVisit() throws -> VisitRequestView {
        try site.core.passes.fileVisitRequest(
            NewVisitRequest(
                clientId: client.id, reason: "更换硬盘", windowStart: site.now.addingTimeInterval(6 * 3600),
                windowEnd: site.now.addingTimeInterval(9 * 3600),
                visitors: [
                    NewVisitor(name: "赵六", idNumber: "110108197910014561"),
                    NewVisitor(name: "钱七", idNumber: "11010519491231002X"),
                ], letterPath: TestSite.fixtures + "/letter.pdf"),
            by: clientAdmin)
    }

    func deliveries() throws -> [DeliveryView] {
        try site.core.outbox.deliveries(clientId: nil, by: site.admin)
    }
}
