import Foundation

/// Markdown text from content, with the location of its first line so rendering problems can be placed.
public struct MarkdownSource: Hashable, Sendable {
    public let location: SourceLocation
    /// The text as parsed, or as bytes a build process read from its load cache (see `KeptText`). After the location,
    /// which is compared first.
    let kept: KeptText

    public init(_ text: String, at location: SourceLocation) {
        kept = KeptText(text)
        self.location = location
    }

    /// Text kept as the UTF-8 bytes a `String` was written as.
    init(utf8 bytes: Data, at location: SourceLocation) {
        kept = KeptText(utf8: bytes)
        self.location = location
    }

    public var text: String { kept.text }

    /// Calls `body` with the text's UTF-8 bytes, without making a `String` of kept bytes.
    func withUTF8<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        kept.withUTF8(body)
    }

    /// Told from the bytes when the first one that is not ASCII whitespace (tab to carriage return, space) is ASCII, or
    /// there is none: a view checks each text before rendering it, and kept bytes were otherwise made a string twice.
    public var isBlank: Bool {
        let firstVisibleIsASCII = withUTF8 { bytes in
            bytes.first { !($0 == 0x20 || (0x09...0x0D).contains($0)) }.map { $0 < 0x80 }
        }
        guard firstVisibleIsASCII == false else { return firstVisibleIsASCII == nil }
        return text.allSatisfy(\.isWhitespace)
    }
}
