import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import ColopassCore

@Suite("QR badges: decodable QR, well-formed CR80 SVG with photo, name and number")
struct BadgeTests {
    func issued() throws -> (TestSite, Card, Badge) {
        let site = try TestSite()
        let (_, _, people) = try site.companyWithStaff(1)
        let card = try site.core.cards.issueCard(personId: people[0].id, by: site.service)
        return (site, card, try site.core.cards.renderBadge(try CardNumber(card.number), by: site.service))
    }

    @Test func renderedQRDecodesWithAnIndependentDecoderToAGrantedCredential() throws {
        let (site, card, badge) = try issued()
        let directory = site.directory + "/badge"
        let files = try badge.write(to: directory)
        let png = try #require(files.first { $0.hasSuffix("qr.png") })
        let decoded = try Zbar.decode(png)
        #expect(decoded == card.credential)
        #expect(try site.core.credentials.verifyCredential(decoded).isGranted)
    }

    @Test func qrStaysSmallAtECCLevelM() throws {
        let (_, card, _) = try issued()
        let qr = try QRCode(encoding: card.credential)
        #expect(qr.version <= 10)
    }

    @Test func badgeFrontIsWellFormedCR80SVGWithHolderNumberAndPhoto() throws {
        let (_, card, badge) = try issued()
        #expect(XMLCheck.isWellFormed(badge.front))
        #expect(XMLCheck.isWellFormed(badge.back))
        #expect(XMLCheck.isWellFormed(badge.qrSVG))
        #expect(badge.front.contains("width=\"85.6mm\" height=\"54mm\""))
        #expect(badge.front.contains("员工1"))
        #expect(badge.front.contains("北京云栈科技有限公司"))
        #expect(badge.front.contains(card.number))
        let photo = try Data(contentsOf: URL(fileURLWithPath: TestSite.fixtures + "/photo.png")).base64EncodedString()
        #expect(badge.front.contains("data:image/png;base64,\(photo)"))
        // The QR on the card is the very QR of the credential.
        #expect(badge.front.contains(try QRCode(encoding: card.credential).svgPathData()))
    }

    @Test func badgeBackCarriesTheRoomRulesAndThePersonalUseNotice() throws {
        let (site, _, badge) = try issued()
        for id in [ClauseID.E1, .E2, .E3, .E4] {
            let clause = site.core.policy.clause(id)
            #expect(badge.back.contains(SVGText.escape(String(clause.text.en.prefix(20)))))
        }
        #expect(badge.back.contains("不得转借"))
        #expect(badge.back.contains("never lend"))
    }

    @Test func namesWithMarkupAreEscapedInTheSVG() throws {
        let site = try TestSite()
        let (client, _) = try site.company(name: "A&B <Tech> \"Co\"")
        let person = try site.person(of: client.id)
        let card = try site.core.cards.issueCard(personId: person.id, by: site.service)
        let badge = try site.core.cards.renderBadge(try CardNumber(card.number), by: site.service)
        #expect(XMLCheck.isWellFormed(badge.front))
        #expect(badge.front.contains("A&amp;B &lt;Tech&gt; &quot;Co&quot;"))
    }

    @Test func noBadgeForACardThatIsNoLongerValidC1() throws {
        let (site, card, _) = try issued()
        _ = try site.core.cards.reportCardLost(try CardNumber(card.number), by: site.service)
        #expect(site.refusalClause { _ = try site.core.cards.renderBadge(try CardNumber(card.number), by: site.service) } == "C1.validity")
    }
}

enum XMLCheck {
    static func isWellFormed(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }
}
