/// Writes findings back into a copy of a Word document, leaving its text as it is:
/// - `commented`: every finding becomes a Word comment by `newslint`, anchored on its span;
/// - `tracked`: safe fixes become tracked changes (`w:del` and `w:ins` by `newslint`) that the
///   editor accepts or rejects in Word.
///
/// Only the runs a mark falls in are rewritten (split at the mark, their properties copied to each
/// piece); every other byte of the part, and every other part of the container, is kept.
public enum WordReview {
    public static let author = "newslint"

    /// A copy of the document with a comment for each diagnostic.
    /// `path` is the document's own path: related places in it are given without it.
    public static func commented(_ document: WordDocument, diagnostics: [Diagnostic], path: String = "", lang: Language) throws(WordFailure) -> [UInt8] {
        var plan = try Plan(document)
        var comments = ""
        for d in diagnostics {
            let id = plan.nextID()
            let place = plan.comment(id: id, span: d.byteRange)
            comments += comment(id: id, d, path: path, movedFrom: place, lang: lang)
        }
        return try plan.write(comments: comments)
    }

    /// A copy of the document with the fixes as tracked changes, and the fixes that could be made
    /// (not those inside another tracked change, a field or a drawing, or across paragraphs).
    public static func tracked(_ document: WordDocument, fixes: [Diagnostic]) throws(WordFailure) -> (bytes: [UInt8], applied: [Diagnostic]) {
        var plan = try Plan(document)
        var applied: [Diagnostic] = []
        for d in fixes.sorted(by: { $0.byteRange.lowerBound < $1.byteRange.lowerBound }) {
            guard let s = d.suggestion, d.byteRange.lowerBound >= (applied.last?.byteRange.upperBound ?? 0) else { continue }
            if plan.replace(d.byteRange, with: s) { applied.append(d) }
        }
        return (try plan.write(comments: ""), applied)
    }

    /// A comment on the text of a note or a text box sits at its mark and quotes the text.
    static func comment(id: Int, _ d: Diagnostic, path: String, movedFrom place: String?, lang: Language) -> String {
        let severity: String
        switch (d.severity, lang) {
        case (.error, .zh): severity = "错误："
        case (.warning, .zh): severity = "警告："
        case (.note, .zh): severity = "提示："
        case (.error, .en): severity = "error: "
        case (.warning, .en): severity = "warning: "
        case (.note, .en): severity = "note: "
        }
        var paragraphs = [severity + d.message.text(lang)]
        if let place {
            let box = place.hasPrefix("box:")
            paragraphs.insert((lang == .zh ? (box ? "文本框中：“" : "注释中：“") : (box ? "in the text box: “" : "in the note: “")) + d.excerpt + "”", at: 0)
        }
        if let s = d.suggestion { paragraphs.append((lang == .zh ? "建议：" : "suggestion: ") + s) }
        for r in d.related {
            paragraphs.append((r.path == path ? "" : r.path + " ") + TextReporter.place(r.position, r.unit, lang) + (lang == .zh ? "：" : ": ") + r.message.text(lang))
        }
        paragraphs.append("[\(d.rule)]")
        let body = paragraphs.map { "<w:p><w:r><w:t xml:space=\"preserve\">\(Markup.escape($0))</w:t></w:r></w:p>" }.joined()
        return "<w:comment w:id=\"\(id)\" w:author=\"\(author)\" w:initials=\"NL\">\(body)</w:comment>"
    }

    /// The marks to make in each part, gathered before anything is written.
    struct Plan {
        let document: WordDocument
        /// Per run (by index in `document.runs`): XML to put before the text at an offset, and
        /// text ranges to mark deleted.
        var inserts: [Int: [(offset: Int, order: Int, xml: String)]] = [:]
        var deletes: [Int: [(range: Range<Int>, id: Int)]] = [:]
        /// XML to put before or after a run that cannot be split, by part and byte offset.
        var around: [Int: [(at: Int, order: Int, xml: String)]] = [:]
        var lastID: Int
        /// The document's own comments part, read once: its ids count, and new comments join it.
        let existingComments: [UInt8]?

        init(_ document: WordDocument) throws(WordFailure) {
            self.document = document
            existingComments = try document.archive.part(document.folder + "comments.xml")
            lastID = document.largestID(comments: existingComments)
        }

