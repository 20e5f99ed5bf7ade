import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's identity on disk: two paths name one file when they share it (links, `./a` and `a`).
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64

    /// The identity of what `path` leads to (symbolic links followed), or nil when nothing is there.
    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        self.init(st)
    }

    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }
}

/// Why a file was not written. The caller names the path.
public struct WriteFailure: Error, Sendable {
    public let message: LocalizedText

    public init(_ message: LocalizedText) { self.message = message }

    static func errno(_ code: Int32) -> WriteFailure {
        switch code {
        case EACCES, EPERM: return WriteFailure(LocalizedText(zh: "没有写入权限", en: "permission denied"))
        case ENOSPC: return WriteFailure(LocalizedText(zh: "磁盘已满", en: "no space left on the device"))
        case EISDIR: return WriteFailure(LocalizedText(zh: "是文件夹，不是文件", en: "is a directory"))
        case ENOENT: return WriteFailure(LocalizedText(zh: "所在文件夹不存在", en: "its folder does not exist"))
        case ELOOP: return WriteFailure(LocalizedText(zh: "符号链接循环", en: "too many levels of symbolic links"))
        case ENAMETOOLONG: return WriteFailure(LocalizedText(zh: "路径过长", en: "the path is too long"))
        default:
            let reason = String(cString: strerror(code))
            return WriteFailure(LocalizedText(zh: "无法写入（\(reason)）", en: "cannot be written (\(reason))"))
        }
    }
}

/// Writes files without destroying what the user did not ask to change.
///
/// - A report or baseline (`output`) replaces a regular file atomically (a temporary file in
///   the same folder, then a rename), through a symbolic link to its target, keeping the old
///   file's mode; it is written straight into a device or FIFO (`-o /dev/stdout`); it never
///   replaces one of the run's inputs.
/// - A fixed file (`rewrite`) keeps its mode, owner and links, and is written only when it is
///   still exactly the text that was linted.
public enum FileWriter {
    /// Writes `pieces` one after another to `path`. `inputs` are the identities of the files the
    /// run read: a target among them is refused.
    public static func output(_ pieces: [[UInt8]], to path: String, inputs: Set<FileIdentity>) throws(WriteFailure) {
        try refuseInput(path, inputs: inputs)
        var st = stat()
        if stat(path, &st) == 0 {
            switch st.st_mode & S_IFMT {
            case S_IFDIR: throw WriteFailure.errno(EISDIR)
            case S_IFREG where !(path.hasPrefix("/dev/") || path.hasPrefix("/proc/")):
                // A symbolic link stays a link: its target is replaced.
                let target = realPath(path) ?? path
                try replace(target, with: pieces, mode: st.st_mode & 0o7777, owner: nil)
            default:
                // A device, a FIFO, a terminal, or a stream named under /dev (`/dev/stdout` when
                // it is redirected to a file): written into, as a shell's `>` would.
                try writeInto(path, pieces)
            }
            return
        }
        var link = stat()
        if lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK {
            try writeInto(path, pieces, create: true)  // a dangling link: create its target
            return
        }
        let mask = umask(0)
        umask(mask)
        try replace(path, with: pieces, mode: 0o666 & ~mask, owner: nil)
    }

    /// Refuses a target that is one of the run's inputs (`inputs`: their identities), also when
    /// reached by another path or a link. Callers check before any work, and `output` again.
    public static func refuseInput(_ path: String, inputs: Set<FileIdentity>) throws(WriteFailure) {
        guard let id = FileIdentity(path: path), inputs.contains(id) else { return }
        throw WriteFailure(LocalizedText(zh: "是本次检查的输入文件，不能覆盖", en: "is one of the files being linted; it is not overwritten"))
    }

    /// What `rewrite` found when it did not write.
    public enum Refusal: Error, Sendable {
        case failed(WriteFailure)
        /// The file on disk is not the text that was linted (an edit saved meanwhile).
        case changed
        /// The file is read-only, hard-linked, or otherwise not to be replaced; the reason.
        case refused(LocalizedText)
    }

