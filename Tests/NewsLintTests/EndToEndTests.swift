import Foundation
import Testing
@testable import NewsLint

/// Runs the built `newslint` binary as a user or CI would: real exit codes, standard input.
@Suite("End to end (the binary)")
struct EndToEndTests {
    static var binary: URL? {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("newslint") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    func run(_ args: [String], stdin: String? = nil) throws -> (code: Int32, out: String, err: String) {
        let binary: URL = try #require(Self.binary, "the newslint binary is built next to the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = args
        process.currentDirectoryURL = Repo.root
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func seedsExitOneWithTheExpectedFindings() throws {
        let r = try run(["--format", "json", "seeds/"])
        #expect(r.code == 1)
        let got = try findings(inJSON: r.out).map { "\($0["path"]!):\($0["line"]!):\($0["column"]!):\($0["rule"]!)" }
        #expect(Set(got) == expectedSeedFindings)
    }

    @Test func standardInput() throws {
        let r = try run(["--format", "json", "-"], stdin: "标题\n\n他说：“没有右引号\n")
        #expect(r.code == 1)
        let d = try #require(try findings(inJSON: r.out).first)
        #expect(d["path"] as? String == "<stdin>")
        #expect(d["line"] as? Int == 3 && d["column"] as? Int == 4)
        let clean = try run(["-"], stdin: "干净的稿件。")
        #expect(clean.code == 0)
    }

    @Test func usageErrorExitsTwo() throws {
        #expect(try run(["--no-such-flag"]).code == 2)
        #expect(try run(["no-such-file.txt"]).code == 2)
    }

    @Test func outputIsIdenticalAcrossRuns() throws {
        let a = try run(["--format", "json", "seeds/"]).out
        let b = try run(["--format", "json", "seeds/"]).out
        #expect(a == b)
    }
}
