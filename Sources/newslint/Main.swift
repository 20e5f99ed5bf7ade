import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
enum Main {
    static func main() {
        let tool = CommandLineTool(
            arguments: Array(CommandLine.arguments.dropFirst()),
            stdoutIsTerminal: isatty(1) == 1,
            writeOut: { FileHandle.standardOutput.write(Data($0.utf8)) },
            writeErr: { FileHandle.standardError.write(Data($0.utf8)) },
            writeOutBytes: { bytes in bytes.withUnsafeBytes { writeAll(1, $0) } })
        exit(tool.run())
    }

    /// Writes all of `buffer` to `fd`: a pipe takes a large write in parts. A write that fails
    /// (other than by an interrupting signal) ends the writing.
    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) {
        var done = 0
        while done < buffer.count {
            let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            done += n
        }
    }
}