    /// Replaces the file at `path` (its target, when it is a symbolic link) with `bytes`, but
    /// only if it still holds exactly `expected`, the bytes that were linted: checked once
    /// before writing and again, by size, modification time and content, just before the
    /// rename. Mode and owner are kept; a read-only or hard-linked file is left alone.
    public static func rewrite(_ path: String, with bytes: [UInt8], expected: [UInt8], limit: Int) throws(Refusal) {
        let target = realPath(path) ?? path
        var st = stat()
        guard lstat(target, &st) == 0 else { throw .failed(.errno(errno)) }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw .refused(LocalizedText(zh: "不是普通文件", en: "is not a regular file"))
        }
        if st.st_nlink > 1 {
            throw .refused(LocalizedText(zh: "有 \(st.st_nlink) 个硬链接，改写会把它们拆开",
                                         en: "has \(st.st_nlink) hard links, which rewriting it would split"))
        }
        if st.st_mode & 0o222 == 0 || access(target, W_OK) != 0 {
            throw .refused(LocalizedText(zh: "是只读文件", en: "is read-only"))
        }
        guard let now = try? FileReader.read(target, limit: limit), now == expected else { throw .changed }
        let written: Bool
        do {
            written = try replace(target, with: [bytes], mode: st.st_mode & 0o7777, owner: (st.st_uid, st.st_gid)) {
                var again = stat()
                return stat(target, &again) == 0 && again.st_size == st.st_size && again.st_ino == st.st_ino
                    && again.st_mtim.tv_sec == st.st_mtim.tv_sec && again.st_mtim.tv_nsec == st.st_mtim.tv_nsec
                    && (try? FileReader.read(target, limit: limit)) == expected
            }
        } catch {
            throw .failed(error)
        }
        if !written { throw .changed }
    }

    /// The path with every symbolic link resolved, or nil when it cannot be resolved.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Writes a temporary file beside `path`, gives it `mode` (and `owner`), and renames it over
    /// `path` if `unchanged` still holds then; whether it did. The temporary file is removed
    /// when anything fails.
    @discardableResult
    private static func replace(_ path: String, with pieces: [[UInt8]], mode: mode_t, owner: (uid_t, gid_t)?,
                                unchanged: () -> Bool = { true }) throws(WriteFailure) -> Bool {
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array(((folder.isEmpty ? "" : folder) + "/." + name + ".newslint-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .errno(errno) }
        // The name mkstemp filled in, without its terminating zero.
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var done = false
        defer {
            if !done { unlink(temporary) }
        }
        do {
            defer { close(fd) }
            for piece in pieces { try writeAll(fd, piece) }
            if let (uid, gid) = owner, fchown(fd, uid, gid) != 0 {
                // The caller may not give a file away: keep the owner where it is the caller.
                guard uid == geteuid(), fchown(fd, uid_t.max, gid) == 0 || gid == getegid() else {
                    throw WriteFailure(LocalizedText(zh: "无法保留文件的所有者", en: "its owner cannot be kept"))
                }
            }
            // After chown, which clears the set-user-ID and set-group-ID bits.
            guard fchmod(fd, mode) == 0 else { throw WriteFailure.errno(errno) }
            guard fsync(fd) == 0 else { throw WriteFailure.errno(errno) }
        }
        guard unchanged() else { return false }
        guard rename(temporary, path) == 0 else { throw .errno(errno) }
        done = true
        return true
    }

    /// Writes into what is at `path` without replacing it (a device, a FIFO, a link's target).
    private static func writeInto(_ path: String, _ pieces: [[UInt8]], create: Bool = false) throws(WriteFailure) {
        let fd = open(path, O_WRONLY | O_TRUNC | (create ? O_CREAT : 0), 0o666)
        guard fd >= 0 else { throw .errno(errno) }
        defer { close(fd) }
        for piece in pieces { try writeAll(fd, piece) }
    }

    /// Writes all of `bytes` to `fd` (a pipe or device takes a large write in parts).
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(WriteFailure) {
        var failure: Int32?
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = POSIX.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += n
            }
        }
        if let failure { throw .errno(failure) }
    }
}
