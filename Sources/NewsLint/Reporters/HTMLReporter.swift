import Foundation

/// The report editors read in a browser: one self-contained HTML file (no network, no external
/// assets). A summary per file with counts and the 编校差错率 against the standard's 3 per 10,000,
/// filters by rule and severity, then each file's text with every finding's span marked (its
/// message on hover and in the list, which links to the place), and each file's claims ledger
/// when the run kept ledgers (`Linter.keepsLedgers`).
public enum HTMLReporter {
    public static func report(_ report: LintReport, lang: Language) -> String {
        let zh = lang == .zh
        var html = """
        <!DOCTYPE html>
        <html lang="\(zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>newslint \(zh ? "检查报告" : "report")</title>
        <style>\(style)</style>
        </head>
        <body>
        <header><h1>newslint \(zh ? "检查报告" : "report")</h1>
        <p class="totals" id="totals" data-findings="\(report.files.reduce(0) { $0 + $1.diagnostics.count })">\(escape(TextReporter.summary(report, style: .init(color: false, lang: lang))))</p>
        </header>

        """
        html += summaryTable(report, zh: zh)
        html += filters(report, zh: zh)
        for e in report.inputErrors {
            html += "<p class=\"input-error\">\(escape(e.path)): \(escape(e.message.text(lang)))</p>\n"
        }
        for (n, file) in report.files.enumerated() {
            html += fileSection(file, index: n, lang: lang)
        }
        html += "<script>\(script)</script>\n</body>\n</html>\n"
        return html
    }

    private static func summaryTable(_ report: LintReport, zh: Bool) -> String {
        let method = report.method
        let limit = method.passingRate
        func rate(_ r: Double) -> String { "<td class=\"\(r > limit ? "over" : "ok")\">\(String(format: "%.2f", r))</td>" }
        var out = "<table class=\"summary\"><thead><tr><th>\(zh ? "文件" : "file")</th><th>\(zh ? "字数" : "characters")</th>"
            + "<th>\(zh ? "错误" : "errors")</th><th>\(zh ? "警告" : "warnings")</th><th>\(zh ? "提示" : "notes")</th>"
            + "<th>\(zh ? "计错差错率（万分之）" : "weighted error rate (per 10,000)")</th>"
            + "<th>\(zh ? "错误数/万字" : "errors per 10,000")</th><th>\(zh ? "按规则" : "by rule")</th></tr></thead><tbody>\n"
        for (n, f) in report.files.enumerated() {
            out += "<tr><td><a href=\"#file-\(n)\">\(escape(f.path))</a></td><td>\(f.characters)</td><td>\(f.count(.error))</td>"
                + "<td>\(f.count(.warning))</td><td>\(f.count(.note))</td>\(rate(ErrorRateMethod.rate(report.weightedErrors(f), f.characters)))"
                + "\(rate(f.errorRate))<td>\(byRule(f))</td></tr>\n"
        }
        let editions = report.editions  // counted once: each edition's count walks its findings
        for e in editions where e.files.count > 1 || editions.count > 1 {
            out += "<tr class=\"edition\"><td>\(zh ? "一期（文件夹）" : "edition (folder)") \(escape(e.folder))</td><td>\(e.characters)</td><td>\(e.errors)</td>"
                + "<td></td><td></td>\(rate(ErrorRateMethod.rate(e.weighted, e.characters)))\(rate(LintReport.errorRate(e.errors, e.characters)))<td></td></tr>\n"
        }
        out += "</tbody></table>\n" + explanation(method, zh: zh)
        return out
    }

