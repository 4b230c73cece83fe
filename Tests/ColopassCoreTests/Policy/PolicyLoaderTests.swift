import Foundation
import Testing

@testable import ColopassCore

/// The policy file is the rules as data: the shipped file must load whole, and every way a file
/// can be wrong must stop start-up with a `PolicyError` naming the file, the key and the reason.
@Suite struct PolicyLoaderTests {
    let shipped: String

    init() throws {
        shipped = try String(contentsOfFile: TestSite.policyPath, encoding: .utf8)
    }

    // MARK: - The shipped file

    @Test func shippedFileLoadsWithEveryRequiredClause() throws {
        // given / when
        let policy = try Policy.load(contentsOf: TestSite.policyPath)

        // then
        #expect(ClauseID.allCases.count == 44)
        #expect(Set(policy.clauses.keys) == Set(ClauseID.allCases))
        for id in ClauseID.allCases {
            let clause = policy.clause(id)
            #expect(clause.id == id)
            #expect(!clause.title.zh.isEmpty && !clause.title.en.isEmpty, "title of \(id)")
            #expect(!clause.text.zh.isEmpty && !clause.text.en.isEmpty, "text of \(id)")
        }
        #expect(policy.text(of: Clause(C1.limit)).en.contains("limit"))
    }

    @Test func shippedFileExplainsEveryFacetTheCodeRefusesWith() throws {
        // given / when
        let policy = try Policy.load(contentsOf: TestSite.policyPath)

        // then: each facet has its own words in both languages, and the file has no others
        for clause in Clause.all {
            let text = policy.text(of: clause)
            #expect(!text.zh.isEmpty && !text.en.isEmpty, "\(clause)")
        }
        #expect(policy.clauses.values.map(\.facets.count).reduce(0, +) == Clause.all.count)
    }

    @Test func facetTheCodeRefusesWithButTheFileLacksIsNamed() throws {
        // given: C4.lost has no text
        let text = try shippedReplacing("      lost: {zh: 证件已挂失, en: The card was reported lost}\n", with: "")

        // when
        let (error, _) = try failure(of: text)

        // then
        #expect(error.kind == .missingKey)
        #expect(error.key == "clauses.C4.facets.lost")
    }

    @Test func facetTheFileNamesButTheCodeLacksIsNamed() throws {
        // given: a facet no code refuses with
        let text = try shippedReplacing(
            "      one_card: {zh: 每人只能持有一张出入证, en: One card per person}",
            with: "      one_card: {zh: 每人只能持有一张出入证, en: One card per person}\n      two_cards: {zh: 多余, en: Extra}")

        // when
        let (error, _) = try failure(of: text)

        // then
        #expect(error.kind == .unknownKey)
        #expect(error.key == "clauses.C3.facets.two_cards")
    }

    @Test func shippedFileCarriesTheNumbersTheRulesName() throws {
        // given / when
        let p = try Policy.load(contentsOf: TestSite.policyPath).parameters

        // then: C1, C1, Q1, Q3, Q3, R4
        #expect(p.cardsPerCompanyClient == 2)
        #expect(p.cardsPerIndividualClient == 1)
        #expect(p.workOrderLeadHours == 24)
        #expect(p.ipsPerServer == 1)
        #expect(p.portsPerServer == 1)
        #expect(p.visitorLogRetentionDays >= 90)
    }

    @Test func shippedFileNamesTheSite() throws {
        // given / when
        let policy = try Policy.load(contentsOf: TestSite.policyPath)

        // then
        #expect(policy.site.code == "DC1")
        #expect(policy.site.timeZone.identifier == "Asia/Shanghai")
        #expect(!policy.site.name.zh.isEmpty && !policy.site.name.en.isEmpty)
    }

    @Test func fingerprintIsTheSHA256OfTheFileBytes() throws {
        // given
        let bytes = try #require(FileManager.default.contents(atPath: TestSite.policyPath))

        // when
        let policy = try Policy.load(contentsOf: TestSite.policyPath)

        // then
        #expect(policy.fingerprint == SHA256.hex(Array(bytes)))
        #expect(policy.fingerprint.count == 64)
    }

