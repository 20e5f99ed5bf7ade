import Foundation
import NewsLint

/// The `newslint` command: parses arguments, runs a command, and returns the exit code.
/// Output goes through the two writers so that tests can run it in-process.
struct CommandLineTool {
    var arguments: [String]
    var workingDirectory: String = FileManager.default.currentDirectoryPath
    var environment: [String: String] = ProcessInfo.processInfo.environment
    var stdoutIsTerminal = false
    var writeOut: (String) -> Void
    var writeErr: (String) -> Void
    /// Writes a report's bytes as they are (large JSON reports are not copied into a String);
    /// without it they go through `writeOut`.
    var writeOutBytes: (([UInt8]) -> Void)? = nil
    /// Whether writing to standard output has failed (it was closed, or the disk is full).
    var outputFailed: () -> Bool = { false }

    enum ExitCode {
        static let clean: Int32 = 0
        static let findings: Int32 = 1
        static let failure: Int32 = 2
    }

    enum Format: String, CaseIterable {
        case text, json, sarif, github, html, docx

        var reporter: any Reporter.Type {
            switch self {
            case .text: return TextReporter.self
            case .json: return JSONReporter.self
            case .sarif: return SARIFReporter.self
            case .github: return GitHubReporter.self
            case .html: return HTMLReporter.self
            case .docx: return WordReporter.self
            }
        }
    }

    struct Options {
        var command = "lint"
        var paths: [String] = []
        var format = Format.text
        var configPath: String?
        var strict = false
        var lang = Language.zh
        var noColor = false
        var outputPath: String?
        var markdown = false
        var baselinePath: String?
        var dryRun = false
        var jobs: Int?
        var writeBaselinePath: String?
        var timing = false
        var maxFileSize: Int?
        var date: Day?
    }

    struct UsageError: Error {
        let message: LocalizedText
    }

    /// Runs the command; a report or listing that could not be written is exit 2, whatever was found.
    func run() -> Int32 {
        let status = runCommand()
        guard outputFailed() else { return status }
        writeErr("newslint: 错误：无法写入标准输出 / error: cannot write to standard output\n")
        return ExitCode.failure
    }

