import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a path could not be read. The caller names the path.
public struct InputFailure: Error, Sendable {
    public let message: LocalizedText

    public static func errno(_ code: Int32) -> InputFailure {
        switch code {
        case ENOENT: return InputFailure(message: LocalizedText(zh: "文件或文件夹不存在", en: "no such file or directory"))
        case EACCES, EPERM: return InputFailure(message: LocalizedText(zh: "没有读取权限", en: "permission denied"))
        case EISDIR: return InputFailure(message: LocalizedText(zh: "是文件夹，不是文件", en: "is a directory"))
        case ELOOP: return InputFailure(message: LocalizedText(zh: "符号链接循环", en: "too many levels of symbolic links"))
        case ENAMETOOLONG: return InputFailure(message: LocalizedText(zh: "路径超过系统允许的长度（PATH_MAX），无法打开",
                                                                      en: "the path is longer than the system allows (PATH_MAX) and cannot be opened"))
        default:
            let reason = String(cString: strerror(code))
            return InputFailure(message: LocalizedText(zh: "无法读取（\(reason)）", en: "cannot be read (\(reason))"))
        }
    }

    static func tooLarge(_ limit: Int) -> InputFailure {
        InputFailure(message: LocalizedText(zh: "超过文件大小上限 \(limit) 字节（--max-file-size 可调）",
                                            en: "larger than the file size limit of \(limit) bytes (see --max-file-size)"))
    }

    /// For a file of type `type` (`st_mode & S_IFMT`) where a regular file is wanted.
    static func notRegular(_ type: mode_t, _ note: (zh: String, en: String) = ("", "")) -> InputFailure {
        let what: (zh: String, en: String)
        switch type {
        case S_IFIFO: what = ("命名管道（FIFO）", "a FIFO")
        case S_IFCHR, S_IFBLK: what = ("设备文件", "a device")
        case S_IFSOCK: what = ("套接字", "a socket")
        default: what = ("特殊文件", "a special file")
        }
        return InputFailure(message: LocalizedText(zh: "是\(what.zh)，不是普通文件" + note.zh, en: "is \(what.en), not a regular file" + note.en))
    }
}

/// Reads whole files with POSIX calls, so that failures carry their real reason, within a
/// size limit, so that `/dev/zero` or a runaway export cannot take the machine's memory.
public enum FileReader {
    /// The largest input file read by default (`--max-file-size`, `maxFileSize` in `.lint.json`).
    public static let defaultLimit = 256 << 20
    /// The largest configuration or data file (`.lint.json`, packs, the house style).
    public static let dataLimit = 64 << 20

    /// Reads the file at `path`. With `regularOnly` (configuration and data files) anything but a
    /// regular file is refused at once: it is opened without blocking, so a FIFO cannot hold the
    /// run. Otherwise a FIFO or device named by the user is read as a stream, as `cat` would, up
    /// to the limit.
    public static func read(_ path: String, limit: Int = defaultLimit, regularOnly: Bool = false) throws(InputFailure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | (regularOnly ? O_NONBLOCK : 0))
        if fd < 0 { throw InputFailure.errno(errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw InputFailure.errno(errno) }
        let type = st.st_mode & S_IFMT
        if type == S_IFDIR { throw InputFailure.errno(EISDIR) }
        if regularOnly && type != S_IFREG { throw InputFailure.notRegular(type) }
        let size = type == S_IFREG && st.st_size > 0 ? Int(st.st_size) : 0
        if size > limit { throw InputFailure.tooLarge(limit) }
        return try readAll(fd, expected: size, limit: limit)
    }

    /// All of standard input, up to the limit.
    public static func readStandardInput(limit: Int = defaultLimit) throws(InputFailure) -> [UInt8] {
        try readAll(0, expected: 0, limit: limit)
    }

