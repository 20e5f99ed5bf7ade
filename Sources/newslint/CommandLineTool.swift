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

    enum ExitCode {
        static let clean: Int32 = 0
        static let findings: Int32 = 1
        static let failure: Int32 = 2
    }

    enum Format: String, CaseIterable { case text, json, sarif, github, html }

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
    }

    struct UsageError: Error {
        let message: LocalizedText
    }

    func run() -> Int32 {
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
                if !sawCommand && o.paths.isEmpty && ["lint", "rules", "explain", "layout", "claims", "fix", "help", "version"].contains(a) {
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
            case "--no-color": o.noColor = true
            case "--lang":
                let v = try take()
                guard let l = Language(rawValue: v) else {
                    throw UsageError(message: Suggest.unknown(what: ("语言", "language"), v, among: Language.allCases.map(\.rawValue)))
                }
                o.lang = l
            default:
                let known = ["--help", "--version", "--format", "--config", "--output", "--strict", "--no-color", "--lang", "--markdown", "--baseline", "--write-baseline", "--dry-run", "--jobs", "--timing"]
                throw UsageError(message: Suggest.unknown(what: ("选项", "option"), flag, among: known))
            }
        }
        return o
    }

    // MARK: - lint

    /// What a run works on: the configuration, the rules it makes, and the files to read.
    struct Prepared {
        let configuration: Configuration
        let linter: Linter
        let files: [InputFile]
        let errors: [InputError]
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
                var isDir: ObjCBool = false
                let full = dir.hasPrefix("/") ? dir : configuration.baseDirectory + "/" + dir
                if !FileManager.default.fileExists(atPath: full, isDirectory: &isDir) || !isDir.boolValue {
                    let e = ConfigurationError(file: configuration.path ?? "", keyPath: "rulesDirectory",
                                               message: LocalizedText(zh: "规则目录 `\(dir)` 不存在", en: "rules directory `\(dir)` does not exist"))
                    return .failure(ExitStatus(code: fail(e.describe(lang), lang)))
                }
            }
        }
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
        var linter = collected.linter
        linter.timings = timings
        let result = linter.lint(collected.files)
        let inputErrors = collected.errors + result.inputErrors
        var report = LintReport(files: result.files, inputErrors: inputErrors)
        if let path = options.writeBaselinePath {
            do {
                try Data(Baseline(report).json.utf8).write(to: URL(fileURLWithPath: absolute(path)), options: .atomic)
            } catch {
                return fail((lang == .zh ? "无法写入 " : "cannot write ") + path + ": \(error.localizedDescription)", lang)
            }
        }
        if let path = options.baselinePath {
            do {
                let bytes = try FileReader.read(absolute(path))
                report = try Baseline(json: bytes, file: path).filter(report)
            } catch let e as InputFailure {
                return fail("\(path): \(e.message.text(lang))", lang)
            } catch let e as ConfigurationError {
                return fail(e.describe(lang), lang)
            } catch {
                return fail("\(path)", lang)
            }
        }
        for e in inputErrors {
            writeErr("newslint: " + (lang == .zh ? "错误：" : "error: ") + "\(e.path): \(e.message.text(lang))\n")
        }
        if collected.files.isEmpty && inputErrors.isEmpty {
            writeErr("newslint: " + (lang == .zh ? "警告：没有找到 .txt 或 .md 文件" : "warning: no .txt or .md files found") + "\n")
        }

        let color = options.outputPath == nil && stdoutIsTerminal && !options.noColor
            && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        // The report in pieces that are written one after another (the JSON report: one a file).
        let rendered: [[UInt8]] = timings.measure("report (\(options.format.rawValue))") {
            switch options.format {
            case .text: return [Array(TextReporter.report(report, style: .init(color: color, lang: lang)).utf8)]
            case .json: return JSONReporter.reportPieces(report, lang: lang)
            case .sarif: return [Array(SARIFReporter.report(report, lang: lang, rules: collected.linter.rules.map(\.rule.ruleDescription)).utf8)]
            case .github: return [Array(GitHubReporter.report(report, lang: lang).utf8)]
            case .html: return [Array(HTMLReporter.report(report, lang: lang, claims: claimsLedger(report, linter)).utf8)]
            }
        }
        defer {
            if let timings {
                writeErr(timings.table(wallSeconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9))
            }
        }
        if let out = options.outputPath {
            let path = out.hasPrefix("/") ? out : workingDirectory + "/" + out
            do {
                var data = Data(capacity: rendered.reduce(0) { $0 + $1.count })
                for piece in rendered { data.append(contentsOf: piece) }
                try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                return fail((lang == .zh ? "无法写入 " : "cannot write ") + out + ": \(error.localizedDescription)", lang)
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
        let collected = FileCollector(baseDirectory: workingDirectory, workingDirectory: workingDirectory, exclude: [])
            .collect(paths: options.paths)
        var status = ExitCode.clean
        for e in collected.errors {
            writeErr("newslint: \(e.path): \(e.message.text(options.lang))\n")
            status = ExitCode.failure
        }
        for file in collected.files {
            switch DocumentLoader.document(file) {
            case let .success(document):
                writeOut("# \(file.path)\n" + document.blockListing())
            case let .failure(error):
                writeErr("newslint: \(error.path): \(error.message.text(options.lang))\n")
                status = ExitCode.failure
            }
        }
        return status
    }

    /// The claims ledger for the HTML report, by the run's own `metric-arithmetic` (none when
    /// the configuration turns it off).
    private func claimsLedger(_ report: LintReport, _ linter: Linter) -> [String: [Claim]] {
        guard let rule = linter.rules.first(where: { $0.id == MetricArithmeticRule.description.id })?.rule as? MetricArithmeticRule else { return [:] }
        var ledger: [String: [Claim]] = [:]
        for file in report.files { ledger[file.path] = rule.claims(in: Document(path: file.path, source: file.source)) }
        return ledger
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : workingDirectory + "/" + path
    }

    private func relative(_ path: String) -> String {
        path.hasPrefix(workingDirectory + "/") ? String(path.dropFirst(workingDirectory.count + 1)) : path
    }
}
