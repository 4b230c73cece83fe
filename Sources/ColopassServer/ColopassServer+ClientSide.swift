import ColopassCore

extension ColopassServer {
    /// The client's side: document review, notifications, the roster, the access log and the
    /// client's own removals. One term in the route table's sum keeps it quick to type-check.
    static func clientSideRoutes(core: Core) -> [APIRoute] {
        let controllers: [[APIRoute]] = [
            DocumentReviewsController(core: core).routes,
            NotificationsController(core: core).routes,
            RosterController(core: core).routes,
            AccessLogController(core: core).routes,
            ClientRemovalsController(core: core).routes,
            PortalRosterPages(core: core).routes,
        ]
        return controllers.flatMap { $0 }
    }
}