    /// Reads `fd` to its end: first the size `fstat` gave, straight into an array of exactly that
    /// size (it becomes the file's text and is kept until the report, so no slack, and it is not
    /// zeroed first), then whatever more there is (a file that grew, a pipe) in chunks.
    private static func readAll(_ fd: Int32, expected: Int, limit: Int) throws(InputFailure) -> [UInt8] {
        var failure: Int32?
        var out = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            while count < expected {
                let n = POSIX.read(fd, buffer.baseAddress! + count, expected - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { return }  // the file shrank while it was read
                count += n
            }
        }
        if let failure { throw InputFailure.errno(failure) }
        if out.count < expected { return out }
        // The rest, if any: most files end here, after one read into a small buffer that finds nothing.
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 12) { (chunk) throws(InputFailure) in
            while true {
                let n = POSIX.read(fd, chunk.baseAddress, chunk.count)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw InputFailure.errno(errno)
                }
                if n == 0 { return }
                if out.count + n > limit { throw InputFailure.tooLarge(limit) }
                out.append(contentsOf: chunk[0..<n])
            }
        }
        return out
    }
}

/// A file to lint: the path shown to the user and the path to open.
public struct InputFile: Sendable, Equatable {
    public let path: String
    public let fileSystemPath: String
    public static let standardInputPath = "<stdin>"

    public init(path: String, fileSystemPath: String) {
        self.path = path
        self.fileSystemPath = fileSystemPath
    }

    public var isStandardInput: Bool { fileSystemPath == "-" }
}

/// A path that could not be linted, with the reason.
public struct InputError: Error, Sendable {
    public let path: String
    public let message: LocalizedText

    public init(path: String, message: LocalizedText) {
        self.path = path
        self.message = message
    }
}

/// Turns command-line paths or configured globs into the list of files to lint:
/// folders recursively (`.txt`, `.md`, `.docx` and `.doc`, hidden entries skipped), excluded globs removed,
/// symlink loops cut, sorted by path.
public struct FileCollector {
    public let baseDirectory: String
    public let workingDirectory: String
    public let exclude: [String]

    public init(baseDirectory: String, workingDirectory: String, exclude: [String]) {
        self.baseDirectory = URL(fileURLWithPath: baseDirectory).standardizedFileURL.path
        self.workingDirectory = URL(fileURLWithPath: workingDirectory).standardizedFileURL.path
        self.exclude = exclude
    }

    /// Files for paths given on the command line (`-` is standard input).
    public func collect(paths: [String]) -> (files: [InputFile], errors: [InputError]) {
        var files: [InputFile] = []
        var errors: [InputError] = []
        for path in paths {
            if path == "-" {
                files.append(InputFile(path: InputFile.standardInputPath, fileSystemPath: "-"))
                continue
            }
            let fsPath = absolute(path)
            var st = stat()
            guard stat(fsPath, &st) == 0 else {
                errors.append(InputError(path: path, message: InputFailure.errno(errno).message))
                continue
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                var visited = Set<FileIdentity>()
                walk(display: path.hasSuffix("/") ? String(path.dropLast()) : path, fsPath: fsPath, into: &files, errors: &errors, visited: &visited)
            } else {
                // A file named on the command line is read whatever it is: a FIFO as a stream.
                files.append(InputFile(path: path, fileSystemPath: fsPath))
            }
        }
        return (deduplicated(files), errors)
    }

    /// Files for the configuration's `include` list (paths or globs relative to its folder).
    public func collect(include: [String]) -> (files: [InputFile], errors: [InputError]) {
        var files: [InputFile] = []
        var errors: [InputError] = []
        for pattern in include {
            if Glob.hasWildcards(pattern) {
                var all: [InputFile] = []
                var visited = Set<FileIdentity>()
                walk(display: display(for: baseDirectory), fsPath: baseDirectory, into: &all, errors: &errors, visited: &visited)
                files += all.filter { Glob.matches(pattern, relative($0.fileSystemPath)) }
            } else {
                let fsPath = pattern.hasPrefix("/") ? pattern : baseDirectory + "/" + pattern
                let r = collect(paths: [display(for: URL(fileURLWithPath: fsPath).standardizedFileURL.path)])
                files += r.files
                errors += r.errors
            }
        }
        return (deduplicated(files), errors)
    }

