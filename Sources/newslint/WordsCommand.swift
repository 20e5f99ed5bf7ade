import NewsLint

/// `newslint words PATH…`: the words the segmenter finds in each paragraph, separated by
/// spaces, so that an editor sees how the copy is read and which names need adding to the
/// lexicon (`words` in `.lint.json`, or the rules folder's `words.txt`).
extension CommandLineTool {
    func words(_ options: Options) -> Int32 {
        let prepared: Prepared
        do { prepared = try prepare(options).get() } catch { return error.code }
        let timings = options.timing ? Timings() : nil
        let segmenter = Segmenter(lexicon: timings.measure("lexicon") { prepared.linter.lexicon ?? .builtIn })
        var errors = prepared.errors
        var out = ""
        var segmented = 0
        for file in prepared.files {
            switch prepared.linter.document(file) {
            case let .success(document):
                out += "# \(Quoted.escapingControls(file.path))\n"
                for p in document.paragraphs {
                    let words = timings.measure("segment") { segmenter.words(in: p.text) }
                    segmented += p.text.count
                    let start = document.source.position(of: p.sourceRange(0..<0).lowerBound)
                    out += "\(start.line):\(start.column)  "
                        + Quoted.escapingControls(words.map { String(decoding: p.text[$0.range], as: UTF8.self) }.joined(separator: " ")) + "\n"
                }
            case let .failure(error): errors.append(error)
            }
        }
        writeOut(out)
        writeInputErrors(errors, options.lang)
        if let timings {
            writeErr(timings.table(wallSeconds: 0))
            writeErr("segmented \(segmented) bytes\n")
        }
        return errors.isEmpty ? ExitCode.clean : ExitCode.failure
    }
}
