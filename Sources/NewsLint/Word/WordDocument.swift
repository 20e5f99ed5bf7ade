/// A Word document (`.docx`, Office Open XML) read as newslint lints it: the text of its
/// paragraphs in reading order (the body with its tables and text boxes, then footnotes and
/// endnotes), one paragraph a line, and where each piece of that text stands in the XML, so
/// that findings can be written back as comments or tracked changes (`WordReview`).
///
/// Text that a tracked change deleted is left out and inserted text kept; a field's shown result
/// counts and its code does not; a soft line break inside a paragraph is a line break; of a
/// drawing's two versions (`mc:AlternateContent`) only the first is read.
public final class WordDocument: Sendable {
    /// The text, UTF-8: each paragraph followed by a line feed.
    public let text: [UInt8]
    /// Paragraph and column of each line of `text`.
    public let paragraphs: ParagraphMap
    /// Every run that holds text, in text order.
    let runs: [Run]
    /// The parts runs live in (`word/document.xml`, `word/footnotes.xml` …) and their XML.
    let parts: [(name: String, xml: [UInt8])]
    /// The container, for writing a reviewed copy.
    let archive: ZipArchive
    /// The main part's name.
    let mainPart: String
    /// Where each footnote, endnote and text box stands in the text around it (`footnote:1`,
    /// `box:3` → the byte of `text` where its mark or drawing stands): a comment on its text is
    /// anchored there, as LibreOffice does not load a comment inside a note, and drops one
    /// inside a text box.
    let anchors: [String: Int]
    /// Whether comments and tracked changes can be written: every part names WordprocessingML
    /// with the prefix `w:`, which the markup newslint writes uses.
    let writable: Bool

    /// A piece of a run's content, at a byte offset of `text`.
    struct Item: Sendable {
        enum Kind: Sendable {
            case text(String)
            case tab
            /// A soft line break (`w:br`, `w:cr`), kept as written.
            case lineBreak(Range<Int>)
            /// Anything else in the run (a drawing, a field character, a reference), kept as written.
            case other(Range<Int>)
        }
        let kind: Kind
        let offset: Int

        var length: Int {
            switch kind {
            case let .text(s): return s.utf8.count
            case .tab, .lineBreak: return 1
            case .other: return 0
            }
        }
    }

    /// A `w:r` element with text in it.
    struct Run: Sendable {
        let part: Int
        /// The whole element, its start tag and its `w:rPr`, as byte ranges of the part's XML.
        let element: Range<Int>
        let startTag: Range<Int>
        let properties: Range<Int>?
        let items: [Item]
        /// Its text's range in `WordDocument.text`.
        let textRange: Range<Int>
        /// Whether it may be split to anchor a comment (not when it holds a text box's paragraphs).
        let splittable: Bool
        /// Whether a tracked change may be made in it (not inside another tracked change or a field).
        let fixable: Bool
        /// The note or text box it belongs to (`footnote:1`, `box:3`), if any.
        let note: String?

        /// The same run with its text offsets moved by `base` (read within its paragraph, placed
        /// in the document's text).
        func shifted(by base: Int) -> Run {
            Run(part: part, element: element, startTag: startTag, properties: properties,
                items: items.map { Item(kind: $0.kind, offset: $0.offset + base) },
                textRange: (textRange.lowerBound + base)..<(textRange.upperBound + base),
                splittable: splittable, fixable: fixable, note: note)
        }
    }

    /// Reads a document whose parts may each expand to `fileLimit` bytes (the run's file size
    /// limit), and all of them to twice that.
    public static func read(_ bytes: [UInt8], fileLimit: Int = FileReader.defaultLimit) throws(WordFailure) -> WordDocument {
        var limits = ZipArchive.Limits()
        limits.member = fileLimit
        limits.total = 2 * fileLimit
        let archive = try ZipArchive(bytes, limits: limits)
        let main = try mainPartName(archive)
        guard let mainXML = try archive.part(main) else { throw WordFailure.missingPart(main) }
        let folder = folder(of: main)
        var reader = Reader()
        try reader.read(mainXML, part: 0, name: main, notes: nil)
        var parts = [(name: main, xml: mainXML)]
        for (file, element) in [("footnotes.xml", "w:footnote"), ("endnotes.xml", "w:endnote")] {
            guard let xml = try archive.part(folder + file) else { continue }
            try reader.read(xml, part: parts.count, name: folder + file, notes: element)
            parts.append((folder + file, xml))
        }
        return WordDocument(text: reader.text, paragraphs: ParagraphMap(paragraph: reader.lineParagraph, column: reader.lineColumn),
                            runs: reader.runs, parts: parts, archive: archive, mainPart: main, anchors: reader.anchors,
                            writable: reader.writable)
    }

