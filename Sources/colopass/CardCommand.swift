import ArgumentParser
import ColopassCore
import Foundation

struct CardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card", abstract: "机房出入证 / Access cards",
        subcommands: [Issue.self, List.self, Show.self, Lost.self, Reissue.self, Cancel.self, Return.self, Verify.self])

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "办理出入证 (C1) / Issue a card (C1)")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Person id of the holder.") var person: Int64
        @Option(help: "Badge folder (default badges/<card-number>).") var out: String?

        func run() throws {
            let core = try global.openCore()
            let actor = try global.actor(core)
            let card = try core.cards.issueCard(personId: person, by: actor)
            let files = try core.cards.renderBadge(try CardNumber(card.number), by: actor).write(to: out ?? "badges/\(card.number)")
            if global.json { return Output.json(IssuedCard(card: card, badgeFiles: files)) }
            print("出入证已办理 / card issued: \(card.number)  有效期至 / valid until \(SiteTime.format(card.validUntil, in: core.policy.site.timeZone))")
            print("胸卡 / badge: \(files.joined(separator: " "))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出出入证 / List cards")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this client's.") var client: Int64?

        func run() throws {
            let core = try global.openCore()
            let cards = try core.cards.cards(clientId: client, by: try global.actor(core))
            if global.json { return Output.json(cards) }
            Output.table(
                ["证号/number", "持证人/holder", "客户/client", "版/gen", "状态/status", "有效期至/until"],
                cards.map {
                    [$0.card.number, $0.holderName, $0.clientName, String($0.card.generation), $0.status,
                     SiteTime.format($0.card.validUntil, in: core.policy.site.timeZone)]
                })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "出入证详情 / Show a card")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String

        func run() throws {
            let core = try global.openCore()
            let view = try core.cards.card(try CardNumber(number), by: try global.actor(core))
            if global.json { return Output.json(view) }
            let card = view.card
            let zone = core.policy.site.timeZone
            Output.fields([
                ("证号 / number", card.number),
                ("持证人 / holder", "\(view.holderName) \(view.holderMaskedID)"),
                ("客户 / client", view.clientName),
                ("状态 / status", view.status),
                ("版本 / generation", String(card.generation)),
                ("有效期 / valid", "\(SiteTime.format(card.validFrom, in: zone)) … \(SiteTime.format(card.validUntil, in: zone))"),
                ("签发 / issued", "\(SiteTime.format(card.issuedAt, in: zone)) by \(card.issuedBy)"),
                ("待交回 / to return", card.awaitsReturn ? "是 / yes" : "否 / no"),
            ])
        }
    }

    struct Lost: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "挂失 (C4) / Report lost (C4)")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String

        func run() throws {
            let core = try global.openCore()
            let card = try core.cards.reportCardLost(try CardNumber(number), by: try global.actor(core))
            if global.json { return Output.json(card) }
            print("已挂失，立即失效 / reported lost, revoked now: \(card.number)")
        }
    }

    struct Reissue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "补办 (C8) / Reissue a lost card (C8)")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String
        @Option(name: .customLong("loss-letter"), help: "Scan of the client's letter stating the loss.")
        var lossLetter: String?
        @Option(help: "Badge folder (default badges/<card-number>).") var out: String?

        func run() throws {
            let core = try global.openCore()
            let actor = try global.actor(core)
            let card = try core.cards.reissueCard(try CardNumber(number), lossLetterPath: lossLetter, by: actor)
            let files = try core.cards.renderBadge(try CardNumber(card.number), by: actor).write(to: out ?? "badges/\(card.number)")
            if global.json { return Output.json(IssuedCard(card: card, badgeFiles: files)) }
            print("已补办 / reissued: \(card.number) 第 \(card.generation) 版 / generation \(card.generation)")
            print("胸卡 / badge: \(files.joined(separator: " "))")
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "注销 / Cancel a card")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String
        @Option(help: "Why the card is cancelled.") var reason: String

        func run() throws {
            let core = try global.openCore()
            let card = try core.cards.cancelCard(try CardNumber(number), reason: reason, by: try global.actor(core))
            if global.json { return Output.json(card) }
            print("已注销 / cancelled: \(card.number)")
        }
    }

    struct Return: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "交回实体卡 (C9) / Record a returned card (C9)")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String

        func run() throws {
            let core = try global.openCore()
            let card = try core.cards.recordCardReturn(try CardNumber(number), by: try global.actor(core))
            if global.json { return Output.json(card) }
            print("已交回 / returned: \(card.number)")
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "核验二维码内容 / Verify a scanned credential (exit 0 granted, 1 denied)")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The QR text as scanned.") var payload: String

        func run() throws {
            let core = try global.openCore()
            let decision = try core.credentials.verifyCredential(payload)
            switch decision {
            case .granted(let credential):
                print("GRANTED 准许 — \(credential.kind.title.line) #\(credential.credentialId) gen \(credential.generation)")
            case .denied(let reason):
                print("DENIED 拒绝 — [\(reason.clause)] \(reason.message.line)")
                throw ExitCode(ExitStatus.failure)
            }
        }
    }
}

struct IssuedCard: Encodable {
    var card: Card
    var badgeFiles: [String]
}