        mutating func nextID() -> Int {
            lastID += 1
            return lastID
        }

        /// The run holding the character at `offset`, or the first after it.
        func run(startingAt offset: Int) -> Int? {
            let k = document.runs.partitionPoint { $0.textRange.upperBound <= offset }
            return k < document.runs.count ? k : nil
        }

        /// The run holding the character before `offset`, or the last before it.
        func run(endingAt offset: Int) -> Int? {
            let k = document.runs.partitionPoint { $0.textRange.lowerBound < offset }
            return k > 0 ? k - 1 : nil
        }

        mutating func mark(_ runIndex: Int, at offset: Int, order: Int, xml: String) {
            let r = document.runs[runIndex]
            if r.splittable {
                inserts[runIndex, default: []].append((min(max(offset, r.textRange.lowerBound), r.textRange.upperBound), order, xml))
            } else {
                let at = offset <= r.textRange.lowerBound ? r.element.lowerBound : r.element.upperBound
                around[r.part, default: []].append((at, order, xml))
            }
        }

        /// A comment's range and reference around `span` (an empty span takes the character after it).
        /// A span in a footnote, an endnote or a text box is anchored on the character before its
        /// mark instead, and the note or box is returned: LibreOffice does not load a comment
        /// inside a note, and drops one inside a text box.
        @discardableResult
        mutating func comment(id: Int, span: Range<Int>) -> String? {
            var span = span
            var inNote: String?
            if let r = run(startingAt: span.lowerBound), let note = document.runs[r].note, let mark = document.anchors[note], mark > 0 {
                var end = mark, before = UTF8Scan.previousScalarStart(document.text, before: mark)
                // A mark at a paragraph's start: the last character of the paragraph before.
                if document.text[before] == 0x0A && before > 0 {
                    end = before
                    before = UTF8Scan.previousScalarStart(document.text, before: before)
                }
                span = before..<end
                inNote = note
            }
            if span.isEmpty, let r = run(startingAt: span.lowerBound) {
                let start = max(span.lowerBound, document.runs[r].textRange.lowerBound)
                span = start..<min(start + UTF8Scan.sequenceLength(document.text[start]), document.runs[r].textRange.upperBound)
            }
            guard let first = run(startingAt: span.lowerBound), var last = run(endingAt: span.upperBound) else {
                // A span past the last run's text (the document's end): the comment sits on the last run.
                guard let any = document.runs.indices.last else { return inNote }
                mark(any, at: document.runs[any].textRange.lowerBound, order: 2, xml: "<w:commentRangeStart w:id=\"\(id)\"/>")
                mark(any, at: document.runs[any].textRange.upperBound, order: 0, xml: Self.commentEnd(id))
                return inNote
            }
            if last < first { last = first }
            // Start and end must be in the same part (a span does not run from the body into a note).
            if document.runs[last].part != document.runs[first].part { last = first }
            mark(first, at: span.lowerBound, order: 2, xml: "<w:commentRangeStart w:id=\"\(id)\"/>")
            mark(last, at: max(span.upperBound, document.runs[first].textRange.lowerBound), order: 0, xml: Self.commentEnd(id))
            return inNote
        }

        static func commentEnd(_ id: Int) -> String {
            "<w:commentRangeEnd w:id=\"\(id)\"/><w:r><w:commentReference w:id=\"\(id)\"/></w:r>"
        }

        /// Marks `range` deleted and `text` inserted after it, if every run it touches may change.
        mutating func replace(_ range: Range<Int>, with text: String) -> Bool {
            guard !range.isEmpty, let first = run(startingAt: range.lowerBound), let last = run(endingAt: range.upperBound), first <= last else { return false }
            let runs = document.runs[first...last]
            // Every byte of the range in a run that may change, in one paragraph.
            guard runs.allSatisfy({ $0.splittable && $0.fixable && $0.part == runs.first!.part }),
                  document.runs[first].textRange.lowerBound <= range.lowerBound, document.runs[last].textRange.upperBound >= range.upperBound,
                  !document.text[range].contains(0x0A) else { return false }
            for k in first...last {
                let covered = max(range.lowerBound, document.runs[k].textRange.lowerBound)..<min(range.upperBound, document.runs[k].textRange.upperBound)
                if !covered.isEmpty { deletes[k, default: []].append((covered, nextID())) }
            }
            let properties = document.runs[last].properties.map { String(decoding: document.parts[document.runs[last].part].xml[$0], as: UTF8.self) } ?? ""
            let insert = "<w:ins w:id=\"\(nextID())\" w:author=\"\(WordReview.author)\"><w:r>\(properties)<w:t xml:space=\"preserve\">"
                + Markup.escape(text) + "</w:t></w:r></w:ins>"
            inserts[last, default: []].append((range.upperBound, 1, insert))
            return true
        }

