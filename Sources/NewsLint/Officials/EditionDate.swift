import Foundation

/// The date an edition is judged on: who held an office depends on it. From `--date` or the
/// configuration's `date`; else a date in the file's path (`rmrb/2019-10-12/page-01.txt`,
/// `20191012`); else the page's own date line near its top (`2019年10月12日 星期六`); else the
/// data's "as of" date, which the findings then name.
public struct EditionDate: Sendable {
    public enum Origin: Sendable { case configured, path, page, dataAsOf }
    public let day: Day
    public let origin: Origin

    public static func of(_ document: Document, configured: Day?, fallback: Day) -> EditionDate {
        if let configured { return EditionDate(day: configured, origin: .configured) }
        if let day = fromPath(document.path) { return EditionDate(day: day, origin: .path) }
        for line in 0..<min(document.source.lineCount, 12) {
            if let day = fromDateLine(document.source.lineString(line)) { return EditionDate(day: day, origin: .page) }
        }
        return EditionDate(day: fallback, origin: .dataAsOf)
    }

    /// The last date in a path, written `YYYY-MM-DD`, `YYYY_MM_DD`, `YYYY.MM.DD` or `YYYYMMDD`, with no
    /// digit right before or after it.
    static func fromPath(_ path: String) -> Day? {
        let s = Array(path.utf8)
        func digits(_ at: Int, _ n: Int) -> Int? {
            guard at >= 0, at + n <= s.count else { return nil }
            var v = 0
            for b in s[at..<(at + n)] {
                guard b >= 0x30 && b <= 0x39 else { return nil }
                v = v * 10 + Int(b - 0x30)
            }
            return v
        }
        func isDigit(_ at: Int) -> Bool { at >= 0 && at < s.count && s[at] >= 0x30 && s[at] <= 0x39 }
        var found: Day?
        for i in s.indices where !isDigit(i - 1) {
            guard let y = digits(i, 4), y >= 1900 else { continue }
            var j = i + 4
            let separated = j < s.count && (s[j] == UInt8(ascii: "-") || s[j] == UInt8(ascii: "_") || s[j] == UInt8(ascii: "."))
            if separated { j += 1 }
            guard let m = digits(j, 2) else { continue }
            j += 2
            if separated {
                guard j < s.count, s[j] == s[i + 4] else { continue }
                j += 1
            }
            guard let d = digits(j, 2), !isDigit(j + 2), let day = Day(year: y, month: m, day: d) else { continue }
            found = day
        }
        return found
    }

    /// A short line that holds a full date (`2019年10月12日`) and the weekday, or nothing but the date:
    /// the date line under a masthead.
    static func fromDateLine(_ line: String) -> Day? {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard text.unicodeScalars.count <= 40, let nian = text.firstIndex(of: "年"),
              let yue = text[nian...].firstIndex(of: "月"), let ri = text[yue...].firstIndex(of: "日") else { return nil }
        var yearStart = nian
        while yearStart > text.startIndex, case let c = text[text.index(before: yearStart)], c.isASCII && c.isNumber {
            yearStart = text.index(before: yearStart)
        }
        let yearDigits = text[yearStart..<nian]
        guard yearDigits.count == 4, let y = Int(yearDigits),
              let m = Int(text[text.index(after: nian)..<yue]), let d = Int(text[text.index(after: yue)..<ri]),
              let day = Day(year: y, month: m, day: d) else { return nil }
        let alone = text[..<yearDigits.startIndex].isEmpty && text[text.index(after: ri)...].trimmingCharacters(in: .whitespaces).isEmpty
        return text.contains("星期") || alone ? day : nil
    }
}
