import Dispatch
import NewsLint

/// `newslint words PATH…`: the words the segmenter finds in each paragraph, separated by
/// spaces, so that an editor sees how the copy is read and which names need adding to the
/// lexicon (`words` in `.lint.json`, or the rules folder's `words.txt`).
extension CommandLineTool {
    func words(_ options: Options) -> Int32 {
        let prepared: Prepared
        do { prepared = try prepare(options).get() } catch { return error.code }
        let started = DispatchTime.now().uptimeNanoseconds
        let timings = options.timing ? Timings() : nil
        // The lexicon is read on first use; measured apart from the segmenting.
        _ = timings.measure("lexicon") { (prepared.linter.lexicon ?? .builtIn).count }
        var errors = prepared.errors
        var out = ""
        var segmented = 0
        for file in prepared.files {
            switch prepared.linter.document(file) {
            case let .success(document):
                out += "# \(Quoted.escapingControls(file.path))\n"
                for p in document.paragraphs {
                    let words = timings.measure("segment") { document.words(in: p) }
                    segmented += p.text.count
                    let start = document.source.position(of: p.sourceOffset(0))
                    out += TextReporter.place(start, document.source.unit, options.lang) + "  "
                        + Quoted.escapingControls(words.map { String(decoding: p.text[$0.range], as: UTF8.self) }.joined(separator: " ")) + "\n"
                }
            case let .failure(error): errors.append(error)
            }
        }
        writeOut(out)
        writeInputErrors(errors, options.lang)
        if let timings {
            writeErr(timings.table(wallSeconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9))
            writeErr("segmented \(segmented) bytes\n")
        }
        return errors.isEmpty ? ExitCode.clean : ExitCode.failure
    }
}