        /// The container with the marks made, and the comments part, content type and relationship
        /// added when there are comments.
        func write(comments: String) throws(WordFailure) -> [UInt8] {
            guard document.writable else {
                throw WordFailure.unsupported("its XML names WordprocessingML with a prefix other than w:, which newslint reads but does not write into")
            }
            var replaced: [String: [UInt8]] = [:]
            for (p, part) in document.parts.enumerated() {
                var edits: [(range: Range<Int>, order: Int, bytes: [UInt8])] = []
                for k in Set(inserts.keys).union(deletes.keys) where document.runs[k].part == p {
                    edits.append((document.runs[k].element, 1, Array(rebuild(k, inserts: inserts[k] ?? [], deletes: deletes[k] ?? []).utf8)))
                }
                for a in around[p] ?? [] { edits.append((a.at..<a.at, a.order, Array(a.xml.utf8))) }
                guard !edits.isEmpty else { continue }
                edits.sort { ($0.range.lowerBound, $0.range.isEmpty ? 0 : 1, $0.order) < ($1.range.lowerBound, $1.range.isEmpty ? 0 : 1, $1.order) }
                var out: [UInt8] = []
                out.reserveCapacity(part.xml.count + edits.reduce(0) { $0 + $1.bytes.count })
                var at = 0
                for e in edits {
                    out += part.xml[at..<e.range.lowerBound]
                    out += e.bytes
                    at = e.range.upperBound
                }
                out += part.xml[at...]
                replaced[part.name] = out
            }
            var added: [(name: String, data: [UInt8])] = []
            if !comments.isEmpty { try addComments(comments, replaced: &replaced, added: &added) }
            return document.archive.rewritten(replacing: replaced, adding: added)
        }

