import Foundation

/// Rule data, read by one mechanism: a file of the rules directory when it has one, else the
/// copy of `Rules/` built into the binary (`scripts/embed-rule-data`), so that an installed
/// newslint runs its defaults from any folder and an editor's copy replaces them.
public enum RuleData {
    /// How a data file is named in messages: its path, or `<built-in NAME>`.
    public static func builtInName(_ name: String) -> String { "<built-in \(name)>" }

    /// The built-in copy of `name` (a file of `Rules/`), if there is one.
    public static func builtIn(_ name: String) -> String? { EmbeddedRuleData.files[name] }

    /// Gives back to the system the pages of the binary that hold built-in `text` (a table read
    /// once, 1–8 MB of base64): the built-in text is a string literal, whose bytes lie in the
    /// binary's read-only data, a file-backed mapping, so the system drops the pages and would
    /// read them from the file again if they were touched. Only whole pages inside the text are
    /// given back, and only of a text over 1 MB. Without this they stay resident for the whole
    /// run, and a year of editions needs every megabyte it can keep under its memory limit.
    static func release(_ text: String) {
        var text = text
        text.withUTF8 { p in
            guard let base = p.baseAddress, p.count > 1 << 20 else { return }
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            let start = (Int(bitPattern: base) + page - 1) / page * page
            let end = (Int(bitPattern: base) + p.count) / page * page
            guard end > start, let from = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(from, end - start, MADV_DONTNEED)
        }
    }

    /// The bytes of data file `name` and how to name it: the rules directory's copy, else the
    /// built-in one; nil when neither exists.
    public static func file(_ name: String, in rulesDirectory: String?) throws(ConfigurationError) -> (bytes: [UInt8], file: String)? {
        if let dir = rulesDirectory {
            let path = dir + "/" + name
            var st = stat()
            if lstat(path, &st) == 0 {
                do {
                    return (try FileReader.read(path, limit: FileReader.dataLimit, regularOnly: true), path)
                } catch {
                    throw ConfigurationError(file: path, message: error.message)
                }
            }
        }
        return builtIn(name).map { (Array($0.utf8), builtInName(name)) }
    }

    /// Data file `name` parsed as JSON (see `file`).
    public static func json(_ name: String, in rulesDirectory: String?) throws(ConfigurationError) -> (json: JSONValue, file: String)? {
        guard let (bytes, file) = try self.file(name, in: rulesDirectory) else { return nil }
        return (try ConfigurationError.parseJSON(bytes, file: file), file)
    }

    /// The names of the data files that start with `prefix` and end with `suffix`, built in or in
    /// the rules directory, each once, sorted.
    public static func names(prefix: String, suffix: String, in rulesDirectory: String?) -> [String] {
        var names = Set(EmbeddedRuleData.files.keys.filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) })
        if let dir = rulesDirectory, let listed = try? FileManager.default.contentsOfDirectory(atPath: dir) {
            names.formUnion(listed.filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) })
        }
        return names.sorted()
    }
}