    init(text: [UInt8], paragraphs: ParagraphMap, runs: [Run], parts: [(name: String, xml: [UInt8])], archive: ZipArchive, mainPart: String,
         anchors: [String: Int], writable: Bool) {
        self.anchors = anchors
        self.writable = writable
        self.text = text
        self.paragraphs = paragraphs
        self.runs = runs
        self.parts = parts
        self.archive = archive
        self.mainPart = mainPart
    }

    /// The container's bytes as they were read.
    public var bytes: [UInt8] { archive.bytes }

    /// The folder of the main part, where its notes, comments and relationships lie (`word/`).
    var folder: String { Self.folder(of: mainPart) }

    static func folder(of part: String) -> String {
        part.lastIndex(of: "/").map { String(part[...$0]) } ?? ""
    }

    /// The main document part, from the package's relationships (`word/document.xml` in practice).
    static func mainPartName(_ archive: ZipArchive) throws(WordFailure) -> String {
        guard let rels = try archive.part("_rels/.rels") else { return "word/document.xml" }
        var scanner = try XMLScanner(rels, part: "_rels/.rels")
        while let event = try scanner.next() {
            guard case let .start(name, attributes, _, _) = event, name.hasSuffix("Relationship"),
                  attributes.first(where: { $0.name == "Type" })?.value.hasSuffix("/officeDocument") == true,
                  var target = attributes.first(where: { $0.name == "Target" })?.value else { continue }
            if target.hasPrefix("/") { target.removeFirst() }
            return target
        }
        return "word/document.xml"
    }

    /// Walks a part's XML and collects its paragraphs.
    struct Reader {
        var text: [UInt8] = []
        var lineParagraph: [UInt32] = []
        var lineColumn: [UInt32] = []
        var runs: [Run] = []
        var anchors: [String: Int] = [:]
        /// Whether every part names WordprocessingML `w:`, as the markup newslint writes does.
        var writable = true
        /// The note being read (`footnote:1`), in a notes part.
        var note: String?
        var boxes = 0

        /// A paragraph being read: its text and runs, with offsets from its own start.
        struct Paragraph {
            var text: [UInt8] = []
            var runs: [Run] = []
            var nested: [Paragraph] = []
            /// The notes and text boxes it holds, with the offset of each mark or drawing.
            var marks: [(note: String, offset: Int)] = []
            /// For a text box's paragraph: its key (`box:3`).
            var box: String?
        }

        struct RunBuilder {
            let depth: Int
            let startTag: Range<Int>
            var properties: Range<Int>?
            var items: [Item] = []
            var textStart: Int
            var child: (name: String, start: Int)?
            var collecting: String?
            var splittable = true
            let fixable: Bool
            /// Hidden text (`w:vanish` in its properties): Word does not show it, so it is not read.
            var hidden = false
        }

