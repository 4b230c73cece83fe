/// A batch of door events: the body of `POST /api/gate/events` and of an events file.
public struct GateEventBatch: Codable, Sendable {
    public var events: [GateEvent]

    public init(events: [GateEvent]) {
        self.events = events
    }
}
