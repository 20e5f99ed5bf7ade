import Foundation
import Testing
@testable import NewsLint

/// Property tests: whatever the input, every rule runs without crashing, every position lies
/// inside the file, and the JSON report parses. Inputs are built from a fixed seed, so a failure
/// reproduces.
@Suite("Robustness")
struct RobustnessTests {
    /// A small deterministic generator (SplitMix64).
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// Pieces that exercise the layout and the rules: seed fragments, marks, figures, odd scalars.
    static let pieces: [String] = [
        "本报讯（记者付凯明）", "本报讯 (记者", "本报记者 郭树勋 本报通讯员", " 摄", "□", "（本栏照片均由文昌街道提供）",
        "从425万元跃升至1.46亿元，增长35倍", "占任务数885万元的150.7%", "共9个，其中", "5个（甲、乙", "、", "，", "。", "；",
        "“", "”", "（", "）", "《", "》", "「", "」", "\n", "\n\n", "\n\n\n\n", "\r\n", "\r", " ", "　", "\t",
        "# ", "## ", "<!-- newslint-disable -->", "1e400", String(repeating: "9", count: 200), "０１２３％", "百分之三十", "三分之",
        "增长三十多倍", "下降了", "翻了一番", "三星以上占", "星", "党委书记崔全星说", "金炉村赵成国、", "3人", "𠀋", "\u{301}", "😀",
        "\u{E000}", "\u{FEFF}", "\u{200B}", "a", "S104", "http://x.cn", "〔https://a.b/c〕", "编辑:金桂香 | 校对:", "广告", "13903892238",
    ]

    @Test func anyMixOfPiecesLintsCleanly() throws {
        var random = Random(state: 20261122)
        let linter = try Linter(configuration: Configuration(baseDirectory: "/"))
        // NEWSLINT_FUZZ_ROUNDS=5000 swift test --filter Robustness for a longer search.
        let rounds = ProcessInfo.processInfo.environment["NEWSLINT_FUZZ_ROUNDS"].flatMap { Int($0) } ?? 150
        for round in 0..<rounds {
            var text = ""
            for _ in 0..<random.int(120) { text += Self.pieces[random.int(Self.pieces.count)] }
            let report = linter.lint(texts: [("r\(round).txt", text), ("s\(round).txt", String(text.reversed()))])
            for file in report.files {
                let source = file.source
                for d in file.diagnostics {
                    #expect(d.start.line >= 1 && d.start.line <= source.lineCount, "round \(round)")
                    #expect(d.end.line >= d.start.line && d.end.line <= source.lineCount, "round \(round)")
                    let width = UTF8Scan.scalarCount(source.bytes, source.lineRange(d.start.line - 1))
                    #expect(d.start.column >= 1 && d.start.column <= width + 1, "round \(round)")
                    #expect(d.end.line > d.start.line || d.end.column >= d.start.column, "round \(round)")
                }
            }
            let json = JSONReporter.report(report, lang: .zh)
            #expect((try? JSONParser.parse(Array(json.utf8))) != nil, "round \(round)")
            _ = TextReporter.report(report, style: .init(color: false, lang: .en))
        }
    }

    @Test func randomBytesAreReadOrRejected() {
        var random = Random(state: 7)
        for _ in 0..<300 {
            let bytes = (0..<random.int(200)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            switch DocumentLoader.document(path: "b", bytes: bytes) {
            case let .success(document):
                #expect(UTF8Scan.firstInvalidOffset(document.source.bytes) == nil)
            case let .failure(error):
                #expect(!error.message.en.isEmpty)
            }
        }
    }

    @Test func edgeCasesOfShape() throws {
        let linter = try Linter(configuration: Configuration(baseDirectory: "/"))
        let cases = ["", "\n\n\n\n", "\r\r\r", String(repeating: "长", count: 200_000), String(repeating: "、甲", count: 5000) + "3人",
                     String(repeating: "“", count: 3000), "\u{FEFF}", "本报讯（", "（", "摄"]
        let report = linter.lint(texts: cases.enumerated().map { ("c\($0.offset).txt", $0.element) })
        #expect(report.files.count == cases.count)
    }

    @Test func truncatedSequencesAndDeepFolders() throws {
        // A multibyte sequence cut short: read as GB18030 when that decodes, else an input error.
        for bytes in [Array("正文".utf8).dropLast(), Array("正文。".utf8) + [0xE4, 0xB8]] {
            switch DocumentLoader.document(path: "t", bytes: Array(bytes)) {
            case .success(let d): #expect(UTF8Scan.firstInvalidOffset(d.source.bytes) == nil)
            case .failure(let e): #expect(!e.message.zh.isEmpty)
            }
        }
        let dir = try TemporaryDirectory()
        let deep = (0..<120).map { "d\($0)" }.joined(separator: "/")
        try dir.write(deep + "/page.txt", "他说：“没有右引号")
        let r = runTool(["--format", "json", "."], in: dir.path)
        #expect(r.code == 1)
        #expect(try findings(inJSON: r.out).count == 1)
    }

    /// A 10 MB line (one paragraph of hard-wrapped text that lost its line ends) in bounded time.
    /// Part of the longer mode: NEWSLINT_FUZZ_ROUNDS=… swift test --filter Robustness.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["NEWSLINT_FUZZ_ROUNDS"] != nil))
    func tenMegabyteLine() throws {
        let line = String(repeating: "该区投入120万元，增长35倍，“五星”支部（示范区）、", count: 10_000_000 / 80)
        let report = try Linter(configuration: Configuration(baseDirectory: "/")).lint(texts: [("big.txt", line)])
        #expect(report.files.count == 1)
    }
}
