import Foundation
import HTTPTypes
import Hummingbird

/// The address a sign-in is throttled by: the peer's, unless the peer is a proxy the operator
/// listed, whose `X-Forwarded-For` is read from the right: the first address that is not one of
/// our proxies is the client as the outermost of them saw it.
enum ClientAddress {
    static func of(_ request: Request, _ context: AppRequestContext, trusting proxies: Set<String>) -> String {
        let peer = context.remoteAddress
        guard proxies.contains(peer), let header = request.headers[.xForwardedFor] else { return peer }
        let hops = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return hops.reversed().first { !proxies.contains($0) } ?? peer
    }
}

extension HTTPField.Name {
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}
