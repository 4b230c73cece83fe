import ColopassCore
import Foundation

/// The role walk's samples for the service desk's routes (K1–K9), merged into `RouteSamples.all`.
enum ServiceDeskRouteSamples {
    static func make() -> [String: RouteSamples.Make] {
        var all: [String: RouteSamples.Make] = [:]
        all["GET /api/tickets"] = { site, f in
            _ = try site.complaintA(f)
            return RouteSample(uri: "/api/tickets", allowed: "ua")
        }
        all["POST /api/tickets"] = { _, f in
            RouteSample(
                uri: "/api/tickets",
                body: ["client_id": f.clientA, "kind": "request", "subject": "申请上架", "words": "下周二上架两台"],
                allowed: "ua")
        }
        all["GET /api/tickets/{id}"] = { site, f in
            RouteSample(uri: "/api/tickets/\(try site.complaintA(f))", allowed: "ua")
        }
        all["POST /api/tickets/{id}/log"] = { site, f in
            RouteSample(uri: "/api/tickets/\(try site.complaintA(f))/log", body: ["words": "又热了"], allowed: "ua")
        }
        all["POST /api/tickets/{id}/reply"] = { site, f in
            RouteSample(
                uri: "/api/tickets/\(try site.complaintA(f))/reply", body: ["text": "已安排", "solution": "加装空调"],
                allowed: "kefu")
        }
        all["POST /api/tickets/{id}/transfer"] = { site, f in
            RouteSample(
                uri: "/api/tickets/\(try site.complaintA(f))/transfer", body: ["to": "kefu2", "reason": "换班"],
                allowed: "kefu")
        }
        all["POST /api/tickets/{id}/resolve"] = { site, f in
            RouteSample(uri: "/api/tickets/\(try site.complaintA(f))/resolve", body: ["resolution": "已降温"], allowed: "kefu")
        }
        all["POST /api/tickets/{id}/reopen"] = { site, f in
            let id = try site.complaintA(f)
            return RouteSample(
                uri: "/api/tickets/\(id)/reopen", body: ["reason": "又热了"], allowed: "kefu",
                setup: { site, _ in _ = try site.core.serviceDesk.resolve(id, resolution: "已降温", by: site.actor("kefu")) })
        }
        all["POST /api/tickets/{id}/contact-form"] = { site, f in
            RouteSample(
                uri: "/api/tickets/\(try site.faultA(f))/contact-form", body: ["reference": "LLD-1"], allowed: "kefu")
        }
        all["PUT /api/tickets/{id}/analysis"] = { site, f in
            RouteSample(uri: "/api/tickets/\(try site.faultA(f))/analysis", body: analysis, allowed: "kefu")
        }
        all["GET /api/tickets/{id}/analysis"] = { site, f in
            let id = try site.faultA(f)
            return RouteSample(
                uri: "/api/tickets/\(id)/analysis", allowed: "ua", setup: { site, _ in try site.writeAnalysis(id) })
        }
        all["POST /api/tickets/{id}/analysis/deliver"] = { site, f in
            let id = try site.faultA(f)
            return RouteSample(
                uri: "/api/tickets/\(id)/analysis/deliver", body: ["to": "客户运维"], allowed: "kefu",
                setup: { site, _ in try site.writeAnalysis(id) })
        }
        all["GET /api/account-managers/{client}"] = { _, f in
            RouteSample(
                uri: "/api/account-managers/\(f.clientA)", allowed: "ua",
                setup: { site, f in
                    _ = try site.core.serviceDesk.assignAccountManager(clientId: f.clientA, account: "kefu", by: site.actor("kefu"))
                })
        }
        all["PUT /api/account-managers/{client}"] = { _, f in
            RouteSample(uri: "/api/account-managers/\(f.clientA)", body: ["account": "kefu2"], allowed: "kefu")
        }
        all["GET /api/follow-ups"] = { _, _ in RouteSample(uri: "/api/follow-ups", allowed: "kefu") }
        all["POST /api/follow-ups"] = { _, f in
            RouteSample(uri: "/api/follow-ups", body: ["client_id": f.clientA, "note": "客户满意"], allowed: "kefu")
        }
        all["GET /api/needs-surveys"] = { _, _ in RouteSample(uri: "/api/needs-surveys", allowed: "boss") }
        all["POST /api/needs-surveys"] = { _, f in
            RouteSample(uri: "/api/needs-surveys", body: ["client_id": f.clientA, "note": "明年扩容"], allowed: "kefu")
        }
        all["GET /api/duty"] = { _, _ in RouteSample(uri: "/api/duty", allowed: "kefu") }
        all["PUT /api/duty/{day}"] = { _, _ in
            RouteSample(uri: "/api/duty/2026-10-01", body: ["staff": ["kefu"]], allowed: "boss")
        }
        all["GET /api/reports/service"] = { _, _ in
            RouteSample(uri: "/api/reports/service?month=2026-06&format=csv", allowed: "boss")
        }
        all["GET /web/desk"] = { site, f in
            _ = try site.complaintA(f)
            return RouteSample(uri: "/web/desk", allowed: "kefu")
        }
        all["GET /web/tickets/{id}"] = { site, f in RouteSample(uri: "/web/tickets/\(try site.complaintA(f))", allowed: "ua") }
        all["POST /web/tickets/{id}/log"] = { site, f in
            RouteSample(uri: "/web/tickets/\(try site.complaintA(f))/log", form: ["words": "又热了"], allowed: "ua")
        }
        all["GET /web/portal/tickets"] = { site, f in
            _ = try site.complaintA(f)
            return RouteSample(uri: "/web/portal/tickets", allowed: "ua")
        }
        all["POST /web/portal/tickets"] = { _, f in
            RouteSample(
                uri: "/web/portal/tickets", form: ["client_id": f.clientA, "kind": "request", "subject": "上架", "words": "下周二"],
                allowed: "ua")
        }
        all["POST /web/desk/tickets"] = { _, f in
            RouteSample(
                uri: "/web/desk/tickets",
                form: ["client_id": f.clientA, "kind": "complaint", "channel": "phone", "subject": "噪音", "words": "机房噪音大"],
                allowed: "kefu")
        }
        all["POST /web/desk/follow-ups/{client}"] = { _, f in
            RouteSample(uri: "/web/desk/follow-ups/\(f.clientA)", form: ["note": "客户满意"], allowed: "kefu")
        }
        all["POST /web/desk/surveys/{client}"] = { _, f in
            RouteSample(uri: "/web/desk/surveys/\(f.clientA)", form: ["note": "明年扩容"], allowed: "kefu")
        }
        all["POST /web/tickets/{id}/reply"] = { site, f in
            RouteSample(
                uri: "/web/tickets/\(try site.complaintA(f))/reply", form: ["text": "已安排", "solution": "加装空调"],
                allowed: "kefu")
        }
        all["POST /web/tickets/{id}/transfer"] = { site, f in
            RouteSample(
                uri: "/web/tickets/\(try site.complaintA(f))/transfer", form: ["to": "kefu2", "reason": "换班"], allowed: "kefu")
        }
        all["POST /web/tickets/{id}/resolve"] = { site, f in
            RouteSample(uri: "/web/tickets/\(try site.complaintA(f))/resolve", form: ["resolution": "已降温"], allowed: "kefu")
        }
        all["POST /web/tickets/{id}/reopen"] = { site, f in
            let id = try site.complaintA(f)
            return RouteSample(
                uri: "/web/tickets/\(id)/reopen", form: ["reason": "又热了"], allowed: "kefu",
                setup: { site, _ in _ = try site.core.serviceDesk.resolve(id, resolution: "已降温", by: site.actor("kefu")) })
        }
        all["POST /web/tickets/{id}/contact-form"] = { site, f in
            RouteSample(uri: "/web/tickets/\(try site.faultA(f))/contact-form", form: ["reference": "LLD-1"], allowed: "kefu")
        }
        all["POST /web/tickets/{id}/analysis"] = { site, f in
            RouteSample(uri: "/web/tickets/\(try site.faultA(f))/analysis", form: analysis, allowed: "kefu")
        }
        all["POST /web/tickets/{id}/analysis/deliver"] = { site, f in
            let id = try site.faultA(f)
            return RouteSample(
                uri: "/web/tickets/\(id)/analysis/deliver", form: ["to": "客户运维"], allowed: "kefu",
                setup: { site, _ in try site.writeAnalysis(id) })
        }
        all["GET /web/reports/service"] = { site, f in
            _ = try site.faultA(f)
            return RouteSample(uri: "/web/reports/service?week=2026-W20", allowed: "boss")
        }
        all["GET /web/duty"] = { _, _ in RouteSample(uri: "/web/duty", allowed: "kefu") }
        all["POST /web/duty/{day}"] = { _, _ in
            RouteSample(uri: "/web/duty/2027-10-01", form: ["staff": "kefu, kefu2"], allowed: "boss")
        }
        return all
    }

