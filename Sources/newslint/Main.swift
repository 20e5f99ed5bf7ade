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
            writeErr: { FileHandle.standardError.write(Data($0.utf8)) })
        exit(tool.run())
    }
}
