import Foundation
import NewsLint

/// `newslint fix PATH… [--dry-run]`: applies the safe suggestions, writing each file atomically in
/// its own encoding, BOM and line ends; with `--dry-run`, prints a unified diff instead.
extension CommandLineTool {
    func fix(_ options: Options) -> Int32 {
        let lang = options.lang
        let prepared: Prepared
        do { prepared = try prepare(options).get() } catch { return error.code }
        let files = prepared.files.filter { !$0.isStandardInput }
        var linter = prepared.linter
        linter.keepsWordDocuments = true  // tracked changes are written into the document
        let report = linter.lint(files)
        let errors = prepared.errors + report.inputErrors
        writeInputErrors(errors, lang)
        let fsPath = Dictionary(files.map { ($0.path, $0.fileSystemPath) }, uniquingKeysWith: { a, _ in a })
        var changedFiles = 0, changes = 0, notFixed = 0
        func refuse(_ path: String, _ reason: LocalizedText) {
            writeErr("newslint: " + (lang == .zh ? "未修改 " : "not fixed: ") + Quoted.escapingControls(path) + (lang == .zh ? "：" : ": ") + reason.text(lang) + "\n")
            notFixed += 1
        }
        for file in report.files {
            var (text, applied) = Fixer.apply(file)
            guard !applied.isEmpty, let target = fsPath[file.path] else { continue }
            var replacement: [UInt8]?
            if let word = file.source.word {
                // A Word draft: the fixes become tracked changes, for the editor to accept or reject.
                do throws(WordFailure) {
                    let tracked = try WordReview.tracked(word, fixes: applied)
                    replacement = tracked.bytes
                    if tracked.applied.count != applied.count {
                        applied = tracked.applied
                        text = Fixer.text(file.source.bytes, applying: applied)
                    }
                } catch {
                    refuse(file.path, error.message)
                    continue
                }
                guard !applied.isEmpty else { continue }
            }
            // The file as it was read, written back in its encoding: unless that gives its bytes
            // exactly, writing the fixed text would change more than the spans reported.
            guard let original = file.source.word?.bytes ?? Fixer.encode(file.source.bytes, as: file.encoding),
                  let bytes = replacement ?? Fixer.encode(text, as: file.encoding) else {
                refuse(file.path, LocalizedText(zh: "无法以原编码写回", en: "cannot be written back in its encoding"))
                continue
            }
            let onDisk = try? FileReader.read(target, limit: prepared.linter.maxFileSize)
            if onDisk != original {
                let sameText = file.source.word == nil && onDisk.flatMap { try? TextDecoder.decode($0).utf8 } == file.source.bytes
                refuse(file.path, sameText
                       ? LocalizedText(zh: "按 \(file.encoding.rawValue) 解码再编码不能还原原文件的每个字节，修改会改动报告之外的内容",
                                       en: "decoding it as \(file.encoding.rawValue) and encoding it again does not give back its bytes, so a fix would change more than the spans reported")
                       : LocalizedText(zh: "检查之后文件被改动过", en: "it changed after it was linted"))
                continue
            }
            if options.dryRun {
                writeOut(Fixer.unifiedDiff(path: file.path, old: file.source,
                                           new: SourceText(utf8: text, encoding: file.encoding, paragraphs: file.source.paragraphs), lang: lang))
            } else {
                do {
                    try FileWriter.rewrite(target, with: bytes, expected: original, limit: prepared.linter.maxFileSize)
                } catch {
                    switch error {
                    case let .failed(f): refuse(file.path, f.message)
                    case .changed: refuse(file.path, LocalizedText(zh: "检查期间文件被改动过（另一处保存的修改不会被覆盖）",
                                                                   en: "it changed while it was being fixed (an edit saved meanwhile is not overwritten)"))
                    case let .refused(reason): refuse(file.path, reason)
                    }
                    continue
                }
            }
            if !options.dryRun {
                writeErr("newslint: " + (lang == .zh ? "已修改 " : "fixed: ") + Quoted.escapingControls(file.path)
                         + (lang == .zh ? "（\(applied.count) 处）" : " (\(applied.count))") + "\n")
            }
            changedFiles += 1
            changes += applied.count
        }
        let verb = options.dryRun ? (lang == .zh ? "可修改" : "would fix") : (lang == .zh ? "已修改" : "fixed")
        var summary = lang == .zh ? "\(verb) \(changedFiles) 个文件，\(changes) 处" : "\(verb) \(changes) \(changes == 1 ? "finding" : "findings") in \(changedFiles) \(changedFiles == 1 ? "file" : "files")"
        if notFixed > 0 {
            summary += lang == .zh ? "；\(notFixed) 个文件未修改" : "; \(notFixed) \(notFixed == 1 ? "file" : "files") not fixed"
        }
        writeErr(summary + "\n")
        return errors.isEmpty && notFixed == 0 ? ExitCode.clean : ExitCode.failure
    }
}
