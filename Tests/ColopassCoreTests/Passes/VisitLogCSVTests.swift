import Foundation
import Testing

@testable import ColopassCore

@Suite("Visitor log CSV export: RFC 4180, masked IDs, no formulas (R4)")
struct VisitLogCSVTests {
    /// A small RFC 4180 reader, independent of the writer, to read the export back.
    static func parse(_ csv: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(csv.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" {
                        field.unicodeScalars.append(scalars.removeFirst())
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\r", scalars.first == "\n" {
                scalars.removeFirst()
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        return records
    }

    func export(names: [String]) throws -> (site: TestSite, csv: String) {
        let site = try TestSite()
        let (client, _) = try site.company(name: "云栈, \"北京\" 科技")
        let visitors = zip(names, TestSite.residentIDs).map { NewVisitor(name: $0, idNumber: $1) }
        _ = try site.core.passes.fileVisitRequest(site.newRequest(client.id, visitors: visitors), by: site.service)
        let today = site.core.today
        return (site, try site.core.passes.exportVisitorLog(from: today, to: today, by: site.supervisor))
    }

    @Test func namesWithCommasAndQuotesAreEscapedR4() throws {
        // given / when
        let (_, csv) = try export(names: ["O'Brien, Pat", "张 \"三\"", "Plain"])
        // then: every record has the header's fields and reads back to the very names (a line
        // break cannot be in a name: the core refuses control characters; the writer still quotes it)
        // a byte-order mark (Excel on Chinese Windows then reads UTF-8) and the Chinese headers
        #expect(csv.hasPrefix("\u{FEFF}" + VisitLogCSV.headerZh.joined(separator: ",") + "\r\n"))
        #expect(csv.contains("\"O'Brien, Pat\""))
        #expect(csv.contains("\"张 \"\"三\"\"\""))
        let records = Self.parse(csv)
        #expect(records.count == 4)
        #expect(records.allSatisfy { $0.count == VisitLogCSV.header.count })
        let visitor = VisitLogCSV.header.firstIndex(of: "visitor")!
        let client = VisitLogCSV.header.firstIndex(of: "client")!
        #expect(records.dropFirst().map { $0[visitor] } == ["O'Brien, Pat", "张 \"三\"", "Plain"])
        #expect(records[1][client] == "云栈, \"北京\" 科技")
    }

    @Test func theExportOpensInExcelOnChineseWindowsAndInEnglishOnRequestR4() throws {
        let site = try TestSite()
        let (client, _) = try site.company(name: "云栈科技")
        _ = try site.core.passes.fileVisitRequest(
            site.newRequest(client.id, visitors: [NewVisitor(name: "张三", idNumber: TestSite.residentIDs[0])]), by: site.service)
        let today = site.core.today
        let english = try site.core.passes.exportVisitorLog(from: today, to: today, english: true, by: site.supervisor)
        #expect(english.hasPrefix("\u{FEFF}" + VisitLogCSV.header.joined(separator: ",") + "\r\n"))
        // times read as people write them, in the site's zone
        let time = Self.parse(english)[1][0]
        #expect(time.range(of: #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$"#, options: .regularExpression) != nil, "\(time)")
    }

    @Test func formulaLookingNamesAreNeutralisedR4() throws {
        let (_, csv) = try export(names: ["=HYPERLINK(\"http://x\",\"y\")", "+86 Li", "-Wang", "@SUM(A1)"])
        let visitor = VisitLogCSV.header.firstIndex(of: "visitor")!
        let names = Self.parse(csv).dropFirst().map { $0[visitor] }
        #expect(names == ["'=HYPERLINK(\"http://x\",\"y\")", "'+86 Li", "'-Wang", "'@SUM(A1)"])
    }

    @Test func exportMasksIDNumbersAndIsAuditedR4() throws {
        let (site, csv) = try export(names: ["王强"])
        #expect(!csv.contains(TestSite.residentIDs[0]))
        let row = Self.parse(csv)[1]
        #expect(row[VisitLogCSV.header.firstIndex(of: "id_number")!] == "**************1234")
        let record = try site.lastAudit()
        #expect(record.action == "visitor_log.export" && record.actor == "boss" && record.clause == "R4")
        #expect(
            site.refusalClause {
                _ = try site.core.passes.exportVisitorLog(from: site.core.today, to: site.core.today, by: site.guardOnDuty)
            } == "R1.role")
    }

    @Test func fieldEscapingFollowsRFC4180() {
        #expect(VisitLogCSV.field("plain") == "plain")
        #expect(VisitLogCSV.field("a,b") == "\"a,b\"")
        #expect(VisitLogCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(VisitLogCSV.field("two\r\nlines") == "\"two\r\nlines\"")
        #expect(VisitLogCSV.field("=1+2,3") == "\"'=1+2,3\"")
        #expect(VisitLogCSV.field("") == "")
    }
}