    /// Walks a folder with POSIX calls: a year of editions is thousands of entries, and
    /// Foundation's file manager costs tens of thousands of instructions an entry.
    private func walk(display: String, fsPath: String, into files: inout [InputFile], errors: inout [InputError], visited: inout Set<FileIdentity>) {
        var st = stat()
        guard stat(fsPath, &st) == 0 else {
            errors.append(InputError(path: display, message: InputFailure.errno(errno).message))
            return
        }
        guard visited.insert(FileIdentity(st)).inserted else { return }  // a symlink loop
        guard let folder = opendir(fsPath) else {
            errors.append(InputError(path: display, message: InputFailure.errno(errno).message))
            return
        }
        var entries: [(name: String, type: Int)] = []
        while let entry = readdir(folder) {
            let raw = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if raw.first == UInt8(ascii: ".") { continue }  // hidden, and `.` and `..`
            guard let name = String(validating: raw, as: UTF8.self) else {
                // The name cannot be held as text, so the file cannot be opened by it: said, not skipped.
                let repaired = String(decoding: raw, as: UTF8.self)
                if Self.isLintable(repaired) || Int(entry.pointee.d_type) == Int(DT_DIR) {
                    errors.append(InputError(path: (display.isEmpty || display == "." ? "" : display + "/") + repaired,
                                             message: LocalizedText(zh: "文件名不是有效的 UTF-8，无法检查；请改名",
                                                                    en: "the file name is not valid UTF-8 and cannot be linted; rename it")))
                }
                continue
            }
            // `~$draft.docx`: the owner file Word and WPS keep beside a document while it is open
            // (a few bytes, not a document), skipped as hidden files are.
            if name.hasPrefix("~$") && Self.isWordDocument(name) { continue }
            entries.append((name, Int(entry.pointee.d_type)))
        }
        closedir(folder)
        entries.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        for (name, type) in entries {
            let childFS = (fsPath.hasSuffix("/") ? fsPath : fsPath + "/") + name
            let childShown = display.isEmpty || display == "." ? name : display + "/" + name
            if isExcluded(childFS) { continue }
            var kind = type == Int(DT_DIR) ? S_IFDIR : type == Int(DT_REG) ? S_IFREG : 0
            if kind == 0 {
                // A symbolic link, a FIFO, a device (or a file system that does not say): what it is.
                var target = stat()
                if stat(childFS, &target) == 0 {
                    kind = target.st_mode & S_IFMT
                } else if Self.isLintable(name) {
                    errors.append(InputError(path: childShown, message: InputFailure.errno(errno).message))
                    continue
                }
            }
            if kind == S_IFDIR {
                walk(display: childShown, fsPath: childFS, into: &files, errors: &errors, visited: &visited)
            } else if Self.isLintable(name) {
                if kind == S_IFREG {
                    files.append(InputFile(path: childShown, fileSystemPath: childFS))
                } else {
                    // A FIFO in a folder would block the run until something writes to it.
                    errors.append(InputError(path: childShown, message: InputFailure.notRegular(kind, ("；文件夹中只检查普通文件", "; a folder's regular files only are linted")).message))
                }
            }
        }
    }

    /// Whether a file name ends in `.txt`, `.md` or `.docx`, in any case; or in `.doc`, the old
    /// Word format, so that such a draft in a folder is reported as unread rather than skipped.
    static func isLintable(_ name: String) -> Bool {
        guard let ext = fileExtension(name) else { return false }
        return ext.elementsEqual("txt".utf8) || ext.elementsEqual("md".utf8) || ext.elementsEqual("docx".utf8) || ext.elementsEqual("doc".utf8)
    }

