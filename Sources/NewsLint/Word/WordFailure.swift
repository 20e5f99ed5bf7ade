/// Why a Word document could not be read. The caller names the file; `message` says the reason
/// in the editor's terms and, for a damaged file, the technical detail.
public enum WordFailure: Error, Sendable, Equatable {
    /// Not a zip container at all (and not the old binary format either).
    case notZip
    /// The old binary Word format (`.doc`): an OLE compound file.
    case oldWordFormat
    /// A password-protected document (an OLE file holding an `EncryptedPackage`), or a zip whose
    /// members are encrypted.
    case encrypted
    /// The container or a compressed member is broken; the detail says where.
    case damaged(String)
    /// A container feature newslint does not read (ZIP64, a compression method other than deflate).
    case unsupported(String)
    /// A part the document needs is not in the container.
    case missingPart(String)
    /// A part's XML is not well-formed; the detail names the part and the place.
    case badXML(part: String, detail: String)
    /// A member or the whole would expand beyond the limit, or expands far more than text does.
    case tooLarge(Int)

    public var message: LocalizedText {
        switch self {
        case .notZip:
            return LocalizedText(zh: "不是 Word 文档（.docx 应为 zip 容器）", en: "not a Word document (a .docx is a zip container)")
        case .oldWordFormat:
            return LocalizedText(zh: "是旧版 Word 二进制格式（.doc），无法检查；请在 Word 或 WPS 中另存为 .docx",
                                 en: "is in the old binary Word format (.doc), which is not read; save it as .docx in Word or WPS")
        case .encrypted:
            return LocalizedText(zh: "文档已加密（有打开密码），无法检查；请去掉密码后再检查",
                                 en: "the document is encrypted (password-protected); remove the password to lint it")
        case let .damaged(detail):
            return LocalizedText(zh: "文档已损坏（\(detail)）", en: "the document is damaged (\(detail))")
        case let .unsupported(detail):
            return LocalizedText(zh: "文档使用了不支持的格式（\(detail)）", en: "the document uses a format that is not read (\(detail))")
        case let .missingPart(part):
            return LocalizedText(zh: "文档缺少 \(part)，不是完整的 Word 文档", en: "the document has no \(part), so it is not a complete Word document")
        case let .badXML(part, detail):
            return LocalizedText(zh: "\(part) 不是格式正确的 XML（\(detail)）", en: "\(part) is not well-formed XML (\(detail))")
        case let .tooLarge(limit):
            return LocalizedText(zh: "解压后超过 \(limit) 字节，或压缩比异常（疑为 zip 炸弹），不予检查",
                                 en: "expands beyond \(limit) bytes or far more than text does (a zip bomb?), so it is not read")
        }
    }
}