        /// Reads one part. The paragraph being read is the top of `stack`, and the run being read
        /// in it is `run`, kept apart so that appending to it copies nothing; a text box's
        /// paragraph opens inside a run, whose state waits in `outerRuns` until it closes.
        mutating func read(_ xml: [UInt8], part: Int, name: String, notes: String?) throws(WordFailure) {
            var scanner = try XMLScanner(xml, part: name)
            var prefixes: Prefixes?
            var depth = 0
            var skipUntil: Int?            // skipping the content of an element opened at this depth
            var stack: [Paragraph] = []
            var run: RunBuilder?
            var outerRuns: [RunBuilder?] = []
            var fields: [Bool] = []        // per open field: whether its code (not its result) is being read
            var trackedDepth: [Int] = []   // depths of the w:ins and w:moveTo being read
            while var event = try scanner.next() {
                if case let .start(tag, attributes, selfClosing, range) = event {
                    if prefixes == nil {
                        let root = Prefixes(root: attributes)
                        guard root.declaresMain else { throw WordFailure.badXML(part: name, detail: "it does not declare the WordprocessingML namespace") }
                        prefixes = root
                        writable = writable && root.writable
                    }
                    if !prefixes!.conventional {
                        event = .start(name: prefixes!.normal(tag, element: true),
                                       attributes: attributes.map { (prefixes!.normal($0.name, element: false), $0.value) },
                                       selfClosing: selfClosing, range: range)
                    }
                } else if case let .end(tag, range) = event, !prefixes!.conventional {
                    event = .end(name: prefixes!.normal(tag, element: true), range: range)
                }
                switch event {
                case let .start(tag, attributes, selfClosing, range):
                    depth += 1
                    defer { if selfClosing { depth -= 1 } }
                    if skipUntil != nil { continue }
                    let skipped = tag == "w:del" || tag == "w:moveFrom" || tag == "mc:Fallback"
                        || (notes != nil && tag == notes && attributes.contains { $0.name == "w:type" && $0.value != "normal" })
                    if skipped {
                        if !selfClosing { skipUntil = depth }
                        continue
                    }
                    if tag == "w:ins" || tag == "w:moveTo" { if !selfClosing { trackedDepth.append(depth) } }
                    if let notes, tag == notes, let id = attributes.first(where: { $0.name == "w:id" })?.value {
                        note = String(notes.dropFirst(2)) + ":" + id
                    }
                    if (tag == "w:footnoteReference" || tag == "w:endnoteReference") && !stack.isEmpty,
                       let id = attributes.first(where: { $0.name == "w:id" })?.value {
                        stack[stack.count - 1].marks.append((String(tag.dropFirst(2).dropLast(9)) + ":" + id, stack[stack.count - 1].text.count))
                    }
                    if tag == "w:p" {
                        var p = Paragraph()
                        if !stack.isEmpty {
                            boxes += 1
                            p.box = "box:\(boxes)"
                        }
                        if selfClosing {
                            finish(p, into: &stack, outer: &run)
                        } else {
                            stack.append(p)
                            outerRuns.append(run)
                            run = nil
                        }
                        continue
                    }
                    guard !stack.isEmpty else { continue }
                    if tag == "w:fldChar", let type = attributes.first(where: { $0.name == "w:fldCharType" })?.value {
                        switch type {
                        case "begin": fields.append(true)
                        case "separate": if !fields.isEmpty { fields[fields.count - 1] = false }
                        case "end": _ = fields.popLast()
                        default: break
                        }
                    }
                    if tag == "w:r" && !selfClosing && run == nil {
                        run = RunBuilder(depth: depth, startTag: range, textStart: stack[stack.count - 1].text.count,
                                         fixable: trackedDepth.isEmpty && fields.isEmpty)
                        continue
                    }
                    if tag == "w:vanish", run != nil, depth == run!.depth + 2,
                       !["0", "false", "off"].contains(attributes.first(where: { $0.name == "w:val" })?.value ?? "") {
                        run!.hidden = true
                    }
                    guard run != nil, depth == run!.depth + 1 else { continue }
                    let inCode = fields.contains(true) || run!.hidden
                    let at = stack[stack.count - 1].text.count
                    switch tag {
                    case "w:t" where !selfClosing && !inCode:
                        run!.collecting = ""
                    case "w:tab" where !inCode:
                        run!.items.append(Item(kind: .tab, offset: at))
                        stack[stack.count - 1].text.append(0x09)
                    case "w:br" where !inCode, "w:cr" where !inCode:
                        run!.items.append(Item(kind: .lineBreak(range), offset: at))
                        stack[stack.count - 1].text.append(0x0A)
                    default:
                        if selfClosing { run!.items.append(Item(kind: .other(range), offset: at)) }
                    }
                    if !selfClosing { run!.child = (tag, range.lowerBound) }
                case let .text(s, _):
                    guard skipUntil == nil, run?.collecting != nil else { continue }
                    run!.collecting! += s
                case let .end(tag, range):
                    defer { depth -= 1 }
                    if let s = skipUntil {
                        if depth == s { skipUntil = nil }
                        continue
                    }
                    if trackedDepth.last == depth { trackedDepth.removeLast() }
                    if tag == "w:p" && !stack.isEmpty && run == nil {
                        let p = stack.removeLast()
                        run = outerRuns.popLast() ?? nil
                        finish(p, into: &stack, outer: &run)
                        continue
                    }
                    guard !stack.isEmpty, let r = run else { continue }
                    if depth == r.depth {
                        // The run ends.
                        run = nil
                        let end = stack[stack.count - 1].text.count
                        guard end > r.textStart || r.items.contains(where: { $0.length > 0 }) else { continue }
                        stack[stack.count - 1].runs.append(Run(part: part, element: r.startTag.lowerBound..<range.upperBound, startTag: r.startTag,
                                                               properties: r.properties, items: r.items, textRange: r.textStart..<end,
                                                               splittable: r.splittable, fixable: r.fixable,
                                                               note: stack[stack.count - 1].box ?? note))
                        continue
                    }
                    guard depth == r.depth + 1, let child = r.child else { continue }
                    run!.child = nil
                    let whole = child.start..<range.upperBound
                    if tag == "w:rPr" {
                        run!.properties = whole
                    } else if let t = r.collecting, !r.hidden {
                        run!.collecting = nil
                        run!.items.append(Item(kind: .text(t), offset: stack[stack.count - 1].text.count))
                        stack[stack.count - 1].text += Array(t.utf8)
                    } else {
                        run!.items.append(Item(kind: .other(whole), offset: stack[stack.count - 1].text.count))
                        if tag == "w:drawing" || tag == "w:pict" || tag == "mc:AlternateContent" || tag == "w:object" { run!.splittable = false }
                    }
                }
            }
        }

