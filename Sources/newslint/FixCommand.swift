import Foundation
import NewsLint

/// `newslint fix PATH… [--dry-run]`: applies the safe suggestions, writing each file atomically in
/// its own encoding, BOM and line ends; with `--dry-run`, prints a unified diff instead.
extension CommandLineTool {
    func fix(_ options: Options) -> Int32 {
        let lang = options.lang
        let prepared: Prepared
        switch prepare(options) {
        case let .success(p): prepared = p
        case let .failure(status): return status.code
        }
        let files = prepared.files.filter { !$0.isStandardInput }
        let report = prepared.linter.lint(files)
        let errors = prepared.errors + report.inputErrors
        for e in errors {
            writeErr("newslint: " + (lang == .zh ? "错误：" : "error: ") + "\(e.path): \(e.message.text(lang))\n")
        }
        let fsPath = Dictionary(files.map { ($0.path, $0.fileSystemPath) }, uniquingKeysWith: { a, _ in a })
        var changedFiles = 0, changes = 0
        for file in report.files {
            let (text, applied) = Fixer.apply(file)
            guard !applied.isEmpty, let target = fsPath[file.path] else { continue }
            if options.dryRun {
                writeOut(Fixer.unifiedDiff(path: file.path, old: file.source, new: SourceText(utf8: text, encoding: file.encoding)))
            } else {
                guard let bytes = Fixer.encode(text, as: file.encoding) else {
                    writeErr("newslint: \(file.path): " + (lang == .zh ? "无法以原编码写回" : "cannot be written back in its encoding") + "\n")
                    continue
                }
                do {
                    try Data(bytes).write(to: URL(fileURLWithPath: target), options: .atomic)
                } catch {
                    return fail((lang == .zh ? "无法写入 " : "cannot write ") + file.path + ": \(error.localizedDescription)", lang)
                }
            }
            changedFiles += 1
            changes += applied.count
        }
        let verb = options.dryRun ? (lang == .zh ? "可修改" : "would fix") : (lang == .zh ? "已修改" : "fixed")
        writeErr(lang == .zh ? "\(verb) \(changedFiles) 个文件，\(changes) 处\n" : "\(verb) \(changes) \(changes == 1 ? "finding" : "findings") in \(changedFiles) \(changedFiles == 1 ? "file" : "files")\n")
        return errors.isEmpty ? ExitCode.clean : ExitCode.failure
    }
}
