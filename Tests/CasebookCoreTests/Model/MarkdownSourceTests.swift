import Foundation
import Testing
@testable import CasebookCore

/// Markdown text a build process reads back from its load cache stays the cache file's bytes until read: it must
/// then be the text it was saved as, equal and hashed as that text is, and written again as the same bytes.
@Suite struct MarkdownSourceTests {
    static let location = CasebookCore.SourceLocation(file: "Content/timeline/events.yml", line: 4, column: 12)

    /// `text` kept as a slice of a larger buffer, as the load cache's reader keeps it.
    static func kept(_ text: String, at location: CasebookCore.SourceLocation = location) -> MarkdownSource {
        let buffer = Data("before".utf8) + Data(text.utf8) + Data("after".utf8)
        return MarkdownSource(utf8: buffer[6..<(6 + text.utf8.count)], at: location)
    }

    @Test func keptTextReadsAsTheStringItWasSavedAs() {
        for text in ["", "A *summary*, with “quotes” — naïve 🚀", String(repeating: "ab\n", count: 1000)] {
            let kept = Self.kept(text), string = MarkdownSource(text, at: Self.location)
            #expect(kept.text == text)
            #expect(kept == string && string == kept && kept == Self.kept(text))
            #expect(kept.hashValue == string.hashValue)
            #expect(kept.withUTF8 { Array($0) } == Array(text.utf8))
            #expect(kept.isBlank == text.isEmpty)
        }
    }

    @Test func keptTextDiffersAsItsStringDiffers() {
        #expect(Self.kept("Parler sues") != MarkdownSource("Parler sued", at: Self.location))
        #expect(Self.kept("Parler sues") != Self.kept("Parler sue"))
        #expect(Self.kept("same") != Self.kept("same", at: CasebookCore.SourceLocation(file: "other.yml", line: 4, column: 12)))
        // Canonically equivalent texts are equal as strings are, whichever way each is held.
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(Self.kept(composed) == Self.kept(decomposed))
        #expect(Self.kept(composed) == MarkdownSource(decomposed, at: Self.location))
        #expect(Self.kept(composed).hashValue == Self.kept(decomposed).hashValue)
    }

    @Test func keptTextIsWrittenAsTheStringIs() {
        let text = "Notes — “quoted”."
        var fromString = BinaryWriter(), fromKept = BinaryWriter()
        fromString.write(MarkdownSource(text, at: Self.location))
        fromKept.write(Self.kept(text))
        var a: [UInt8] = [], b: [UInt8] = []
        _ = fromString.drain { a = Array($0); return true }
        _ = fromKept.drain { b = Array($0); return true }
        #expect(!a.isEmpty && a == b)
    }

    /// A quote's words are kept the same way: read back from the load cache, the quote equals the one saved, reads
    /// its text, and is written again as the same bytes.
    @Test func aQuoteReadBackKeepsItsWordsAsTheStringIs() throws {
        let quote = LoadCacheFileTests.quote
        var writer = BinaryWriter()
        writer.write(quote)
        var bytes: [UInt8] = []
        _ = writer.drain { bytes = Array($0); return true }
        let buffer = Data(bytes)
        let read = try buffer.withUnsafeBytes { raw in
            var reader = BinaryReader(raw, owner: buffer)
            return try reader.quote()
        }
        #expect(read == quote && read.text == quote.text && read.hashValue == quote.hashValue)
        var again = BinaryWriter()
        again.write(read)
        var rewritten: [UInt8] = []
        _ = again.drain { rewritten = Array($0); return true }
        #expect(rewritten == bytes)
    }
}
