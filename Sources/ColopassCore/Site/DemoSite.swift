import Foundation
import GRDB

/// A small living site for `make run`: operators of every role, two companies and an individual,
/// their contracts and staff. Dates are relative to today so the demo never goes stale.
public enum DemoSite {
    public static func seed(_ core: Core) throws -> String {
        let alreadySeeded = try core.store.pool.read { db in try Client.fetchCount(db) > 0 }
        if alreadySeeded { return "已存在 / already present" }
        let system = Actor.system
        let today = core.today
        let from = today.adding(days: -30).description
        let to = today.adding(days: 335).description

        let service = try core.accounts.addAccount(name: "kefu", displayName: "客服 周敏", role: .customerService, by: system)
        _ = try core.accounts.addAccount(name: "zhuguan", displayName: "主管 郑涛", role: .supervisor, by: system)
        _ = try core.accounts.addAccount(name: "baoan", displayName: "保安 孙亮", role: .guard, by: system)
        let cs = Actor(account: service)

        let yunzhan = try core.registry.addClient(
            NewClient(
                kind: .company, name: "北京云栈科技有限公司", creditCode: "91110108MA01ABCD1E",
                contacts: [NewContact(name: "李娜", phone: "13800000001")]), by: cs)
        let shuqiao = try core.registry.addClient(
            NewClient(
                kind: .company, name: "上海数桥网络有限公司", creditCode: "91310115MA1K3XY72K",
                contacts: [NewContact(name: "陈静", phone: "13900000002")]), by: cs)
        let zhang = try core.registry.addClient(
            NewClient(kind: .individual, name: "张伟", idType: "resident_id", idNumber: "320106198802155675"), by: cs)
        _ = try core.accounts.addAccount(
            name: "yunzhan", displayName: "云栈科技 运维", role: .clientUser, clientId: yunzhan.id, by: system)
        // The demo client's user is also its administrator: roster, card requests, notifications.
        _ = try core.accounts.setClientAdmin("yunzhan", granted: true, by: system)

        for (number, client, racks, quota) in [
            ("HT-2026-001", yunzhan.id, ["A01", "A02"], 20), ("HT-2026-002", shuqiao.id, ["B07"], 8),
            ("HT-2026-003", zhang.id, ["C12"], 1),
        ] {
            _ = try core.registry.addContract(
                NewContract(number: number, clientId: client, startsOn: from, endsOn: to, racks: racks, serverQuota: quota),
                by: cs)
            _ = try core.registry.activateContract(number, by: cs)
        }

        let documents = try demoDocuments(core)
        for (client, name, idNumber, phone) in [
            (yunzhan.id, "李娜", "110105198503121234", "13800000001"),
            (yunzhan.id, "王强", "310115199007042347", "13800000003"),
            (shuqiao.id, "陈静", "440305199211203459", "13900000002"),
            (zhang.id, "张伟", "320106198802155675", "13700000004"),
        ] {
            _ = try core.registry.addPerson(
                NewPerson(
                    clientId: client, name: name, idType: "resident_id", idNumber: idNumber, phone: phone,
                    photoPath: documents.photo, idCopyPath: documents.scan, letterPath: documents.scan), by: cs)
        }
        let pending = try seedRequests(core, scan: documents.scan)
        return "3 客户 / clients, 3 合同 / contracts, 4 人员 / people, 账户 / accounts: kefu zhuguan baoan yunzhan; \(pending)"
    }

    /// A placeholder photo and scan, drawn here so the demo needs no files from elsewhere.
    private static func demoDocuments(_ core: Core) throws -> (photo: String, scan: String) {
        let folder = (core.dataDirectory as NSString).appendingPathComponent("demo")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let (width, height) = (120, 160)
        var pixels = [UInt8](repeating: 0xE8, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let head = pow(Double(x - 60), 2) + pow(Double(y - 55), 2) < 900
                let shoulders = y > 100 && pow(Double(x - 60) / 55, 2) + pow(Double(y - 165) / 60, 2) < 1
                if head || shoulders { pixels[y * width + x] = 0x70 }
            }
        }
        let photo = (folder as NSString).appendingPathComponent("photo.png")
        try Data(try GrayscalePNG.encode(pixels, width: width, height: height)).write(to: URL(fileURLWithPath: photo))
        let scan = (folder as NSString).appendingPathComponent("scan.png")
        let page = [UInt8](repeating: 0xFF, count: 200 * 280)
        try Data(try GrayscalePNG.encode(page, width: 200, height: 280)).write(to: URL(fileURLWithPath: scan))
        return (photo, scan)
    }
}
