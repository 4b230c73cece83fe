import Foundation
import Testing

@testable import ColopassCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Pass slips: well-formed A6 SVG whose QR decodes to a granted pass (C6, C7)")
struct PassSlipTests {
    @Test func temporaryPassSlipIsWellFormedAndSaysEscortRequiredC7() throws {
        // given
        let site = try TestSite()
        let approved = try site.approvedRequest()
        // when
        let slips = try site.core.passes.temporaryPassSlips(requestId: approved.view.request.id, by: approved.user)
        // then
        #expect(slips.map(\.number) == approved.view.passes.map(\.pass.number))
        let slip = try #require(slips.first)
        #expect(XMLCheck.isWellFormed(slip.svg))
        #expect(XMLCheck.isWellFormed(slip.qrSVG))
        for text in [
            "临时通行证", "Temporary pass", "王强", "**************2347", "北京云栈科技有限公司", "更换故障硬盘",
            "须有人陪同", "escort required", slip.number,
        ] {
            #expect(slip.svg.contains(text), "\(text)")
        }
        #expect(!slip.svg.contains("310115199007042347"), "the slip shows the ID masked")
        #expect(try site.lastAudit().action == "visit.print")
    }

    @Test func slipQRDecodesWithAnIndependentDecoderToAGrantedPassC7() throws {
        let site = try TestSite()
        let approved = try site.approvedRequest()
        let slip = try #require(
            try site.core.passes.temporaryPassSlips(requestId: approved.view.request.id, by: site.service).first)
        let files = try slip.write(to: site.directory + "/slips/" + slip.number)
        let decoded = try Zbar.decode(try #require(files.first { $0.hasSuffix("qr.png") }))
        #expect(decoded == approved.view.passes[0].pass.credential)
        #expect(try site.core.credentials.verifyCredential(decoded, at: approved.view.request.windowStart).isGranted)
    }

    @Test func noEscortNoteWhenThePolicyDoesNotAskForOneC7() throws {
        var policy = try TestSite.shippedPolicy()
        policy.parameters.escortRequired = false
        let site = try TestSite(policy: policy)
        let approved = try site.approvedRequest()
        #expect(approved.view.passes.allSatisfy { !$0.pass.escortRequired })
        let slip = try #require(
            try site.core.passes.temporaryPassSlips(requestId: approved.view.request.id, by: site.service).first)
        #expect(!slip.svg.contains("须有人陪同"))
    }

    @Test func emergencySlipAsksTheGuardToCheckTheIDC6() throws {
        let site = try TestSite()
        let (client, _) = try site.company(name: "A&B <Tech>")
        let view = try site.approvedEmergency(clientId: client.id)
        let slip = try #require(try site.core.passes.emergencyPassSlips(emergencyId: view.entry.id, by: site.supervisor).first)
        #expect(XMLCheck.isWellFormed(slip.svg))
        #expect(slip.svg.contains("紧急通行证") && slip.svg.contains("Emergency pass"))
        #expect(slip.svg.contains("show a valid ID document to the guard"))
        #expect(slip.svg.contains("A&amp;B &lt;Tech&gt;"))
        let files = try slip.write(to: site.directory + "/slips/" + slip.number)
        let decoded = try Zbar.decode(try #require(files.first { $0.hasSuffix("qr.png") }))
        #expect(try site.core.credentials.verifyCredential(decoded).isGranted)
    }

    @Test func noSlipForARequestThatIsNotApprovedC7State() throws {
        let site = try TestSite()
        let filed = try site.filedRequest()
        #expect(
            site.refusalClause {
                _ = try site.core.passes.temporaryPassSlips(requestId: filed.view.request.id, by: filed.user)
            } == "C7.state")
    }
}