    // MARK: - Missing keys

    @Test func missingClauseC7IsNamed() throws {
        // given: the C7 block removed, up to the C8 block
        let start = try #require(shipped.range(of: "\n  C7:\n"))
        let end = try #require(shipped.range(of: "\n  C8:\n"))
        var text = shipped
        text.removeSubrange(start.lowerBound..<end.lowerBound)
        #expect(!text.contains("  C7:"))

        // when
        let (error, path) = try failure(of: text)

        // then
        #expect(error.kind == .missingKey)
        #expect(error.key == "clauses.C7")
        #expect(error.file == path)
    }

    @Test func missingParameterIsNamed() throws {
        // given
        let text = try shippedReplacing("  upload_max_bytes: 5242880            # scans and photos, 5 MiB\n", with: "")

        // when
        let (error, path) = try failure(of: text)

        // then
        #expect(error.kind == .missingKey)
        #expect(error.key == "parameters.upload_max_bytes")
        #expect(error.file == path)
    }

    @Test func missingEnglishTextOfAClauseIsNamed() throws {
        // given: C3's English text removed
        let text = try shippedReplacing(
            "      en: A card is used by its holder alone and is never lent.\n", with: "")

        // when
        let (error, _) = try failure(of: text)

        // then
        #expect(error.kind == .missingKey)
        #expect(error.key == "clauses.C3.text.en")
    }

    @Test func missingSectionIsNamed() throws {
        // given: no `site` section at all
        let start = try #require(shipped.range(of: "site:\n"))
        let end = try #require(shipped.range(of: "parameters:\n"))
        var text = shipped
        text.removeSubrange(start.lowerBound..<end.lowerBound)

        // when
        let (error, _) = try failure(of: text)

        // then
        #expect(error.kind == .missingKey)
        #expect(error.key == "site")
    }

    // MARK: - Unknown keys

    @Test func unknownTopLevelKeyIsNamed() throws {
        // given
        let text = shipped + "\nextras:\n  colour: blue\n"

        // when
        let (error, path) = try failure(of: text)

        // then
        #expect(error.kind == .unknownKey)
        #expect(error.key == "extras")
        #expect(error.file == path)
    }

    @Test func unknownParameterIsNamedWithItsPath() throws {
        // given: a misspelt setting next to the real one
        let text = try shippedReplacing(
            "  cards_per_company_client: 2", with: "  cards_per_compny_client: 3\n  cards_per_company_client: 2")

        // when
        let (error, _) = try failure(of: text)

        // then
        #expect(error.kind == .unknownKey)
        #expect(error.key == "parameters.cards_per_compny_client")
    }

    @Test func misspeltParameterReportsTheMissingRealKey() throws {
        // given: the real setting spelt wrong, so the rule has no number
        let text = try shippedReplacing("  cards_per_company_client: 2", with: "  cards_per_compny_client: 2")

        // when
        let (error, _) = try failure(of: text)

        // then: either name is a fix; the loader names the key the rules need
        #expect(error.kind == .missingKey)
        #expect(error.key == "parameters.cards_per_company_client")
    }

    @Test func unknownClauseIsNamed() throws {
        // given: a clause the code does not know
        let text = shipped + "  C11:\n    title: {zh: 多余, en: Extra}\n    text: {zh: 多余的条款。, en: An extra clause.}\n"

        // when
        let (error, _) = try failure(of: text)

        // then
        #expect(error.kind == .unknownKey)
        #expect(error.key == "clauses.C11")
    }

    @Test func unknownKeyInsideAClauseIsNamed() throws {
        // given
        let text = try shippedReplacing(
            "    title: {zh: 本人使用, en: Holder only}", with: "    title: {zh: 本人使用, en: Holder only}\n    note: lend nothing")

        // when
        let (error, _) = try failure(of: text)

        // then
        #expect(error.kind == .unknownKey)
        #expect(error.key == "clauses.C3.note")
    }

