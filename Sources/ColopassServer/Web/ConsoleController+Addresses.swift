import ColopassCore
import Foundation
import Hummingbird

/// IP and switch-port pools and who holds what (Q3, S3): the pools with their use, the hosted
/// servers with their addresses and ports, one more of either where the contract allows it, and
/// new pools (admin). The core refuses overlapping pools and any address beyond the contract.
extension ConsoleController {
    var addressRoutes: [APIRoute] {
        [
            APIRoute(.get, "/web/addresses", .signedIn, .viewRegistry) { request, context in
                let actor = try context.actor(core)
                let page = Page(Bilingual(zh: "IP 与端口", en: "IPs and ports"), request, context, core)
                let ipPools = try core.equipment.ipPools(by: actor).map {
                    AddressesPage.Pool(
                        name: $0.pool.cidr, range: "\($0.firstHost) – \($0.lastHost)", used: $0.inUse, size: $0.size,
                        note: $0.pool.note ?? "")
                }
                let portPools = try core.equipment.portPools(by: actor).map {
                    AddressesPage.Pool(
                        name: $0.pool.switchName, range: "\($0.pool.firstPort) – \($0.pool.lastPort)", used: $0.inUse,
                        size: $0.size, note: "")
                }
                let servers = try core.equipment.addressing(by: actor).map {
                    AddressesPage.Server(
                        number: $0.view.item.number, client: $0.view.clientName, contract: $0.contractNumber,
                        serial: $0.view.item.serial ?? "—", location: $0.view.item.location,
                        addresses: $0.view.addresses.joined(separator: ", "), ports: $0.view.ports.joined(separator: ", "),
                        allowance: page.t(
                            "\($0.allowedIPs) 个 IP，\($0.allowedPorts) 个端口",
                            "\($0.allowedIPs) IP\($0.allowedIPs == 1 ? "" : "s"), \($0.allowedPorts) port\($0.allowedPorts == 1 ? "" : "s")"),
                        mayAddIP: $0.mayAddIP, mayAddPort: $0.mayAddPort)
                }
                return page.render(
                    "addresses",
                    AddressesPage(ipPools: ipPools, portPools: portPools, servers: servers, mayManage: actor.may(.manageIPPools)),
                    path: "/web/addresses")
            },
            APIRoute(.post, "/web/ip-pools", .signedIn, .manageIPPools) { request, context in
                let form = try await WebForm.read(request, context, core)
                _ = try core.equipment.addIPPool(cidr: try form.require("cidr"), note: form.text("note"), by: try context.actor(core))
                return Redirect.to("/web/addresses?done=pool")
            },
            APIRoute(.post, "/web/port-pools", .signedIn, .manageIPPools) { request, context in
                let form = try await WebForm.read(request, context, core)
                _ = try core.equipment.addPortPool(
                    switch: try form.require("switch"), from: Int(try form.int("from")), to: Int(try form.int("to")),
                    by: try context.actor(core))
                return Redirect.to("/web/addresses?done=pool")
            },
            APIRoute(.post, "/web/inventory/{item}/ip", .signedIn, .manageIPPools) { request, context in
                _ = try await WebForm.read(request, context, core)
                _ = try core.equipment.assignAddress(item: try Input.text("item", context), by: try context.actor(core))
                return Redirect.to("/web/addresses?done=ip")
            },
            APIRoute(.post, "/web/inventory/{item}/port", .signedIn, .manageIPPools) { request, context in
                _ = try await WebForm.read(request, context, core)
                _ = try core.equipment.assignPort(item: try Input.text("item", context), by: try context.actor(core))
                return Redirect.to("/web/addresses?done=port")
            },
        ]
    }
}

struct AddressesPage {
    let ipPools: [Pool]
    let portPools: [Pool]
    let servers: [Server]
    let mayManage: Bool

    struct Pool {
        let name, range: String
        let used, size: Int
        let note: String
    }

    struct Server {
        let number, client, contract, serial, location, addresses, ports, allowance: String
        let mayAddIP, mayAddPort: Bool
    }
}
