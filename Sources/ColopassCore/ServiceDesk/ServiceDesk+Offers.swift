import Foundation

/// What the asker may do to a ticket now, as the desk's page offers it: the same conditions the
/// actions check (K1 owner and state, K3 analysis, K4 contact form), so a page never offers what
/// the core would refuse.
public struct TicketOffers: Sendable, Equatable {
    /// Write down what the client said (K1).
    public var log = false
    public var reply = false
    /// A complaint's reply proposes a solution (K2).
    public var solutionRequired = false
    public var transfer = false
    public var resolve = false
    public var reopen = false
    public var contactForm = false
    public var writeAnalysis = false
    public var deliverAnalysis = false
}

extension ServiceDesk {
    public func offers(_ view: TicketView, to actor: Actor) -> TicketOffers {
        let ticket = view.ticket
        let open = ticket.state != .resolved
        let handles = actor.may(.handleTicket) && Self.mayHandle(ticket, actor, at: clock.now())
        var offers = TicketOffers()
        offers.log = open && actor.may(.fileTicket)
        offers.reply = open && handles
        offers.solutionRequired = ticket.kind == .complaint
        offers.transfer = open && handles
        offers.resolve = open && handles
        offers.reopen = !open && actor.may(.handleTicket)
        offers.contactForm = actor.may(.handleTicket) && ticket.contactFormDue != nil && ticket.contactFormAt == nil
        offers.writeAnalysis = actor.may(.handleTicket) && ticket.kind == .fault && view.analysis?.deliveredAt == nil
        offers.deliverAnalysis = actor.may(.handleTicket) && view.analysis != nil && view.analysis?.deliveredAt == nil
        return offers
    }
}