    @Test func unknownKeyInTheSiteIsNamed() throws {
        // given
        let text = try shippedReplacing("  code: DC1", with: "  code: DC1\n  floor: 3")

        // when
        let (error, _) = try failure(of: text)

        // then
        #expect(error.kind == .unknownKey)
        #expect(error.key == "site.floor")
    }

    // MARK: - Wrong types

    @Test func wordForANumberIsAWrongType() throws {
        // given
        let text = try shippedReplacing("cards_per_company_client: 2", with: "cards_per_company_client: two")

        // when
        let (error, path) = try failure(of: text)

        // then
        #expect(error.kind == .wrongType)
        #expect(error.key == "parameters.cards_per_company_client")
        #expect(error.file == path)
    }

    @Test func fractionForAWholeNumberIsAWrongType() throws {
        // given
        let text = try shippedReplacing("work_order_lead_hours: 24", with: "work_order_lead_hours: 24.5")

        // when
        let (error, _) = try failure(of: text)

        // then
        #expect(error.kind == .wrongType)
        #expect(error.key == "parameters.work_order_lead_hours")
    }

    @Test func numberForABooleanIsAWrongType() throws {
        // given
        let text = try shippedReplacing("escort_required: true", with: "escort_required: 1")

        // when
        let (error, _) = try failure(of: text)

        // then
        #expect(error.kind == .wrongType)
        #expect(error.key == "parameters.escort_required")
    }

    @Test func scalarForAMappingIsAWrongType() throws {
        // given: a clause written as plain text instead of title and text
        let start = try #require(shipped.range(of: "\n  C7:\n"))
        let end = try #require(shipped.range(of: "\n  C8:\n"))
        var text = shipped
        text.replaceSubrange(start.lowerBound..<end.lowerBound, with: "\n  C7: temporary entry")

        // when
        let (error, _) = try failure(of: text)

        // then
        #expect(error.kind == .wrongType)
        #expect(error.key == "clauses.C7")
    }

    // MARK: - Impossible values

    @Test func negativeLimitIsABadValue() throws {
        // given
        let text = try shippedReplacing("cards_per_company_client: 2", with: "cards_per_company_client: -1")

        // when
        let (error, path) = try failure(of: text)

        // then
        #expect(error.kind == .badValue)
        #expect(error.key == "parameters.cards_per_company_client")
        #expect(error.file == path)
        #expect(error.reason.contains("-1"))
    }

    @Test func retentionBelowNinetyDaysIsABadValue() throws {
        // given
        let text = try shippedReplacing("visitor_log_retention_days: 180", with: "visitor_log_retention_days: 30")

        // when
        let (error, _) = try failure(of: text)

        // then
        #expect(error.kind == .badValue)
        #expect(error.key == "parameters.visitor_log_retention_days")
        #expect(error.reason.contains("90"))
    }

    @Test func retentionOfExactlyNinetyDaysLoads() throws {
        // given
        let text = try shippedReplacing("visitor_log_retention_days: 180", with: "visitor_log_retention_days: 90")

        // when
        let policy = try Policy.parse(text, file: "inline.yaml")

        // then
        #expect(policy.parameters.visitorLogRetentionDays == 90)
    }

    @Test func unknownAntiPassbackModeIsABadValue() throws {
        // given
        let text = try shippedReplacing("anti_passback: warn", with: "anti_passback: maybe")

        // when
        let (error, _) = try failure(of: text)

        // then
        #expect(error.kind == .badValue)
        #expect(error.key == "parameters.anti_passback")
        #expect(error.reason.contains("maybe"))
    }

    @Test func everyAntiPassbackModeLoads() throws {
        for mode in Policy.AntiPassback.allCases {
            // given
            let text = try shippedReplacing("anti_passback: warn", with: "anti_passback: \"\(mode.rawValue)\"")

            // when
            let policy = try Policy.parse(text, file: "inline.yaml")

            // then
            #expect(policy.parameters.antiPassback == mode)
        }
    }

    @Test func unknownTimeZoneIsABadValue() throws {
        // given
        let text = try shippedReplacing("timezone: Asia/Shanghai", with: "timezone: Mars/Olympus_Mons")

        // when
        let (error, path) = try failure(of: text)

        // then
        #expect(error.kind == .badValue)
        #expect(error.key == "site.timezone")
        #expect(error.file == path)
    }