    static var analysis: [String: Any] { [
        "impact": "A 区停电 40 分钟", "handling": "切换备用 PDU", "cause": "空开跳闸", "corrective": "更换空开",
        "preventive": "每季度检测",
    ] }
}

extension ServerSite {
    /// A complaint of client A, received by `kefu` (who owns it).
    func complaintA(_ f: Fixture) throws -> Int64 {
        try core.serviceDesk.open(
            NewTicket(clientId: f.clientA, kind: .complaint, channel: .phone, subject: "机柜温度过高", words: "温度一直在 30 度以上"),
            by: actor("kefu")
        ).ticket.id
    }

    /// A fault of client A, acted on before its work contact form (K4), received by `kefu`.
    func faultA(_ f: Fixture) throws -> Int64 {
        try core.serviceDesk.open(
            NewTicket(
                clientId: f.clientA, kind: .fault, channel: .phone, subject: "A 区断电", words: "服务器全部掉线",
                fault: FaultDetails(at: now, place: "A01", symptom: "PDU 断电", plan: "切换备用 PDU"), actedFirst: true),
            by: actor("kefu")
        ).ticket.id
    }

    func writeAnalysis(_ id: Int64) throws {
        _ = try core.serviceDesk.writeAnalysis(
            id, NewFaultAnalysis(impact: "停电", handling: "切换", cause: "跳闸", corrective: "更换", preventive: "检测"),
            by: actor("kefu"))
    }
}