    /// How the weighted rate is counted, from the method's own data.
    private static func explanation(_ m: ErrorRateMethod, zh: Bool) -> String {
        let levels = m.severities.sorted().map(\.rawValue).joined(separator: "、")
        var out = "<details class=\"standard\"><summary>" + (zh
            ? "报纸编校差错率标准：不超过万分之\(format(m.passingRate))。计错差错率按检查部门的方法计算，见下。"
            : "The newspaper standard: a weighted error rate of at most \(format(m.passingRate)) per 10,000 characters, counted as inspectors count it (below).")
            + "</summary><p>" + escape(m.source) + "</p><ul>"
        out += zh
            ? "<li>只计 \(levels) 级问题；一期为一个文件夹中的文件。</li><li>标题（引题、主题、小标题）中的差错按 \(format(m.titleFactor)) 倍计。</li>"
                + "<li>同一差错（同一规则、同一原文与改法）在一期中重复出现，最多计 \(m.repeatLimit) 次。</li>"
            : "<li>Only findings of level \(levels) count; an edition is the files of one folder.</li><li>An error in a title (kicker, headline, subheading) counts \(format(m.titleFactor)) times.</li>"
                + "<li>The same error (rule, text and correction) counts at most \(m.repeatLimit) times in an edition.</li>"
        for (k, c) in m.categories.enumerated() {
            let rules = m.ruleCategory.filter { $0.value == k }.map(\.key).sorted().map { "<code>\($0)</code>" }.joined(separator: " ")
            let weight = c.byLength.isEmpty ? format(c.weight)
                : c.byLength.map { s in s.upTo.map { (zh ? "≤\($0)字 " : "≤\($0) chars ") } ?? (zh ? "更长 " : "longer ") }.enumerated()
                    .map { $1 + format(c.byLength[$0].weight) }.joined(separator: zh ? "，" : ", ")
            var cap = c.editionLimit.map { zh ? "，一期最多 \(format($0))" : ", at most \(format($0)) an edition" } ?? ""
            if let own = c.severities { cap += (zh ? "，计 " : ", counting ") + own.sorted().map(\.rawValue).joined(separator: "、") }
            out += "<li><b>\(escape(c.name))</b>（\(weight)\(cap)）\(escape(c.method)) \(rules)</li>"
        }
        return out + "</ul><p>" + (zh ? "另列“错误数/万字”：错误级问题的简单计数。" : "“errors per 10,000” is the plain count of error findings.") + "</p></details>\n"
    }

    private static func format(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }

