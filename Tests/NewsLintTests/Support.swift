import Foundation
@testable import NewsLint

/// Paths of the repository, found from this file: tests read the seeds and golden files in place.
enum Repo {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var seeds: URL { root.appendingPathComponent("seeds") }
    static var golden: URL { root.appendingPathComponent("Tests/NewsLintTests/Golden") }
    static let seedNames = ["000_1f9a82e85afd0d46.txt", "001_2323319200e1b2aa.txt", "002_95b150d32cc6734e.txt",
                            "003_a2c041b2b8083ec5.txt", "004_6f37aac55d80145d.txt"]

    static func seedText(_ name: String) throws -> String {
        try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
    }
}

/// A scratch folder removed when the value goes away.
final class TemporaryDirectory {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("newslint-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        // Restore permissions a test may have removed, then delete.
        if let items = FileManager.default.enumerator(atPath: url.path) {
            for case let item as String in items {
                try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.appendingPathComponent(item).path)
            }
        }
        try? FileManager.default.removeItem(at: url)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }
}

extension Document {
    /// Source text of a source byte range.
    func text(_ range: Range<Int>) -> String { source.string(range) }
}
