import Foundation

/// Reads and analyses one input: the one way every command turns a file into a document.
public enum DocumentLoader {
    /// Decodes `bytes` and analyses them, or says why they are not text.
    public static func document(path: String, bytes: [UInt8], credits: Credits = .builtIn, lexicon: Lexicon? = nil) -> Result<Document, InputError> {
        source(path: path, bytes: bytes).map {
            Document(path: path, source: $0, ignoredLines: Suppressions(source: $0).directiveLines, credits: credits, lexicon: lexicon)
        }
    }

    /// Decodes `bytes`, or says why they are not text. A Word document (`.docx`, or `.doc`) is
    /// read for its paragraphs' text, within `limit` for each of its parts; with `keepingWord`
    /// the document is kept too, for writing into it.
    public static func source(path: String, bytes: [UInt8], limit: Int = FileReader.defaultLimit,
                              keepingWord: Bool = false) -> Result<SourceText, InputError> {
        if FileCollector.isWordDocument(path) {
            do throws(WordFailure) {
                let word = try WordDocument.read(bytes, fileLimit: limit)
                return .success(SourceText(utf8: word.text, encoding: .docx, paragraphs: word.paragraphs, word: keepingWord ? word : nil))
            } catch {
                return .failure(InputError(path: path, message: error.message))
            }
        }
        do throws(DecodingFailure) {
            let decoded = try TextDecoder.decode(bytes)
            guard decoded.utf8.count <= SourceText.maximumBytes else {
                return .failure(InputError(path: path, message: LocalizedText(zh: "文件过大（4 GiB 以上），无法检查",
                                                                             en: "too large to lint (4 GiB or more)")))
            }
            return .success(SourceText(utf8: decoded.utf8, encoding: decoded.encoding, characterCount: decoded.characters))
        } catch {
            return .failure(InputError(path: path, message: LocalizedText(zh: error.message(.zh), en: error.message(.en))))
        }
    }

    /// Reads a file (standard input for `-`) and analyses it.
    /// `regularOnly` refuses a FIFO or device (data read while rules are made, such as reference editions).
    public static func document(_ file: InputFile, limit: Int = FileReader.defaultLimit, regularOnly: Bool = false,
                                credits: Credits = .builtIn, lexicon: Lexicon? = nil) -> Result<Document, InputError> {
        do throws(InputFailure) {
            if file.isStandardInput {
                return document(path: file.path, bytes: try FileReader.readStandardInput(limit: limit), credits: credits, lexicon: lexicon)
            }
            return document(path: file.path, bytes: try FileReader.read(file.fileSystemPath, limit: limit, regularOnly: regularOnly),
                            credits: credits, lexicon: lexicon)
        } catch {
            return .failure(InputError(path: file.path, message: error.message))
        }
    }
}

extension Linter {
    /// A file read and analysed as this run would: its size limit, house style and lexicon
    /// (`newslint layout` and `newslint words` show what the lint sees).
    public func document(_ file: InputFile) -> Result<Document, InputError> {
        DocumentLoader.document(file, limit: maxFileSize, credits: credits, lexicon: lexicon)
    }
}
