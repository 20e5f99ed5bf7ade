/// The language of messages. Chinese is the default: the readers are copy editors.
public enum Language: String, Sendable, CaseIterable {
    case zh
    case en
}

/// A message written in both languages; reporters pick one.
public struct LocalizedText: Sendable, Equatable, Hashable {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(_ lang: Language) -> String { lang == .zh ? zh : en }
}
