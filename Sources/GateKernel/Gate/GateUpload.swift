/// The service's answer to a batch of door events: how many were new and how many it already
/// had (an event id seen before is never counted twice).
public struct GateUpload: Sendable, Codable, Equatable {
    public var accepted: Int
    public var duplicates: Int

    public init(accepted: Int, duplicates: Int) {
        self.accepted = accepted
        self.duplicates = duplicates
    }
}
