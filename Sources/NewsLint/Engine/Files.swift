import Foundation
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Why a path could not be read. The caller names the path.
public struct InputFailure: Error, Sendable {
    public let message: LocalizedText

    static func errno(_ code: Int32) -> InputFailure {
        switch code {
        case ENOENT: return InputFailure(message: LocalizedText(zh: "文件或文件夹不存在", en: "no such file or directory"))
        case EACCES, EPERM: return InputFailure(message: LocalizedText(zh: "没有读取权限", en: "permission denied"))
        case EISDIR: return InputFailure(message: LocalizedText(zh: "是文件夹，不是文件", en: "is a directory"))
        case ELOOP: return InputFailure(message: LocalizedText(zh: "符号链接循环", en: "too many levels of symbolic links"))
        default:
            let reason = String(cString: strerror(code))
            return InputFailure(message: LocalizedText(zh: "无法读取（\(reason)）", en: "cannot be read (\(reason))"))
        }
    }
}

/// Reads whole files with POSIX calls, so that failures carry their real reason.
public enum FileReader {
    public static func read(_ path: String) throws(InputFailure) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw InputFailure.errno(errno) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { throw InputFailure.errno(EISDIR) }
        return try readAll(fd, expected: st.st_size > 0 ? Int(st.st_size) : 0)
    }

    /// All of standard input.
    public static func readStandardInput() -> [UInt8] {
        (try? readAll(0, expected: 0)) ?? []
    }

    /// Reads `fd` to its end: first the size `fstat` gave, straight into an array of exactly that
    /// size (it becomes the file's text and is kept until the report, so no slack, and it is not
    /// zeroed first), then whatever more there is (a file that grew, a pipe) in chunks.
    private static func readAll(_ fd: Int32, expected: Int) throws(InputFailure) -> [UInt8] {
        var failure: Int32?
        var out = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            while count < expected {
                let n = systemRead(fd, buffer.baseAddress! + count, expected - count)
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
                let n = systemRead(fd, chunk.baseAddress, chunk.count)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw InputFailure.errno(errno)
                }
                if n == 0 { return }
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
/// folders recursively (`.txt` and `.md`, hidden entries skipped), excluded globs removed,
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
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: fsPath, isDirectory: &isDir) else {
                errors.append(InputError(path: path, message: InputFailure.errno(ENOENT).message))
                continue
            }
            if isDir.boolValue {
                var visited = Set<FolderIdentity>()
                walk(display: path.hasSuffix("/") ? String(path.dropLast()) : path, fsPath: fsPath, into: &files, errors: &errors, visited: &visited)
            } else {
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
                var visited = Set<FolderIdentity>()
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

    /// A folder's identity on disk, so that a symbolic link back up the tree is walked once.
    private struct FolderIdentity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    /// Walks a folder with POSIX calls: a year of editions is thousands of entries, and
    /// Foundation's file manager costs tens of thousands of instructions an entry.
    private func walk(display: String, fsPath: String, into files: inout [InputFile], errors: inout [InputError], visited: inout Set<FolderIdentity>) {
        var st = stat()
        guard stat(fsPath, &st) == 0,
              visited.insert(FolderIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))).inserted else { return }  // a symlink loop
        guard let folder = opendir(fsPath) else {
            errors.append(InputError(path: display, message: InputFailure.errno(errno).message))
            return
        }
        var entries: [(name: String, type: Int)] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name.utf8.first == UInt8(ascii: ".") { continue }  // hidden, and `.` and `..`
            entries.append((name, Int(entry.pointee.d_type)))
        }
        closedir(folder)
        entries.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        for (name, type) in entries {
            let childFS = (fsPath.hasSuffix("/") ? fsPath : fsPath + "/") + name
            let childShown = display.isEmpty || display == "." ? name : display + "/" + name
            if isExcluded(childFS) { continue }
            var isFolder = type == Int(DT_DIR)
            if type != Int(DT_DIR) && type != Int(DT_REG) {
                // A symbolic link (or a file system that does not say): what it leads to.
                var target = stat()
                guard stat(childFS, &target) == 0 else { continue }  // dangling link
                isFolder = (target.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder {
                walk(display: childShown, fsPath: childFS, into: &files, errors: &errors, visited: &visited)
            } else if Self.isLintable(name) {
                files.append(InputFile(path: childShown, fileSystemPath: childFS))
            }
        }
    }

    /// Whether a file name ends in `.txt` or `.md`, in any case.
    static func isLintable(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot > 0 else { return false }
        let ext = bytes[(dot + 1)...].map { $0 | 0x20 }  // ASCII letters to lower case; other bytes cannot match
        return ext.elementsEqual("txt".utf8) || ext.elementsEqual("md".utf8)
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

    public static func matches(_ pattern: String, _ path: String) -> Bool {
        match(Array(pattern.unicodeScalars), 0, Array(path.unicodeScalars), 0)
    }

    private static func match(_ p: [Unicode.Scalar], _ pi: Int, _ s: [Unicode.Scalar], _ si: Int) -> Bool {
        var pi = pi, si = si
        while pi < p.count {
            let c = p[pi]
            if c == "*" {
                let doubleStar = pi + 1 < p.count && p[pi + 1] == "*"
                if doubleStar {
                    var next = pi + 2
                    if next < p.count && p[next] == "/" { next += 1 }  // `**/` also matches nothing
                    for k in si...s.count where match(p, next, s, k) { return true }
                    return false
                }
                var k = si
                while true {
                    if match(p, pi + 1, s, k) { return true }
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