    /// Whether a path names a Word document (`.docx` or `.doc`), which is read as a zip container.
    public static func isWordDocument(_ path: String) -> Bool {
        guard let ext = fileExtension(path) else { return false }
        return ext.elementsEqual("docx".utf8) || ext.elementsEqual("doc".utf8)
    }

    /// A name's extension in lower case (ASCII letters only; other bytes cannot match an extension).
    private static func fileExtension(_ name: String) -> [UInt8]? {
        let bytes = Array(name.utf8)
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot > 0, bytes[dot - 1] != UInt8(ascii: "/") else { return nil }
        return bytes[(dot + 1)...].map { $0 | 0x20 }
    }

    private func isExcluded(_ fsPath: String) -> Bool {
        guard !exclude.isEmpty else { return false }
        let rel = relative(fsPath)
        return exclude.contains { Glob.matches($0, rel) || Glob.matches($0 + "/**", rel) }
    }

    private func deduplicated(_ files: [InputFile]) -> [InputFile] {
        var seen = Set<String>()
        return files.filter { f in
            // File system paths are standardised where the walk starts and only grow by names below.
            f.isStandardInput || seen.insert(f.fileSystemPath).inserted
        }
    }

    private func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path.hasPrefix("/") ? path : workingDirectory + "/" + path).standardizedFileURL.path
    }

    /// Path relative to the configuration's folder, for glob matching.
    private func relative(_ fsPath: String) -> String {
        let std = URL(fileURLWithPath: fsPath).standardizedFileURL.path
        return std.hasPrefix(baseDirectory + "/") ? String(std.dropFirst(baseDirectory.count + 1)) : std
    }

    /// How to show a path: relative to the working directory when it lies below it.
    private func display(for fsPath: String) -> String {
        if fsPath == workingDirectory { return "." }
        return fsPath.hasPrefix(workingDirectory + "/") ? String(fsPath.dropFirst(workingDirectory.count + 1)) : fsPath
    }
}

/// Glob patterns for include and exclude: `*` (within a folder), `**` (any depth), `?`.
public enum Glob {
    public static func hasWildcards(_ pattern: String) -> Bool {
        pattern.contains("*") || pattern.contains("?")
    }

    /// Each (pattern position, path position) is tried at most once: a failed pair is
    /// remembered, so that patterns like `*a*a*a*b` or many `**` take time proportional to
    /// the pattern's length times the path's, not exponential in the stars.
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        let p = Array(pattern.unicodeScalars), s = Array(path.unicodeScalars)
        var failed = [Bool](repeating: false, count: (p.count + 1) * (s.count + 1))
        return match(p, 0, s, 0, &failed)
    }

    private static func match(_ p: [Unicode.Scalar], _ pi: Int, _ s: [Unicode.Scalar], _ si: Int, _ failed: inout [Bool]) -> Bool {
        let key = pi * (s.count + 1) + si
        if failed[key] { return false }
        let result = matchOnce(p, pi, s, si, &failed)
        if !result { failed[key] = true }
        return result
    }

    private static func matchOnce(_ p: [Unicode.Scalar], _ pi: Int, _ s: [Unicode.Scalar], _ si: Int, _ failed: inout [Bool]) -> Bool {
        var pi = pi, si = si
        while pi < p.count {
            let c = p[pi]
            if c == "*" {
                let doubleStar = pi + 1 < p.count && p[pi + 1] == "*"
                if doubleStar {
                    var next = pi + 2
                    if next < p.count && p[next] == "/" { next += 1 }  // `**/` also matches nothing
                    for k in si...s.count where match(p, next, s, k, &failed) { return true }
                    return false
                }
                var k = si
                while true {
                    if match(p, pi + 1, s, k, &failed) { return true }
                    if k >= s.count || s[k] == "/" { return false }
                    k += 1
                }
            }
            guard si < s.count else { return false }
            if c == "?" { if s[si] == "/" { return false } } else if c != s[si] { return false }
            pi += 1
            si += 1
        }
        return si == s.count
    }
}
