import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import NewsLint
@testable import NewsLintCommand

/// The adversarial cases of issue 19, one test or more an item (the item's number leads each
/// test's comment): a pipeline tool must never destroy what it was not asked to change, hang,
/// or crash. Cases that need a real process (closed standard streams, timing at scale) are in
/// `scripts/adversarial`.
@Suite("Adversarial input", .timeLimit(.minutes(1)))
struct AdversarialTests {
    static let quote = "从源远流长的文化中遇见「可爱的中国」。\n"
    static let fixed = "从源远流长的文化中遇见“可爱的中国”。\n"

    func mode(_ path: String) -> mode_t {
        var st = stat()
        stat(path, &st)
        return st.st_mode & 0o7777
    }

    func isSymlink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    func text(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    // MARK: Writing

    /// 1. A report written to a symbolic link replaces the link's target and keeps the link; one
    /// written to a FIFO goes into it and leaves it a FIFO.
    @Test func outputGoesThroughLinksAndIntoFIFOs() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", Self.quote)
        try dir.write("real.json", "old")
        symlink(dir.path + "/real.json", dir.path + "/link.json")
        let r = runTool(["--format", "json", "a.txt", "-o", "link.json"], in: dir.path)
        #expect(r.code == 1)
        #expect(isSymlink(dir.path + "/link.json"))
        #expect(text(dir.path + "/real.json")?.contains("\"schemaVersion\"") == true)

        let fifo = dir.path + "/report.fifo"
        #expect(mkfifo(fifo, 0o644) == 0)
        let received = Box()
        let reader = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            // A plain reader, as `cat` would be: open blocks until the writer comes.
            let fd = open(fifo, O_RDONLY)
            var bytes: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 4096)
            while fd >= 0, case let n = read(fd, &chunk, chunk.count), n > 0 { bytes += chunk[0..<n] }
            close(fd)
            received.text = String(decoding: bytes, as: UTF8.self)
            reader.signal()
        }
        #expect(runTool(["a.txt", "-o", "report.fifo", "--write-baseline", "base.json"], in: dir.path).code == 1)
        #expect(reader.wait(timeout: .now() + 10) == .success)
        #expect(received.text.contains("quote-style"))
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
        // A report over an existing file keeps that file's mode.
        try dir.write("private.txt", "old")
        chmod(dir.path + "/private.txt", 0o600)
        #expect(runTool(["a.txt", "-o", "private.txt"], in: dir.path).code == 1)
        #expect(mode(dir.path + "/private.txt") == 0o600)
    }

    /// 2. A report or baseline whose target is one of the inputs is refused, and the input kept.
    @Test func outputNeverReplacesAnInput() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", Self.quote)
        try dir.write("b.txt", "正文。\n")
        for flag in ["-o", "--write-baseline"] {
            let r = runTool(["a.txt", "b.txt", flag, "./a.txt"], in: dir.path)
            #expect(r.code == 2 && r.err.contains("是本次检查的输入文件"), "\(flag)")
            #expect(text(dir.path + "/a.txt") == Self.quote)
        }
        // Also through a hard link, and when the input came from a folder.
        link(dir.path + "/b.txt", dir.path + "/other.json")
        #expect(runTool([".", "-o", "other.json"], in: dir.path).code == 2)
        #expect(text(dir.path + "/b.txt") == "正文。\n")
    }

    /// 3. `fix` keeps a file's mode (600, 755 with set-user-ID) and leaves a read-only file alone.
    @Test func fixKeepsModesAndLeavesReadOnlyFilesAlone() throws {
        let dir = try TemporaryDirectory()
        for (name, m) in [("private.txt", mode_t(0o600)), ("script.txt", mode_t(0o4755)), ("locked.txt", mode_t(0o444))] {
            try dir.write(name, Self.quote)
            chmod(dir.path + "/" + name, m)
        }
        let r = runTool(["fix", "private.txt", "script.txt", "locked.txt"], in: dir.path)
        #expect(r.code == 2)
        #expect(text(dir.path + "/private.txt") == Self.fixed && mode(dir.path + "/private.txt") == 0o600)
        #expect(text(dir.path + "/script.txt") == Self.fixed && mode(dir.path + "/script.txt") == 0o4755)
        #expect(text(dir.path + "/locked.txt") == Self.quote && mode(dir.path + "/locked.txt") == 0o444)
        #expect(r.err.contains("未修改 locked.txt：是只读文件") && r.err.contains("已修改 private.txt（1 处）"))
        // The owner and group stay (run as root, the file can be given back to another user).
        if geteuid() == 0 {
            try dir.write("theirs.txt", Self.quote)
            chown(dir.path + "/theirs.txt", 4321, 4322)
            #expect(runTool(["fix", "theirs.txt"], in: dir.path).code == 0)
            var st = stat()
            stat(dir.path + "/theirs.txt", &st)
            #expect(st.st_uid == 4321 && st.st_gid == 4322 && text(dir.path + "/theirs.txt") == Self.fixed)
        }
    }

    /// 4. `fix` through a symbolic link edits the target and keeps the link; a hard-linked file
    /// is refused, and both names keep one file.
    @Test func fixEditsLinkTargetsAndKeepsHardLinks() throws {
        let dir = try TemporaryDirectory()
        try dir.write("target.txt", Self.quote)
        symlink("target.txt", dir.path + "/link.txt")
        try dir.write("one.txt", Self.quote)
        link(dir.path + "/one.txt", dir.path + "/two.txt")
        let r = runTool(["fix", "link.txt", "one.txt"], in: dir.path)
        #expect(isSymlink(dir.path + "/link.txt") && text(dir.path + "/target.txt") == Self.fixed)
        #expect(r.code == 2 && r.err.contains("硬链接"))
        #expect(FileIdentity(path: dir.path + "/one.txt") == FileIdentity(path: dir.path + "/two.txt"))
        #expect(text(dir.path + "/one.txt") == Self.quote)
    }

    /// 5. A file that no longer holds what was linted (an edit saved meanwhile) is not written.
    @Test func aConcurrentEditIsNeverOverwritten() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("a.txt", "编辑刚保存的新稿。\n")
        #expect(throws: FileWriter.Refusal.self) {
            try FileWriter.rewrite(path, with: Array(Self.fixed.utf8), expected: Array(Self.quote.utf8), limit: 1 << 20)
        }
        #expect(text(path) == "编辑刚保存的新稿。\n")
        // And the same file, unchanged, is written.
        try dir.write("b.txt", Self.quote)
        try FileWriter.rewrite(dir.path + "/b.txt", with: Array(Self.fixed.utf8), expected: Array(Self.quote.utf8), limit: 1 << 20)
        #expect(text(dir.path + "/b.txt") == Self.fixed)
    }

    /// 6. A GB18030 file that does not round-trip (a lone 0x80) is not fixed, and `--dry-run` says so.
    @Test func aFileThatDoesNotRoundTripIsNotFixed() throws {
        let dir = try TemporaryDirectory()
        let gb = try #require(Self.quote.dropLast().data(using: TextDecoder.gb18030))
        let bytes = Array(gb) + [0x80] + Array("价格。\n".data(using: TextDecoder.gb18030)!)
        let path = try dir.write("gb.txt", bytes)
        for args in [["fix", "--dry-run", "gb.txt"], ["fix", "gb.txt"]] {
            let r = runTool(args, in: dir.path)
            #expect(r.code == 2 && r.err.contains("不能还原原文件的每个字节"), "\(args)")
            #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
        }
    }

    /// 7. A file that cannot be written does not stop the others; the summary says both.
    @Test func fixGoesOnAfterAFailure() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", Self.quote)
        try dir.write("b.txt", Self.quote)
        try dir.write("c.txt", Self.quote)
        chmod(dir.path + "/b.txt", 0o444)
        let r = runTool(["fix", "a.txt", "b.txt", "c.txt"], in: dir.path)
        #expect(r.code == 2)
        #expect(text(dir.path + "/a.txt") == Self.fixed && text(dir.path + "/c.txt") == Self.fixed)
        #expect(r.err.contains("已修改 2 个文件，2 处；1 个文件未修改"))
    }

    // MARK: Reading

    /// 8. A FIFO never blocks a run: in a folder it is reported, as configuration or data it is refused.
    @Test func fifosAreRefusedWhereFilesAreExpected() throws {
        let dir = try TemporaryDirectory()
        try dir.write("pages/a.txt", Self.quote)
        mkfifo(dir.path + "/pages/b.txt", 0o644)
        let walked = runTool(["pages"], in: dir.path)
        #expect(walked.code == 2 && walked.err.contains("pages/b.txt: 是命名管道（FIFO）"))
        #expect(walked.out.contains("pages/a.txt:1:12"))
        mkfifo(dir.path + "/config.json", 0o644)
        #expect(runTool(["-c", "config.json", "pages/a.txt"], in: dir.path).code == 2)
        mkfifo(dir.path + "/base.json", 0o644)
        #expect(runTool(["--baseline", "base.json", "pages/a.txt"], in: dir.path).code == 2)
        try dir.write("x/.lint.json", "{}")
        try FileManager.default.createDirectory(atPath: dir.path + "/x/Rules", withIntermediateDirectories: true)
        mkfifo(dir.path + "/x/Rules/house-style.json", 0o644)
        mkfifo(dir.path + "/x/Rules/pack-local.json", 0o644)
        try dir.write("x/a.txt", Self.quote)
        #expect(runTool(["a.txt"], in: dir.path + "/x").code == 2)
        try dir.write("y/.lint.json", #"{"rules": {"name-consistency": {"options": {"reference": ["ref.txt"]}}}}"#)
        mkfifo(dir.path + "/y/ref.txt", 0o644)
        try dir.write("y/a.txt", Self.quote)
        let ref = runTool(["a.txt"], in: dir.path + "/y")
        #expect(ref.code == 2 && ref.err.contains("FIFO"))
    }

    /// 9. Every read has a size limit, and devices are refused as data.
    @Test func readsAreBoundedInSize() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", Self.quote)
        let small = runTool(["a.txt", "--max-file-size", "10"], in: dir.path)
        #expect(small.code == 2 && small.err.contains("超过文件大小上限 10 字节"))
        let zero = runTool(["/dev/zero", "--max-file-size", "64K"], in: dir.path)
        #expect(zero.code == 2 && zero.err.contains("65536"))
        #expect(runTool(["--baseline", "/dev/zero", "a.txt"], in: dir.path).code == 2)
        try dir.write(".lint.json", #"{"maxFileSize": 10}"#)
        #expect(runTool(["a.txt"], in: dir.path).code == 2)
        try dir.write(".lint.json", #"{"maxFileSize": "big"}"#)
        #expect(runTool(["a.txt"], in: dir.path).code == 2)
        #expect(CommandLineTool.byteCount("64M") == 64 << 20 && CommandLineTool.byteCount("0") == nil && CommandLineTool.byteCount("x") == nil)
    }

    /// 10. Looking for `.lint.json` ends, from a folder that is gone or a path past PATH_MAX.
    @Test func configurationSearchAlwaysEnds() throws {
        #expect(Configuration.find(from: "") == nil)
        #expect(Configuration.find(from: "relative/path") == nil)
        let long = "/" + Array(repeating: String(repeating: "长", count: 80), count: 40).joined(separator: "/")
        #expect(Configuration.find(from: long) == nil || Configuration.find(from: long) == "/.lint.json")
        let dir = try TemporaryDirectory()
        let gone = dir.path + "/gone"
        try FileManager.default.createDirectory(atPath: gone, withIntermediateDirectories: true)
        try FileManager.default.removeItem(atPath: gone)
        #expect(runTool(["/dev/null"], in: gone).code == 0)  // an empty stream, linted
    }

    /// 11. A file past PATH_MAX in a deep tree, or with a name that is not UTF-8, is reported, not skipped.
    @Test func unreachableFilesAreReported() throws {
        let dir = try TemporaryDirectory()
        defer { _ = try? Process.run(URL(fileURLWithPath: "/bin/rm"), arguments: ["-rf", dir.path + "/deep"]).waitUntilExit() }
        var fd = open(dir.path, O_RDONLY | O_DIRECTORY)
        let component = String(repeating: "d", count: 200)
        for name in ["deep"] + Array(repeating: component, count: 24) {
            mkdirat(fd, name, 0o755)
            let child = openat(fd, name, O_RDONLY | O_DIRECTORY)
            close(fd)
            fd = child
        }
        let file = openat(fd, "page.txt", O_WRONLY | O_CREAT, 0o644)
        _ = Self.quote.withCString { write(file, $0, strlen($0)) }
        close(file)
        close(fd)
        let deep = runTool(["deep"], in: dir.path)
        #expect(deep.code == 2 && deep.err.contains("PATH_MAX"))

        let bad = dir.path + "/names"
        try FileManager.default.createDirectory(atPath: bad, withIntermediateDirectories: true)
        var raw = Array((bad + "/").utf8CString.dropLast())
        raw += [CChar(bitPattern: 0xFF), CChar(bitPattern: 0xFE)] + Array(".txt".utf8CString)
        let named = raw.withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        close(named)
        let r = runTool(["names"], in: dir.path)
        #expect(r.code == 2 && r.err.contains("不是有效的 UTF-8"))
    }

    /// 12. Many findings on one long line are positioned in linear time, and exactly.
    @Test func positionsOnALongLineAreExact() {
        let line = String(repeating: "从源远流长的文化中遇见「可爱的中国」。", count: 2000)
        let source = SourceText(line + "\n第二行「甲」")
        let bytes = Array(line.utf8)
        var offset = 0
        for (k, scalar) in line.unicodeScalars.enumerated() {
            if k % 997 == 0 { #expect(source.position(of: offset) == SourcePosition(line: 1, column: k + 1)) }
            offset += String(scalar).utf8.count
        }
        #expect(source.position(of: bytes.count) == SourcePosition(line: 1, column: line.unicodeScalars.count + 1))
        #expect(source.position(of: bytes.count + 1 + "第二行".utf8.count) == SourcePosition(line: 2, column: 4))
        let report = try! Linter(configuration: Configuration(baseDirectory: "/")).lint(texts: [("a.txt", line)])
        #expect(report.files[0].diagnostics.filter { $0.rule == "quote-style" }.count == 2000)
        #expect(report.files[0].diagnostics.last?.start == SourcePosition(line: 1, column: 1999 * 19 + 12))
        // The text report shows a window around each finding, not the whole line.
        let shown = TextReporter.report(report, style: .init(color: false, lang: .zh))
        #expect(shown.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) < 200 })
    }

    /// 13. Glob matching is polynomial.
    @Test func globsAreMatchedInPolynomialTime() {
        let path = String(repeating: "a", count: 60)
        #expect(!Glob.matches("*a*a*a*a*a*a*a*a*a*a*b", path))
        #expect(!Glob.matches("**/**/**/**/**/**/**/**/x.txt", Array(repeating: "d", count: 40).joined(separator: "/") + "/y.txt"))
        #expect(Glob.matches("**/**/**/**/**/**/**/**/x.txt", Array(repeating: "d", count: 40).joined(separator: "/") + "/x.txt"))
    }

    /// 14. Duplicate keys are found in linear time, in a large object too.
    @Test func duplicateKeysAreFoundInLinearTime() {
        let members = (0..<100_000).map { "\"k\($0)\": 1" }.joined(separator: ",")
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array("{\(members), \"k5\": 2}".utf8)) }
        #expect((try? JSONParser.parse(Array("{\(members)}".utf8))) != nil)
    }

    /// 15. Suppressions are looked up, not scanned.
    @Test func manySuppressionsStayFast() {
        var text = ""
        for _ in 0..<20_000 { text += "<!-- newslint-disable-next-line quote-style -->\n" + Self.quote }
        text += Self.quote
        let report = try! Linter(configuration: Configuration(baseDirectory: "/")).lint(texts: [("a.txt", text)])
        let quotes = report.files[0].diagnostics.filter { $0.rule == "quote-style" }
        #expect(quotes.map(\.start.line) == [40_001])
    }

    // MARK: Crashes and wrong results

    /// 17. Long runs of Chinese digits are read without overflow, and the other files still report.
    @Test func longChineseNumeralsDoNotTrap() {
        let nines = String(repeating: "九", count: 40)
        let r = try! Linter(configuration: Configuration(baseDirectory: "/")).lint(texts: [
            ("a.txt", Self.quote), ("c.txt", "比例是百分之\(nines)。\n产值增长\(nines)倍。\n从\(nines)元增长到\(nines)亿元，增长\(nines)倍。\n"),
        ])
        #expect(r.files.count == 2 && r.files[0].diagnostics.count == 1)
        #expect(NumberScanner.chineseValue(nines) != nil)
    }

    /// 18. A report that cannot be written is exit 2, for every command.
    @Test func aFailedWriteIsExitTwo() {
        for args in [["seeds/003_a2c041b2b8083ec5.txt"], ["rules"], ["explain", "quote-style"], ["--help"], ["layout", "seeds/003_a2c041b2b8083ec5.txt"],
                     ["claims", "seeds/000_1f9a82e85afd0d46.txt"]] {
            var tool = CommandLineTool(arguments: args, workingDirectory: Repo.root.path, environment: [:], writeOut: { _ in }, writeErr: { _ in })
            tool.outputFailed = { true }
            #expect(tool.run() == 2, "\(args)")
        }
    }

    /// 19. (`PatternTests.thePrefilterKnowsEveryAlternative`), end to end.
    @Test func aPatternFiresOnItsSecondAlternative() throws {
        let dir = try TemporaryDirectory()
        try dir.write(".lint.json", "{}")
        try dir.write("Rules/pack-local.json", #"""
        {"pack": "local-style", "severity": "error", "entries": [
          {"id": "zheng-jian", "kind": "forbid", "pattern": "身分证|户口薄", "message": "证件名称有误",
           "examples": {"triggering": ["⟦户口薄⟧"], "nonTriggering": ["户口簿"]}}]}
        """#)
        try dir.write("a.txt", "只带了户口薄。\n")
        let r = runTool(["a.txt"], in: dir.path)
        #expect(r.code == 1 && r.out.contains("a.txt:1:4: error: 证件名称有误"))
    }

    /// 20. After `--`, `fix` is a file name.
    @Test func doubleDashEndsTheCommand() throws {
        let dir = try TemporaryDirectory()
        try dir.write("fix", Self.quote)
        try dir.write(".lint.json", #"{"include": ["other.txt"]}"#)
        try dir.write("other.txt", Self.quote)
        let r = runTool(["--", "fix"], in: dir.path)
        #expect(r.code == 1 && r.out.contains("fix:1:12"))
        #expect(text(dir.path + "/other.txt") == Self.quote)
    }

    /// 21. A pack may not take a built-in rule's id.
    @Test func aPackCannotTakeABuiltInId() throws {
        let dir = try TemporaryDirectory()
        try dir.write(".lint.json", "{}")
        try dir.write("Rules/pack-quote.json", #"{"pack": "quote-style", "entries": []}"#)
        try dir.write("a.txt", "正文。\n")
        let r = runTool(["a.txt"], in: dir.path)
        #expect(r.code == 2 && r.err.contains("pack-quote.json") && r.err.contains("内置规则的 id"))
    }

    /// 22. Wrong types are errors, not ignored.
    @Test func wrongTypesAreErrors() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", "正文。\n")
        for config in [#"{"rules": {"byline-format": {"options": {"houseStyle": {"nameLength": 3}}}}}"#,
                       #"{"rules": {"byline-format": {"options": {"houseStyle": {"description": 3}}}}}"#,
                       #"{"rules": {"misspelling": {"options": {"entries": ["a"]}}}}"#] {
            try dir.write(".lint.json", config)
            let r = runTool(["a.txt"], in: dir.path)
            #expect(r.code == 2 && r.err.contains(".lint.json"), "\(config)")
        }
    }

    /// 23. Messages say what is wrong, and quote long input cut short.
    @Test func messagesNameTheRealProblem() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", "正文。\n")
        try dir.write(".lint.json", #"{"rulesDirectory": "/dev/zero"}"#)
        #expect(runTool(["a.txt"], in: dir.path).err.contains("不是文件夹"))
        symlink(dir.path + "/loop", dir.path + "/loop")
        try dir.write(".lint.json", #"{"rulesDirectory": "loop"}"#)
        #expect(runTool(["a.txt"], in: dir.path).err.contains("符号链接循环"))
        try dir.write(".lint.json", "{}")
        try FileManager.default.createDirectory(atPath: dir.path + "/out", withIntermediateDirectories: true)
        let folder = runTool(["a.txt", "-o", "out"], in: dir.path)
        #expect(folder.code == 2 && folder.err.contains("是文件夹") && !folder.err.contains("NSCocoaErrorDomain"))
        try dir.write(".lint.json", "{\"" + String(repeating: "k", count: 100_000) + "\": 1}")
        let long = runTool(["a.txt"], in: dir.path)
        #expect(long.code == 2 && long.err.utf8.count < 1000)
    }

    /// 24. Control characters from file names and text are escaped in the text report.
    @Test func controlCharactersAreEscaped() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a\nb.txt", "从源远流长的文化中遇见「可爱\u{1B}[31m的中国」。\n")
        let r = runTool(["."], in: dir.path)
        #expect(!r.out.contains("\u{1B}") && r.out.contains("a\\nb.txt:1:12:") && r.out.contains("\\e[31m"))
        let gh = runTool([".", "--format", "github"], in: dir.path)
        #expect(!gh.out.contains("\u{1B}"))
    }
}
