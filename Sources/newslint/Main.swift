import Foundation
import NewsLint
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
enum Main {
    static func main() {
        // A closed standard stream would let the next file opened take its number, and the
        // report would then be written into that file: each closed one is held by /dev/null,
        // and writing to it counts as failed.
        let closed = (0...2).map { fd in fcntl(fd, F_GETFD) == -1 && errno == EBADF }
        for fd in Int32(0)...2 where closed[Int(fd)] {
            let null = open("/dev/null", O_RDWR)
            if null >= 0 && null != fd { dup2(null, fd); close(null) }
        }
        let out = Stream(fd: 1, closed: closed[1]), err = Stream(fd: 2, closed: closed[2])
        var tool = CommandLineTool(
            arguments: Array(CommandLine.arguments.dropFirst()),
            stdoutIsTerminal: !closed[1] && isatty(1) == 1,
            writeOut: { out.write(Array($0.utf8)) },
            writeErr: { err.write(Array($0.utf8)) },
            writeOutBytes: { out.write($0) })
        tool.outputFailed = { out.failed }
        if let bad = CommandLineTool.invalidArgument(CommandLine.argc, CommandLine.unsafeArgv) {
            err.write(Array("newslint: 错误：第 \(bad) 个参数不是有效的 UTF-8（文件名无法按原样打开）\nnewslint: error: argument \(bad) is not valid UTF-8 (a file name that cannot be opened as given)\n".utf8))
            exit(2)
        }
        exit(tool.run())
    }

    /// Standard output or error, written with POSIX calls: a failed write (a closed stream, a full
    /// disk) is remembered instead of crashing the run, and no more is written after it.
    final class Stream: @unchecked Sendable {
        let fd: Int32
        private(set) var failed: Bool

        init(fd: Int32, closed: Bool) {
            self.fd = fd
            failed = closed
        }

        func write(_ bytes: [UInt8]) {
            guard !failed else { return }
            do { try FileWriter.writeAll(fd, bytes) } catch { failed = true }
        }
    }
}
