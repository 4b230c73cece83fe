import Foundation

extension ServiceReport {
    /// The report as CSV for a spreadsheet: a UTF-8 byte-order mark (so Excel reads the Chinese),
    /// headers Chinese first, one section per grouping, fields escaped as the visitor log's are.
    public func csv(in zone: TimeZone) -> String {
        let header = ["分组 / grouping", "名称 / name"] + Self.columns.map { "\($0.zh) / \($0.en)" }
        var lines = [VisitLogCSV.line(["\(title.zh) / \(title.en)"]), VisitLogCSV.line(header)]
        func rows(_ group: String, _ items: [Line]) {
            for line in items {
                lines.append(VisitLogCSV.line([group, line.name] + Self.columns.map { String(line[keyPath: $0.value]) }))
            }
        }
        rows("合计 / total", [totals])
        rows("员工 / staff", byStaff)
        rows("客户 / client", byClient)
        lines.append("")
        lines.append(
            VisitLogCSV.line(["工单 / ticket", "客户 / client", "故障 / fault", "发生时间 / at", "解决 / resolved", "分析报告送交 / analysis delivered"]))
        for fault in faults {
            lines.append(
                VisitLogCSV.line([
                    "#\(fault.ticketId)", fault.clientName, fault.subject,
                    fault.faultAt.map { SiteTime.format($0, in: zone) } ?? "",
                    fault.resolvedAt.map { SiteTime.format($0, in: zone) } ?? "",
                    fault.analysisDeliveredAt.map { SiteTime.format($0, in: zone) } ?? "未结 / open",
                ]))
        }
        return "\u{FEFF}" + lines.map { $0 + "\r\n" }.joined()
    }

    /// The report as a page that prints on A4: the title, the rules it measures, the tables.
    public func html(_ policy: Policy) -> String {
        let zone = policy.site.timeZone
        let e = Markup.escape
        func table(_ caption: String, _ items: [Line]) -> String {
            let head = "<tr><th>名称<br><small>name</small></th>"
                + Self.columns.map { "<th>\(e($0.zh))<br><small>\(e($0.en))</small></th>" }.joined() + "</tr>"
            let body = items.map { line in
                "<tr><td>\(e(line.name))</td>" + Self.columns.map { "<td class=n>\(line[keyPath: $0.value])</td>" }.joined()
                    + "</tr>"
            }.joined(separator: "\n")
            return "<h2>\(e(caption))</h2>\n<table>\(head)\n\(body)</table>"
        }
        let faultRows = faults.map { fault in
            "<tr><td>#\(fault.ticketId)</td><td>\(e(fault.clientName))</td><td>\(e(fault.subject))</td>"
                + "<td>\(fault.faultAt.map { SiteTime.format($0, in: zone) } ?? "")</td>"
                + "<td>\(fault.resolvedAt.map { SiteTime.format($0, in: zone) } ?? "")</td>"
                + "<td>\(fault.analysisDeliveredAt.map { SiteTime.format($0, in: zone) } ?? "<strong>未结 / open</strong>")</td></tr>"
        }.joined(separator: "\n")
        let k2 = policy.serviceDesk
        return """
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>\(e(title.zh)) / \(e(title.en))</title>
            <style>
            @page { size: A4 landscape; margin: 12mm; }
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 9pt; }
            table { border-collapse: collapse; width: 100%; margin-bottom: 6mm; page-break-inside: auto; }
            th, td { border: 0.3mm solid #444; padding: 1mm 1.5mm; text-align: left; }
            td.n { text-align: right; } small { color: #555; font-weight: normal; }
            </style></head><body>
            <h1>\(e(policy.site.name.zh)) · \(e(title.zh))</h1>
            <p>\(e(policy.site.name.en)) · \(e(title.en))<br>\(from) — \(through) · 生成 / generated \(SiteTime.format(generatedAt, in: zone))</p>
            <p>投诉 \(k2.complaintReplyHours) 小时内答复、\(k2.complaintResolveDays) 天内解决 (K2)；故障须送交分析报告 (K3)；回访逾期 \(k2.followUpGraceDays) 天计为遗漏 (K5)。<br>
            Complaints answered within \(k2.complaintReplyHours) h and resolved within \(k2.complaintResolveDays) days (K2); faults need a delivered analysis report (K3); a follow-up call \(k2.followUpGraceDays) days late is missed (K5).</p>
            \(table("合计 / Total", [totals]))
            \(table("按员工 / By staff member", byStaff))
            \(table("按客户 / By client", byClient))
            <h2>故障及分析报告 / Faults and their analysis reports</h2>
            <table><tr><th>工单 / ticket</th><th>客户 / client</th><th>故障 / fault</th><th>发生 / at</th><th>解决 / resolved</th><th>报告送交 / report delivered</th></tr>
            \(faultRows)</table>
            </body></html>
            """
    }
}

extension TicketView {
    /// K3: the fault analysis report as a page that prints on one A4 sheet, for the client.
    public func analysisHTML(_ policy: Policy) -> String? {
        guard ticket.kind == .fault, let analysis else { return nil }
        let zone = policy.site.timeZone
        let e = Markup.escape
        func row(_ zh: String, _ en: String, _ value: String) -> String {
            "<tr><th>\(zh)<br><small>\(en)</small></th><td>\(e(value).replacingOccurrences(of: "\n", with: "<br>"))</td></tr>"
        }
        let rows = [
            row("客户", "Client", clientName), row("工单", "Ticket", "#\(ticket.id) \(ticket.subject)"),
            row("发生时间", "Time", ticket.faultAt.map { SiteTime.format($0, in: zone) } ?? ""),
            row("地点", "Place", ticket.faultPlace ?? ""), row("现象", "Symptom", ticket.faultSymptom ?? ""),
            row("处理方案", "Handling plan", ticket.faultPlan ?? ""),
            row("解决时间", "Resolved", ticket.resolvedAt.map { SiteTime.format($0, in: zone) } ?? "未解决 / not resolved"),
            row("影响", "Impact", analysis.impact), row("处理经过", "Handling", analysis.handling),
            row("原因", "Cause", analysis.cause), row("纠正措施", "Corrective actions", analysis.corrective),
            row("预防措施", "Preventive actions", analysis.preventive),
            row("撰写", "Written", "\(analysis.writtenBy) \(SiteTime.format(analysis.writtenAt, in: zone))"),
            row(
                "送交", "Delivered",
                analysis.deliveredAt.map { "\(analysis.deliveredTo ?? "") \(SiteTime.format($0, in: zone))" } ?? "未送交 / not yet delivered"),
        ].joined(separator: "\n")
        return """
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>故障分析报告 #\(ticket.id) / Fault analysis report</title>
            <style>
            @page { size: A4; margin: 18mm; }
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 10.5pt; }
            table { border-collapse: collapse; width: 100%; } th { width: 28mm; text-align: left; vertical-align: top; }
            th, td { border: 0.3mm solid #444; padding: 2mm; } small { color: #555; font-weight: normal; }
            </style></head><body>
            <h1>\(e(policy.site.name.zh)) 故障分析报告</h1>
            <p>\(e(policy.site.name.en)) · Fault analysis report (K3)</p>
            <table>
            \(rows)
            </table>
            </body></html>
            """
    }
}