    @Test func badSiteCodeIsABadValue() throws {
        // given
        let text = try shippedReplacing("  code: DC1", with: "  code: dc-1")

        // when
        let (error, _) = try failure(of: text)

        // then
        #expect(error.kind == .badValue)
        #expect(error.key == "site.code")
    }

    @Test func emptyClauseTextIsABadValue() throws {
        // given
        let text = try shippedReplacing(
            "      en: A card is used by its holder alone and is never lent.", with: "      en: \"  \"")

        // when
        let (error, _) = try failure(of: text)

        // then
        #expect(error.kind == .badValue)
        #expect(error.key == "clauses.C3.text.en")
    }

    // MARK: - Files that are not a policy at all

    @Test func emptyFileIsMalformed() throws {
        // given / when
        let (error, path) = try failure(of: "")

        // then
        #expect(error.kind == .malformed)
        #expect(error.key == "(file)")
        #expect(error.file == path)
    }

    @Test func fileOfOnlyCommentsIsMalformed() throws {
        // given / when
        let (error, _) = try failure(of: "# nothing here yet\n")

        // then
        #expect(error.kind == .malformed)
        #expect(error.key == "(file)")
    }

    @Test func invalidYAMLIsMalformed() throws {
        // given: an unclosed flow mapping
        let text = try shippedReplacing("    title: {zh: 本人使用, en: Holder only}", with: "    title: {zh: 本人使用, en: Holder only")

        // when
        let (error, path) = try failure(of: text)

        // then
        #expect(error.kind == .malformed)
        #expect(error.key == "(file)")
        #expect(error.file == path)
    }

    @Test func listAtTheTopIsAWrongType() throws {
        // given / when
        let (error, _) = try failure(of: "- site\n- parameters\n")

        // then
        #expect(error.kind == .wrongType)
        #expect(error.key == "(top level)")
    }

    @Test func notUTF8IsMalformed() throws {
        // given
        let path = try temporaryFile(bytes: [0xFF, 0xFE, 0x00, 0xC3, 0x28])
        defer { try? FileManager.default.removeItem(atPath: path) }

        // when
        let error = try #require(throws: PolicyError.self) { try Policy.load(contentsOf: path) }

        // then
        #expect(error.kind == .malformed)
        #expect(error.file == path)
    }

    @Test func unreadablePathIsUnreadable() throws {
        // given
        let path = NSTemporaryDirectory() + "no-such-policy-" + UUID().uuidString + ".yaml"

        // when
        let error = try #require(throws: PolicyError.self) { try Policy.load(contentsOf: path) }

        // then
        #expect(error.kind == .unreadable)
        #expect(error.file == path)
        #expect(error.key == "(file)")
    }

    @Test func messageNamesFileKeyAndReason() throws {
        // given
        let text = try shippedReplacing("cards_per_company_client: 2", with: "cards_per_company_client: -1")

        // when
        let (error, path) = try failure(of: text)

        // then
        #expect(error.description.hasPrefix(path + ": parameters.cards_per_company_client: bad value: "))
        #expect(error.description.contains(error.reason))
    }

    // MARK: - Helpers

    /// The shipped text with `old` (which must occur exactly once) replaced by `new`, so a test
    /// breaks loudly rather than silently testing nothing if the shipped file changes.
    private func shippedReplacing(_ old: String, with new: String) throws -> String {
        let occurrences = shipped.components(separatedBy: old).count - 1
        try #require(occurrences == 1, "'\(old)' occurs \(occurrences) times in the shipped policy")
        return shipped.replacingOccurrences(of: old, with: new)
    }

    /// Writes `text` to a temp file and loads it, which must fail; returns the error and path.
    private func failure(of text: String) throws -> (error: PolicyError, path: String) {
        let path = try temporaryFile(bytes: Array(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: PolicyError.self) { try Policy.load(contentsOf: path) }
        return (error, path)
    }

    private func temporaryFile(bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "colopass-policy-" + UUID().uuidString + ".yaml"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