        /// A paragraph is done: a text box's paragraphs wait for the paragraph that holds them and
        /// follow it (and the run that holds them may not be split); a paragraph of the body goes
        /// into the text.
        mutating func finish(_ p: Paragraph, into stack: inout [Paragraph], outer run: inout RunBuilder?) {
            if !stack.isEmpty {
                if let box = p.box { stack[stack.count - 1].marks.append((box, stack[stack.count - 1].text.count)) }
                stack[stack.count - 1].nested.append(p)
                run?.splittable = false
                return
            }
            append(p)
        }

        mutating func append(_ p: Paragraph) {
            let number = (lineParagraph.last ?? 0) + 1
            let base = text.count
            var column: UInt32 = 0
            lineParagraph.append(number)
            lineColumn.append(0)
            for b in p.text {
                if UTF8Scan.isScalarStart(b) { column += 1 }
                if b == 0x0A {
                    lineParagraph.append(number)
                    lineColumn.append(column)
                }
            }
            text += p.text
            text.append(0x0A)
            for m in p.marks { anchors[m.note] = base + m.offset }
            runs += p.runs.map { $0.shifted(by: base) }
            for n in p.nested { append(n) }
        }
    }
}

/// Where the lines of a text stand in the Word document it came from: for each line (0-based),
/// its paragraph (1-based, in reading order) and how many characters of that paragraph come
/// before it (a soft line break counts as one).
public struct ParagraphMap: Sendable, Equatable {
    public let paragraph: [UInt32]
    public let column: [UInt32]
}

/// The prefixes a part binds to WordprocessingML and to markup compatibility. Word, WPS and
/// LibreOffice write `w:` and `mc:`; a part may bind others, or make WordprocessingML its
/// default namespace, and is read the same: names are turned into the conventional ones.
struct Prefixes {
    static let main: Set<String> = ["http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                    "http://purl.oclc.org/ooxml/wordprocessingml/main"]
    static let compatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    /// Prefixes bound to WordprocessingML ("" for the default namespace), and to compatibility.
    let mainPrefixes: Set<String>
    let compatibilityPrefixes: Set<String>
    /// The names are the conventional ones already (the common case: nothing to turn).
    let conventional: Bool

    init(root attributes: [(name: String, value: String)]) {
        var main = Set<String>(), mc = Set<String>()
        for a in attributes {
            let prefix: String
            if a.name == "xmlns" { prefix = "" } else if a.name.hasPrefix("xmlns:") { prefix = String(a.name.dropFirst(6)) } else { continue }
            if Self.main.contains(a.value) { main.insert(prefix) }
            if a.value == Self.compatibility { mc.insert(prefix) }
        }
        mainPrefixes = main
        compatibilityPrefixes = mc
        conventional = main == ["w"] && (mc.isEmpty || mc == ["mc"])
    }

    /// Whether the part is WordprocessingML at all.
    var declaresMain: Bool { !mainPrefixes.isEmpty }
    /// Whether `w:` names WordprocessingML, as the markup newslint writes assumes.
    var writable: Bool { mainPrefixes.contains("w") && (compatibilityPrefixes.isEmpty || compatibilityPrefixes.contains("mc")) }

    /// An element's or attribute's name in the conventional prefixes.
    func normal(_ name: String, element: Bool) -> String {
        guard !conventional else { return name }
        guard let colon = name.firstIndex(of: ":") else {
            return element && mainPrefixes.contains("") ? "w:" + name : name
        }
        let prefix = String(name[..<colon]), local = name[name.index(after: colon)...]
        if mainPrefixes.contains(prefix) { return "w:" + local }
        if compatibilityPrefixes.contains(prefix) { return "mc:" + local }
        // A conventional prefix bound to something else is some other vocabulary.
        return prefix == "w" || prefix == "mc" ? "other-" + name : name
    }
}