    /// The position (1-based) of the first argument that is not valid UTF-8, if any: Swift
    /// repairs such an argument, and the repaired name would be reported as missing.
    static func invalidArgument(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int? {
        guard argc > 1 else { return nil }
        for k in 1..<Int(argc) {
            guard let p = argv[k] else { continue }
            if String(validatingCString: p) == nil { return k }
        }
        return nil
    }

    private func runCommand() -> Int32 {
        let options: Options
        do {
            options = try parse(arguments)
        } catch {
            let lang = arguments.contains("en") && arguments.contains("--lang") ? Language.en : .zh
            writeErr("newslint: " + (lang == .zh ? "用法错误：" : "usage error: ") + error.message.text(lang) + "\n")
            writeErr(lang == .zh ? "运行 `newslint --help` 查看用法。\n" : "Run `newslint --help` for usage.\n")
            return ExitCode.failure
        }
        switch options.command {
        case "help":
            writeOut(Help.text(options.lang))
            return ExitCode.clean
        case "version":
            writeOut("\(Version.name) \(Version.current)\n")
            return ExitCode.clean
        case "rules":
            switch loadLinter(options) {
            case let .success((configuration, _)):
                do {
                    writeOut(RuleCatalog.list(try RuleRegistry.descriptions(rulesDirectory: configuration.resolvedRulesDirectory),
                                              options.lang, markdown: options.markdown))
                } catch {
                    writeErr("newslint: \(error.describe(options.lang))\n")
                    return ExitCode.failure
                }
                return ExitCode.clean
            case let .failure(status): return status.code
            }
        case "explain":
            guard let id = options.paths.first else {
                writeErr("newslint: " + (options.lang == .zh ? "explain 需要一个规则 id，例如 `newslint explain quote-style`" : "explain needs a rule id, e.g. `newslint explain quote-style`") + "\n")
                return ExitCode.failure
            }
            // The rule as this folder's configuration makes it: its house style, a pack's entries.
            let configuration: Configuration, linter: Linter
            switch loadLinter(options) {
            case let .success((c, l)): (configuration, linter) = (c, l)
            case let .failure(status): return status.code
            }
            let all = (try? RuleRegistry.descriptions(rulesDirectory: configuration.resolvedRulesDirectory)) ?? []
            guard let description = linter.rules.first(where: { $0.id == id })?.rule.ruleDescription ?? all.first(where: { $0.id == id }) else {
                let message = Suggest.unknown(what: ("规则", "rule id"), id, among: all.map(\.id))
                writeErr("newslint: \(message.text(options.lang))\n")
                return ExitCode.failure
            }
            let summary = linter.rules.first { $0.id == id }?.rule.configurationSummary
            writeOut(RuleCatalog.explain(description, options.lang, configured: summary))
            return ExitCode.clean
        case "layout":
            return layout(options)
        case "claims":
            return claims(options)
        case "words":
            return words(options)
        case "fix":
            return fix(options)
        default:
            return lint(options)
        }
    }

    // MARK: - Arguments

    func parse(_ args: [String]) throws(UsageError) -> Options {
        var o = Options()
        var i = 0
        var sawCommand = false
        func value(_ flag: String) throws(UsageError) -> String {
            i += 1
            guard i < args.count else {
                throw UsageError(message: LocalizedText(zh: "\(flag) 需要一个值", en: "\(flag) needs a value"))
            }
            return args[i]
        }
        var endOfOptions = false
        while i < args.count {
            let a = args[i]
            defer { i += 1 }
            if endOfOptions || !a.hasPrefix("-") || a == "-" {
                // After `--` every argument is a path: `newslint -- fix` lints a file named `fix`.
                if !endOfOptions && !sawCommand && o.paths.isEmpty && ["lint", "rules", "explain", "layout", "claims", "words", "fix", "help", "version"].contains(a) {
                    o.command = a
                    sawCommand = true
                } else {
                    o.paths.append(a)
                }
                continue
            }
            var flag = a
            var inline: String?
            if let eq = a.firstIndex(of: "="), a.hasPrefix("--") {
                flag = String(a[..<eq])
                inline = String(a[a.index(after: eq)...])
            }
            func take() throws(UsageError) -> String {
                if let inline { return inline }
                return try value(flag)
            }
            switch flag {
            case "--": endOfOptions = true
            case "-h", "--help": o.command = "help"
            case "-V", "--version": o.command = "version"
            case "--markdown": o.markdown = true
            case "-f", "--format":
                let v = try take()
                guard let f = Format(rawValue: v) else {
                    throw UsageError(message: Suggest.unknown(what: ("输出格式", "format"), v, among: Format.allCases.map(\.rawValue)))
                }
                o.format = f
            case "-c", "--config": o.configPath = try take()
            case "-o", "--output": o.outputPath = try take()
            case "--strict": o.strict = true
            case "--baseline": o.baselinePath = try take()
            case "--dry-run": o.dryRun = true
            case "-j", "--jobs":
                let v = try take()
                guard let n = Int(v), n >= 1, n <= 256 else {
                    throw UsageError(message: LocalizedText(zh: "--jobs 需要 1～256 的整数", en: "--jobs takes a whole number from 1 to 256"))
                }
                o.jobs = n
            case "--write-baseline": o.writeBaselinePath = try take()
            case "--timing": o.timing = true
            case "--max-file-size":
                let v = try take()
                guard let n = Self.byteCount(v) else {
                    throw UsageError(message: LocalizedText(zh: "--max-file-size 需要字节数，可带 K、M、G（如 64M），实为 `\(Quoted.cut(v))`",
                                                            en: "--max-file-size takes a number of bytes, optionally with K, M or G (64M), not `\(Quoted.cut(v))`"))
                }
                o.maxFileSize = n
            case "--date":
                let v = try take()
                guard let day = Day(v) else {
                    throw UsageError(message: LocalizedText(zh: "--date 需要出版日期 YYYY-MM-DD，实为 `\(Quoted.cut(v))`",
                                                            en: "--date takes the edition's date, YYYY-MM-DD, not `\(Quoted.cut(v))`"))
                }
                o.date = day
            case "--no-color": o.noColor = true
            case "--lang":
                let v = try take()
                guard let l = Language(rawValue: v) else {
                    throw UsageError(message: Suggest.unknown(what: ("语言", "language"), v, among: Language.allCases.map(\.rawValue)))
                }
                o.lang = l
            default:
                let known = ["--help", "--version", "--format", "--config", "--output", "--strict", "--no-color", "--lang", "--markdown", "--baseline", "--write-baseline", "--dry-run", "--jobs", "--timing", "--max-file-size", "--date"]
                throw UsageError(message: Suggest.unknown(what: ("选项", "option"), flag, among: known))
            }
        }
        return o
    }

    /// `1048576`, `512K`, `64M`, `1G` as bytes (from 1 byte to 1 TiB).
    static func byteCount(_ text: String) -> Int? {
        var digits = Substring(text)
        var scale = 1
        if let last = text.last, let k = ["K": 10, "M": 20, "G": 30][last.uppercased()] {
            scale = 1 << k
            digits = digits.dropLast()
        }
        guard let n = Int(digits), n >= 1, n <= (1 << 40) / scale else { return nil }
        return n * scale
    }

    // MARK: - lint

    /// What a run works on: the configuration, the rules it makes, and the files to read.
    struct Prepared {
        let configuration: Configuration
        let linter: Linter
        let files: [InputFile]
        let errors: [InputError]
    }

    /// Each path that could not be linted, with the reason (names escaped for the terminal).
    func writeInputErrors(_ errors: [InputError], _ lang: Language) {
        for e in errors {
            writeErr("newslint: " + (lang == .zh ? "错误：" : "error: ") + "\(Quoted.escapingControls(e.path)): \(e.message.text(lang))\n")
        }
    }

    func fail(_ text: String, _ lang: Language) -> Int32 {
        writeErr("newslint: " + (lang == .zh ? "错误：" : "error: ") + text + "\n")
        return ExitCode.failure
    }

    /// Loads the configuration (--config, else the nearest .lint.json, else the defaults), makes the
    /// rules, and collects the files: the paths given, else what the configuration includes.
    func prepare(_ options: Options) -> Result<Prepared, ExitStatus> {
        let lang = options.lang
        let configuration: Configuration, linter: Linter
        switch loadLinter(options) {
        case let .success((c, l)): (configuration, linter) = (c, l)
        case let .failure(status): return .failure(status)
        }
        let collector = FileCollector(baseDirectory: configuration.baseDirectory, workingDirectory: workingDirectory,
                                      exclude: configuration.exclude)
        let collected: (files: [InputFile], errors: [InputError])
        if !options.paths.isEmpty {
            collected = collector.collect(paths: options.paths)
        } else if !configuration.include.isEmpty {
            collected = collector.collect(include: configuration.include)
        } else {
            return .failure(ExitStatus(code: fail(lang == .zh ? "没有给出要检查的文件，.lint.json 的 include 也为空"
                                                              : "no paths given, and no .lint.json `include` to fall back on", lang)))
        }
        return .success(Prepared(configuration: configuration, linter: linter, files: collected.files, errors: collected.errors))
    }

    /// The configuration (--config, else the nearest .lint.json, else the defaults) and the rules it makes.
    func loadLinter(_ options: Options) -> Result<(Configuration, Linter), ExitStatus> {
        let lang = options.lang
        var configuration = Configuration(baseDirectory: workingDirectory)
        let configFile = options.configPath.map { $0.hasPrefix("/") ? $0 : workingDirectory + "/" + $0 }
            ?? Configuration.find(from: workingDirectory)
        if let configFile {
            do {
                configuration = try Configuration.load(path: configFile, displayPath: options.configPath ?? relative(configFile),
                                                       knownRules: RuleRegistry.ids)
            } catch {
                return .failure(ExitStatus(code: fail(error.describe(lang), lang)))
            }
            if let dir = configuration.rulesDirectory {
                let full = dir.hasPrefix("/") ? dir : configuration.baseDirectory + "/" + dir
                var st = stat()
                let problem: LocalizedText?
                if stat(full, &st) != 0 {
                    let code = errno
                    problem = code == ENOENT ? LocalizedText(zh: "规则目录 `\(dir)` 不存在", en: "rules directory `\(dir)` does not exist")
                        : LocalizedText(zh: "规则目录 `\(dir)`：\(InputFailure.errno(code).message.zh)", en: "rules directory `\(dir)`: \(InputFailure.errno(code).message.en)")
                } else if (st.st_mode & S_IFMT) != S_IFDIR {
                    problem = LocalizedText(zh: "规则目录 `\(dir)` 不是文件夹", en: "rules directory `\(dir)` is not a folder")
                } else {
                    problem = nil
                }
                if let problem {
                    let e = ConfigurationError(file: configuration.path ?? "", keyPath: "rulesDirectory", message: problem)
                    return .failure(ExitStatus(code: fail(e.describe(lang), lang)))
                }
            }
        }
        if let limit = options.maxFileSize { configuration.maxFileSize = limit }
        if let day = options.date { configuration.date = day }
        do {
            var linter = try Linter(configuration: configuration)
            linter.jobs = options.jobs
            return .success((configuration, linter))
        } catch {
            return .failure(ExitStatus(code: fail(error.describe(lang), lang)))
        }
    }

    struct ExitStatus: Error { let code: Int32 }

    private func lint(_ options: Options) -> Int32 {
        let lang = options.lang
        let started = DispatchTime.now().uptimeNanoseconds
        let timings = options.timing ? Timings() : nil
        let collected: Prepared
        switch timings.measure("find files", { prepare(options) }) {
        case let .success(p): collected = p
        case let .failure(status): return status.code
        }
        // A reviewed Word copy is of one Word document, and is a file, never the terminal.
        if options.format == .docx {
            guard let out = options.outputPath, !out.isEmpty, out != "-" else {
                return fail(lang == .zh ? "--format docx 需要 --output 指定写出的 .docx 文件" : "--format docx needs --output naming the .docx to write", lang)
            }
            guard collected.files.count == 1, FileCollector.isWordDocument(collected.files[0].path), collected.errors.isEmpty else {
                return fail(lang == .zh ? "--format docx 只检查一个 .docx 文件（得到 \(collected.files.count) 个）"
                                        : "--format docx lints exactly one .docx file (got \(collected.files.count))", lang)
            }
        }
        // A report or baseline never replaces a file being linted: refused before any work.
        let inputs = Set(collected.files.compactMap { $0.isStandardInput ? nil : FileIdentity(path: $0.fileSystemPath) })
        for target in [options.outputPath, options.writeBaselinePath].compactMap({ $0 }) {
            do { try FileWriter.refuseInput(absolute(target), inputs: inputs) } catch {
                return fail(Quoted.escapingControls(target) + (lang == .zh ? "：" : ": ") + error.message.text(lang), lang)
            }
        }
        var linter = collected.linter
        linter.timings = timings
        linter.keepsLedgers = options.format == .html  // the report shows each file's claims ledger
        linter.keepsWordDocuments = options.format == .docx  // the copy is written from the document
        let result = linter.lint(collected.files)
        let inputErrors = collected.errors + result.inputErrors
        var report = LintReport(files: result.files, inputErrors: inputErrors, method: result.method)
        if let path = options.writeBaselinePath {
            do {
                try FileWriter.output([Array(Baseline(report).json.utf8)], to: absolute(path), inputs: inputs)
            } catch {
                return fail((lang == .zh ? "无法写入 " : "cannot write ") + Quoted.escapingControls(path) + ": " + error.message.text(lang), lang)
            }
        }
        if let path = options.baselinePath {
            do {
                let bytes = try FileReader.read(absolute(path), limit: linter.maxFileSize, regularOnly: true)
                report = try Baseline(json: bytes, file: path).filter(report)
            } catch let e as InputFailure {
                return fail("\(Quoted.escapingControls(path)): \(e.message.text(lang))", lang)
            } catch let e as ConfigurationError {
                return fail(e.describe(lang), lang)
            } catch {
                return fail("\(Quoted.escapingControls(path))", lang)
            }
        }
        writeInputErrors(inputErrors, lang)
        if collected.files.isEmpty && inputErrors.isEmpty {
            writeErr("newslint: " + (lang == .zh ? "警告：没有找到 .txt、.md 或 .docx 文件" : "warning: no .txt, .md or .docx files found") + "\n")
        }

        let color = options.outputPath == nil && stdoutIsTerminal && !options.noColor
            && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        // The report in pieces that are written one after another (the JSON report: one a file).
        let input = ReportInput(report: report, rules: collected.linter.rules.map(\.rule.ruleDescription), lang: lang, color: color)
        let rendered = timings.measure("report (\(options.format.rawValue))") { options.format.reporter.render(input) }
        if options.format == .docx && rendered.isEmpty {
            // The document could not be linted (its input error is written above) or written back.
            if inputErrors.isEmpty {
                do throws(WordFailure) { _ = try WordReporter.commentedCopy(report, lang: lang) } catch {
                    return fail(Quoted.escapingControls(collected.files[0].path) + (lang == .zh ? "：" : ": ") + error.message.text(lang), lang)
                }
            }
            return ExitCode.failure
        }
        defer {
            if let timings {
                writeErr(timings.table(wallSeconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9))
            }
        }
        if let out = options.outputPath {
            do {
                try timings.measure("write") { () throws(WriteFailure) in try FileWriter.output(rendered, to: absolute(out), inputs: inputs) }
            } catch {
                return fail((lang == .zh ? "无法写入 " : "cannot write ") + Quoted.escapingControls(out) + ": " + error.message.text(lang), lang)
            }
        } else {
            timings.measure("write") {
                if let writeOutBytes {
                    for piece in rendered { writeOutBytes(piece) }
                } else {
                    writeOut(String(decoding: rendered.joined(), as: UTF8.self))
                }
            }
        }

        if !inputErrors.isEmpty { return ExitCode.failure }
        if report.count(.error) > 0 || (options.strict && report.count(.warning) > 0) { return ExitCode.findings }
        return ExitCode.clean
    }

    /// `newslint layout FILE…`: how the layout model reads each file (block lines, article, kind).
    private func layout(_ options: Options) -> Int32 {
        let collected: Prepared
        do { collected = try prepare(options).get() } catch { return error.code }
        var status = ExitCode.clean
        writeInputErrors(collected.errors, options.lang)
        if !collected.errors.isEmpty { status = ExitCode.failure }
        for file in collected.files {
            switch collected.linter.document(file) {
            case let .success(document):
                writeOut("# \(Quoted.escapingControls(file.path))\n" + document.blockListing())
            case let .failure(error):
                writeInputErrors([error], options.lang)
                status = ExitCode.failure
            }
        }
        return status
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : workingDirectory + "/" + path
    }

    private func relative(_ path: String) -> String {
        path.hasPrefix(workingDirectory + "/") ? String(path.dropFirst(workingDirectory.count + 1)) : path
    }
}