    /// `caption-placement ×2, quote-style ×1`.
    private static func byRule(_ f: FileReport) -> String {
        var counts: [String: Int] = [:]
        for d in f.diagnostics { counts[d.rule, default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.map { "<code>\($0.key)</code> ×\($0.value)" }.joined(separator: ", ")
    }

    private static func filters(_ report: LintReport, zh: Bool) -> String {
        let rules = Set(report.files.flatMap { $0.diagnostics.map(\.rule) }).sorted()
        var out = "<form class=\"filters\" id=\"filters\"><fieldset><legend>\(zh ? "级别" : "severity")</legend>"
        for s in [Severity.error, .warning, .note] {
            out += "<label><input type=\"checkbox\" data-severity=\"\(s.rawValue)\" checked> \(s.rawValue)</label> "
        }
        out += "</fieldset><fieldset><legend>\(zh ? "规则" : "rule")</legend>"
        for r in rules {
            out += "<label><input type=\"checkbox\" data-rule=\"\(r)\" checked> \(r)</label> "
        }
        return out + "</fieldset></form>\n"
    }

    private static func fileSection(_ file: FileReport, index n: Int, lang: Language) -> String {
        let claims = file.claims
        let zh = lang == .zh
        var out = "<section class=\"file\" id=\"file-\(n)\"><h2>\(escape(file.path))</h2>\n"
        if !file.diagnostics.isEmpty {
            out += "<ol class=\"findings\">\n"
            for (i, d) in file.diagnostics.enumerated() {
                var item = "\(TextReporter.place(d.start, file.source.unit, lang)) <b>\(d.severity.rawValue)</b> \(escape(d.message.text(lang))) <code>\(d.rule)</code>"
                if let s = d.suggestion { item += " <span class=\"suggestion\">\(zh ? "建议：" : "suggestion: ")\(escape(s))</span>" }
                out += "<li class=\"finding sev-\(d.severity.rawValue)\" data-rule=\"\(d.rule)\" data-severity=\"\(d.severity.rawValue)\">"
                    + "<a href=\"#f-\(n)-\(i)\">\(item)</a></li>\n"
            }
            out += "</ol>\n"
        }
        out += "<pre class=\"text\">" + marked(file, index: n, lang: lang) + "</pre>\n"
        if !claims.isEmpty {
            out += "<details class=\"claims\"><summary>\(zh ? "数字说法台账" : "claims ledger") (\(claims.count))</summary><table>"
                + "<thead><tr><th>\(zh ? "位置" : "place")</th><th>\(zh ? "结论" : "verdict")</th><th>\(zh ? "说法" : "claim")</th>"
                + "<th>\(zh ? "依据" : "figures")</th><th>\(zh ? "计算值" : "computed")</th></tr></thead><tbody>\n"
            for c in claims {
                let p = file.source.position(of: c.range.lowerBound)
                out += "<tr class=\"verdict-\(c.verdict.rawValue)\"><td>\(TextReporter.place(p, file.source.unit, lang))</td><td>\(c.verdict.label.text(lang))</td>"
                    + "<td>\(escape(c.text))</td><td>\(escape(c.figures.joined(separator: ", ")))</td><td>\(escape(c.computed ?? ""))</td></tr>\n"
            }
            out += "</tbody></table></details>\n"
        }
        return out + "</section>\n"
    }

    /// The file's text with each finding's span in a `<mark>`; a span that overlaps one already
    /// marked is listed but not marked again.
    private static func marked(_ file: FileReport, index n: Int, lang: Language) -> String {
        let bytes = file.source.bytes
        let order = file.diagnostics.indices.sorted { file.diagnostics[$0].byteRange.lowerBound < file.diagnostics[$1].byteRange.lowerBound }
        var out = ""
        var at = 0
        for i in order {
            let d = file.diagnostics[i]
            let r = d.byteRange.clamped(to: 0..<bytes.count)
            if r.lowerBound < at { continue }
            out += escape(String(decoding: bytes[at..<r.lowerBound], as: UTF8.self))
            let span = r.isEmpty ? "\u{200B}" : String(decoding: bytes[r], as: UTF8.self)
            out += "<mark id=\"f-\(n)-\(i)\" class=\"sev-\(d.severity.rawValue)\" data-rule=\"\(d.rule)\" data-severity=\"\(d.severity.rawValue)\" "
                + "title=\"\(escape(d.message.text(lang)))\">\(escape(span))</mark>"
            at = r.upperBound
        }
        out += escape(String(decoding: bytes[at...], as: UTF8.self))
        return out
    }

    static func escape(_ s: String) -> String { Markup.escape(s) }

    static let style = """
    body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei",sans-serif;margin:1.5em auto;max-width:60em;padding:0 1em;color:#222;line-height:1.6}
    h1{font-size:1.4em}h2{font-size:1.1em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
    table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.2em .6em;text-align:left}
    td.over{color:#b00020;font-weight:bold}td.ok{color:#1b5e20}
    .filters fieldset{display:inline-block;border:1px solid #ddd;margin:.3em .5em .3em 0}
    pre.text{white-space:pre-wrap;word-break:break-all;background:#fafafa;border:1px solid #eee;padding:1em;font-family:inherit;font-size:1em}
    mark{border-radius:2px;padding:0 1px}mark.sev-error{background:#ffcdd2}mark.sev-warning{background:#fff3c4}mark.sev-note{background:#d7ecff}
    mark:target{outline:2px solid #b00020}
    .findings a{color:inherit;text-decoration:none}.findings li.sev-error b{color:#b00020}.findings li.sev-warning b{color:#a66b00}.findings li.sev-note b{color:#0b5cad}
    .suggestion{color:#1b5e20}.hidden{display:none}.input-error{color:#b00020}
    tr.verdict-contradicted td{background:#ffcdd2}tr.verdict-likely-slip td,tr.verdict-doubtful td{background:#fff3c4}
    """

    static let script = """
    (function(){
      var boxes=document.querySelectorAll('#filters input');
      function apply(){
        var off={};
        boxes.forEach(function(b){ if(!b.checked){ off[(b.dataset.rule?'r:'+b.dataset.rule:'s:'+b.dataset.severity)]=true; } });
        document.querySelectorAll('[data-rule][data-severity]').forEach(function(el){
          var hide=off['r:'+el.dataset.rule]||off['s:'+el.dataset.severity];
          if(el.tagName==='MARK'){ el.style.background=hide?'transparent':''; } else { el.classList.toggle('hidden',!!hide); }
        });
      }
      boxes.forEach(function(b){ b.addEventListener('change',apply); });
    })();
    """
}