        /// The comments part (new, or the document's own with these appended), its content type
        /// and the main part's relationship to it.
        func addComments(_ comments: String, replaced: inout [String: [UInt8]], added: inout [(name: String, data: [UInt8])]) throws(WordFailure) {
            let name = document.folder + "comments.xml"
            if let existing = existingComments {
                replaced[name] = try Self.inserting(Array(comments.utf8), before: "</w:comments>", in: existing, part: name)
            } else {
                added.append((name, Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\""
                    + "http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" + comments + "</w:comments>").utf8)))
            }
            guard let types = try document.archive.part("[Content_Types].xml") else { throw WordFailure.missingPart("[Content_Types].xml") }
            if !String(decoding: types, as: UTF8.self).contains("/\(name)\"") {
                replaced["[Content_Types].xml"] = try Self.inserting(Array(("<Override PartName=\"/\(name)\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>").utf8), before: "</Types>", in: types, part: "[Content_Types].xml")
            }
            let relsName = document.folder + "_rels/" + document.mainPart.dropFirst(document.folder.count) + ".rels"
            let relationship = "<Relationship Id=\"rIdNewslintComments\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/comments\" Target=\"comments.xml\"/>"
            if let rels = try document.archive.part(relsName) {
                if !String(decoding: rels, as: UTF8.self).contains("relationships/comments\"") {
                    replaced[relsName] = try Self.inserting(Array(relationship.utf8), before: "</Relationships>", in: rels, part: relsName)
                }
            } else {
                added.append((relsName, Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\""
                    + "http://schemas.openxmlformats.org/package/2006/relationships\">" + relationship + "</Relationships>").utf8)))
            }
        }

        /// `xml` with `piece` put before its last `closing` tag.
        static func inserting(_ piece: [UInt8], before closing: String, in xml: [UInt8], part: String) throws(WordFailure) -> [UInt8] {
            let tag = Array(closing.utf8)
            var k = xml.count - tag.count
            while k >= 0 && !xml[k..<(k + tag.count)].elementsEqual(tag) { k -= 1 }
            guard k >= 0 else { throw WordFailure.badXML(part: part, detail: "no \(closing)") }
            return Array(xml[..<k]) + piece + Array(xml[k...])
        }

        /// A run rewritten with marks in it: split at each mark, each piece with the run's own
        /// start tag and properties; deleted pieces in `w:del` with their text as `w:delText`.
        func rebuild(_ k: Int, inserts: [(offset: Int, order: Int, xml: String)], deletes: [(range: Range<Int>, id: Int)]) -> String {
            let r = document.runs[k]
            let xml = document.parts[r.part].xml
            let startTag = String(decoding: xml[r.startTag], as: UTF8.self)
            let properties = r.properties.map { String(decoding: xml[$0], as: UTF8.self) } ?? ""
            let pending = inserts.sorted { ($0.offset, $0.order) < ($1.offset, $1.order) }
            var next = 0
            var out = "", segment = ""
            var deletedBy: Int?
            func flush() {
                guard !segment.isEmpty else { return }
                if let id = deletedBy {
                    out += "<w:del w:id=\"\(id)\" w:author=\"\(WordReview.author)\"><w:r>\(properties)\(segment)</w:r></w:del>"
                } else {
                    out += startTag + properties + segment + "</w:r>"
                }
                segment = ""
            }
            func marks(upTo offset: Int) {
                while next < pending.count && pending[next].offset <= offset {
                    flush()
                    out += pending[next].xml
                    next += 1
                }
            }
            func state(at offset: Int) {
                let id = deletes.first { $0.range.contains(offset) }?.id
                if id != deletedBy {
                    flush()
                    deletedBy = id
                }
            }
            let cuts = Array(Set(pending.map(\.offset) + deletes.flatMap { [$0.range.lowerBound, $0.range.upperBound] })).sorted()
            var cut = 0  // the first cut not before the current item
            for item in r.items {
                switch item.kind {
                case let .text(s):
                    let bytes = Array(s.utf8)
                    var from = 0
                    while cut < cuts.count && cuts[cut] <= item.offset { cut += 1 }
                    var inner: [Int] = []
                    while cut < cuts.count && cuts[cut] < item.offset + bytes.count {
                        inner.append(cuts[cut] - item.offset)
                        cut += 1
                    }
                    for to in inner + [bytes.count] {
                        marks(upTo: item.offset + from)
                        state(at: item.offset + from)
                        let piece = Markup.escape(String(decoding: bytes[from..<to], as: UTF8.self))
                        segment += deletedBy == nil ? "<w:t xml:space=\"preserve\">\(piece)</w:t>" : "<w:delText xml:space=\"preserve\">\(piece)</w:delText>"
                        from = to
                    }
                case .tab:
                    marks(upTo: item.offset)
                    state(at: item.offset)
                    segment += "<w:tab/>"
                case let .lineBreak(range):
                    marks(upTo: item.offset)
                    state(at: item.offset)
                    segment += String(decoding: xml[range], as: UTF8.self)
                case let .other(range):
                    if deletedBy != nil { flush(); deletedBy = nil }
                    segment += String(decoding: xml[range], as: UTF8.self)
                }
            }
            marks(upTo: Int.max)
            flush()
            return out
        }
    }
}

extension WordDocument {
    /// The largest numeric `w:id` in the parts and the comments part, so that new comments and
    /// changes take fresh ones.
    func largestID(comments: [UInt8]?) -> Int {
        var largest = 0
        var sources = parts.map { ($0.name, $0.xml) }
        if let comments { sources.append((folder + "comments.xml", comments)) }
        for (name, xml) in sources {
            guard var scanner = try? XMLScanner(xml, part: name) else { continue }
            while let event = try? scanner.next() {
                if case let .start(_, attributes, _, _) = event, let v = attributes.first(where: { $0.name == "w:id" }).flatMap({ Int($0.value) }) {
                    largest = max(largest, v)
                }
            }
        }
        return largest
    }
}
