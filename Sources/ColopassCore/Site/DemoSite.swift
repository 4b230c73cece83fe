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
        // A second supervisor, so the first one's emergency approval can be reviewed (C6).
        _ = try core.accounts.addAccount(name: "zhuguan2", displayName: "主管 冯岚", role: .supervisor, by: system)
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
        for (index, (client, name, idNumber, phone)) in [
            (yunzhan.id, "李娜", "110105198503121234", "13800000001"),
            (yunzhan.id, "王强", "310115199007042347", "13800000003"),
            (shuqiao.id, "陈静", "440305199211203459", "13900000002"),
            (zhang.id, "张伟", "320106198802155675", "13700000004"),
        ].enumerated() {
            _ = try core.registry.addPerson(
                NewPerson(
                    clientId: client, name: name, idType: "resident_id", idNumber: idNumber, phone: phone,
                    photoPath: try demoPhoto(core, index), idCopyPath: documents.scan, letterPath: documents.scan), by: cs)
        }
        // The client's administrator lets 李娜 host visitors (C7) and 王强 move equipment (Q5).
        _ = try core.registry.setGrants(personId: 1, PersonGrants(mayHost: true), by: system)
        _ = try core.registry.setGrants(personId: 2, PersonGrants(mayMove: true), by: system)
        let pending = try seedRequests(core, scan: documents.scan)
        let tickets = try seedServiceDesk(core, by: cs, companies: [yunzhan.id, shuqiao.id], individual: zhang.id)
        return "3 客户 / clients, 3 合同 / contracts, 4 人员 / people, 账户 / accounts: kefu zhuguan zhuguan2 baoan yunzhan; \(pending); \(tickets)"
    }

    /// A different face for each demo person (head size and place, hair, shoulders, shade), so a
    /// guard comparing the photo with the person has something to compare.
    private static func demoPhoto(_ core: Core, _ index: Int) throws -> String {
        let folder = (core.dataDirectory as NSString).appendingPathComponent("demo")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let (width, height) = (120, 160)
        let background: [UInt8] = [0xE8, 0xD0, 0xF4, 0xC8]
        let shade: [UInt8] = [0x70, 0x50, 0x90, 0x38]
        let radius = [30.0, 26.0, 34.0, 28.0][index % 4]
        let centre = [(60.0, 55.0), (56.0, 60.0), (64.0, 52.0), (60.0, 62.0)][index % 4]
        let hair = [18.0, 10.0, 26.0, 6.0][index % 4]
        var pixels = [UInt8](repeating: background[index % 4], count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let (dx, dy) = (Double(x) - centre.0, Double(y) - centre.1)
                let head = dx * dx + dy * dy < radius * radius
                let top = head && dy < -radius + hair
                let shoulders = y > 100 && pow(Double(x - 60) / (45 + Double(index * 5)), 2) + pow(Double(y - 165) / 60, 2) < 1
                if top { pixels[y * width + x] = 0x20 } else if head || shoulders { pixels[y * width + x] = shade[index % 4] }
                // eyes
                if head, abs(dy + radius / 4) < 2.5, abs(abs(dx) - radius / 2.6) < 2.5 { pixels[y * width + x] = 0x10 }
            }
        }
        let photo = (folder as NSString).appendingPathComponent("photo-\(index + 1).png")
        try Data(try GrayscalePNG.encode(pixels, width: width, height: height)).write(to: URL(fileURLWithPath: photo))
        return photo
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
        // A letter's look: a heading, lines of text, a signature and a round seal, so the page
        // beside a decision shows what a clerk checks.
        var page = [UInt8](repeating: 0xFF, count: 200 * 280)
        for y in 0..<280 {
            for x in 0..<200 {
                let heading = y >= 24 && y < 32 && x >= 60 && x < 140
                let lineEnd = y % 36 == 2 ? 120 : 180
                let inText = y >= 50 && y < 190 && (y - 50) % 12 < 3
                let line = inText && x >= 20 && x < lineEnd
                let (dx, dy) = (Double(x - 140), Double(y - 225))
                let distance: Double = (dx * dx + dy * dy).squareRoot()
                let ring = abs(distance - 26) < 2.5
                let star = abs(dx) + abs(dy) < 8
                if heading || line { page[y * 200 + x] = 0x30 }
                if ring || star { page[y * 200 + x] = 0x90 }
            }
        }
        try Data(try GrayscalePNG.encode(page, width: 200, height: 280)).write(to: URL(fileURLWithPath: scan))
        return (photo, scan)
    }
}
