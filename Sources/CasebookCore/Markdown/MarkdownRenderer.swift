/// Renders content Markdown with the site's rules: smart punctuation, heading ids, site-relative links
/// resolved under the base path, raw HTML removed unless the site opts in, unsafe link schemes dropped.
public struct MarkdownRenderer: Sendable {
    public let urls: URLBuilder
    public let unsafeHTML: Bool
    /// Results of earlier builds in the same process, when it keeps them.
    let memo: MarkdownMemo?

    public init(urls: URLBuilder, unsafeHTML: Bool) {
        self.init(urls: urls, unsafeHTML: unsafeHTML, memo: nil)
    }

    init(urls: URLBuilder, unsafeHTML: Bool, memo: MarkdownMemo?) {
        self.urls = urls
        self.unsafeHTML = unsafeHTML
        self.memo = memo?.settings == Self.settings(urls, unsafeHTML) ? memo : nil
    }

    /// What, besides the text, the output depends on: a memo is used only with the settings it was made for.
    static func settings(_ urls: URLBuilder, _ unsafeHTML: Bool) -> String {
        "\(urls.basePath) \(urls.origin ?? "") \(unsafeHTML)"
    }

    /// - Parameter topHeadingLevel: the level the text's highest heading is shifted to, to nest under the page's headings.
    public func render(_ markdown: String, topHeadingLevel: Int = 2) -> RenderedMarkdown {
        guard let memo else { return renderNow(markdown, topHeadingLevel: topHeadingLevel) }
        return memo.value(text: markdown, level: min(max(topHeadingLevel, 1), 6)) { renderNow(markdown, topHeadingLevel: topHeadingLevel) }
    }

    private func renderNow(_ markdown: String, topHeadingLevel: Int) -> RenderedMarkdown {
        var used: [String: Int] = [:]
        let options = CommonMark.Options(unsafeHTML: unsafeHTML, topHeadingLevel: Int32(min(max(topHeadingLevel, 1), 6)))
        let output = CommonMark.render(markdown, options: options, rewriteURL: rewrite) { text in
            let base = Slug.make(from: text).isEmpty ? "section" : Slug.make(from: text)
            let count = used[base, default: 0]
            used[base] = count + 1
            return count == 0 ? base : "\(base)-\(count)"
        }
        return RenderedMarkdown(html: output.html, plainText: output.plainText, headings: output.headings,
                                excerpt: output.firstParagraph.map { Self.excerpt($0) })
    }

    /// Renders one line of Markdown (a title) without the paragraph around it; anything that is
    /// not a single paragraph is shown as its plain text, escaped.
    public func renderInline(_ markdown: String) -> RenderedMarkdown {
        guard let memo else { return renderInlineNow(markdown) }
        return memo.value(text: markdown, level: 0) { renderInlineNow(markdown) }
    }

    private func renderInlineNow(_ markdown: String) -> RenderedMarkdown {
        let output = CommonMark.render(markdown, options: .init(unsafeHTML: false), rewriteURL: rewrite) { Slug.make(from: $0) }
        var html = output.html
        if output.isSingleParagraph, html.hasPrefix("<p>"), html.hasSuffix("</p>\n") {
            html = String(html.dropFirst(3).dropLast(5))
        } else {
            html = HTML.escape(output.plainText)
        }
        return RenderedMarkdown(html: html, plainText: output.plainText, headings: [], excerpt: nil)
    }

    /// Site-relative links (`/about/`) go under the base path; links with a scheme other than
    /// http, https, mailto or tel are removed.
    func rewrite(_ url: String) -> String {
        let trimmed = Self.endsInWhitespace(url) ? url.trimmingCharacters(in: .whitespaces) : url
        if trimmed.hasPrefix("/") && !trimmed.hasPrefix("//") {
            return urls.sitePath(String(trimmed.dropFirst()))
        }
        if let scheme = Self.scheme(of: trimmed), !Self.allowedSchemes.contains(scheme) {
            return ""
        }
        return trimmed
    }

    private static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Whether `url` may start or end with what `CharacterSet.whitespaces` trims (tab and category Zs): not when
    /// both ends are other ASCII, which spares nearly every link Foundation's trimming.
    private static func endsInWhitespace(_ url: String) -> Bool {
        func mayTrim(_ byte: UInt8) -> Bool { byte >= 0x80 || byte == 0x20 || byte == 0x09 }
        guard let first = url.utf8.first, let last = url.utf8.last else { return false }
        return mayTrim(first) || mayTrim(last)
    }

    /// The link's scheme, lowercased, read from the bytes before the first colon when they are ASCII and the colon is
    /// followed by ASCII (the colon is then the first `Character` one, and both readings agree), else by `Character`.
    /// Reading every link by `Character` was 3% of a cold build's CPU.
    static func scheme(of url: String) -> String? {
        let bytes = url.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let after = bytes.index(after: colon), candidate = bytes[..<colon]
        guard after == bytes.endIndex || bytes[after] < 0x80, candidate.allSatisfy({ $0 < 0x80 }) else {
            return characterScheme(of: url)
        }
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        guard let first = candidate.first, isLetter(first),
              candidate.allSatisfy({ isLetter($0) || (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E })
        else { return nil }
        return String(decoding: candidate.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private static func characterScheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let candidate = url[..<colon]
        guard let first = candidate.first, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return candidate.lowercased()
    }

    static func excerpt(_ text: String, limit: Int = 160) -> String {
        // Whitespace collapsed to single spaces, reading only as far as the limit: excerpts are taken from every
        // event's and quote's first paragraph, and splitting whole paragraphs into words was a tenth of a rebuild.
        var text = text
        var (collapsed, count, pendingSpace, resume) = text.withUTF8 { simplePrefix($0, limit: limit) }
        if let resume {
            for character in text[text.utf8.index(text.utf8.startIndex, offsetBy: resume)...] {
                if isWhitespace(character) {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    collapsed.append(" ")
                    count += 1
                    pendingSpace = false
                }
                collapsed.append(character)
                count += 1
                if count > limit { break }
            }
        }
        guard count > limit else { return collapsed }
        let cut = collapsed.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return trimmingPunctuation(cut[..<end].unicodeScalars) + "…"
    }

    /// `Character.isWhitespace` (the White_Space property of its first scalar) without a property lookup when that
    /// scalar is ASCII: the lookup was half of the search index's excerpts of quotes that hold curly quotes.
    static func isWhitespace(_ character: Character) -> Bool {
        let first = character.utf8.first ?? 0
        return first < 0x80 ? first == 0x20 || (0x09...0x0D).contains(first) : character.isWhitespace
    }

    /// The text without punctuation (Unicode category P*) at either end, scalar by scalar as Foundation's
    /// `trimmingCharacters(in: .punctuationCharacters)` does it, without going through a `CharacterSet`
    /// (two thirds of the excerpt's time).
    private static func trimmingPunctuation(_ scalars: Substring.UnicodeScalarView) -> String {
        func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                 .finalPunctuation, .otherPunctuation: return true
            default: return false
            }
        }
        var start = scalars.startIndex, stop = scalars.endIndex
        while start < stop, isPunctuation(scalars[start]) { start = scalars.index(after: start) }
        while stop > start, isPunctuation(scalars[scalars.index(before: stop)]) { stop = scalars.index(before: stop) }
        return String(scalars[start..<stop])
    }

    /// The excerpt's start, collapsed byte by byte while the text is ASCII and `simpleScalar`s (each a character of
    /// its own between them), which skips grapheme breaking. At any other scalar it undoes the scalar before (a
    /// combining mark joins the character before it) and says where reading character by character resumes; nil
    /// when it reached the limit or the end. When only ASCII was read by bytes, the curly quotes and dashes of
    /// nearly every summary sent the rest of it character by character: excerpts were 3.3% of a cold build's CPU
    /// samples at N=10,000, now 1.3%.
    private static func simplePrefix(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int)
        -> (text: String, count: Int, pendingSpace: Bool, resume: Int?) {
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(min(bytes.count, 2 * limit + 2))
        var count = 0, pendingSpace = false, index = 0
        var before = (bytes: 0, count: 0, pendingSpace: false, start: 0)
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int, whitespace: Bool
            if byte < 0x80 {
                (length, whitespace) = (1, byte == 0x20 || (0x09...0x0D).contains(byte))
            } else if let simple = simpleScalar(bytes, at: index) {
                (length, whitespace) = simple
            } else {
                guard index > 0 else { return ("", 0, false, 0) }
                collapsed.removeLast(collapsed.count - before.bytes)
                return (String(decoding: collapsed, as: UTF8.self), before.count, before.pendingSpace, before.start)
            }
            before = (collapsed.count, count, pendingSpace, index)
            defer { index += length }
            if whitespace {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                collapsed.append(0x20)
                count += 1
                pendingSpace = false
            }
            collapsed.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
            count += 1
            if count > limit { break }
        }
        return (String(decoding: collapsed, as: UTF8.self), count, pendingSpace, nil)
    }

    /// The UTF-8 length of the scalar at `index`, and whether it is white space, when it is one of the scalars that
    /// stand as a character of their own (grapheme break property Other, not pictographic) and that news text is
    /// full of: Latin-1 and Latin Extended-A letters and signs (not the soft hyphen, © or ®), the general
    /// punctuation from the hyphen to the reference mark (dashes, curly quotes, ellipsis, primes; not the line and
    /// paragraph separators or the marks that join), and the euro sign. `excerptScalarsStandAlone` checks each.
    static func simpleScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (length: Int, isWhitespace: Bool)? {
        let lead = bytes[index]
        guard index + 1 < bytes.count else { return nil }
        let second = bytes[index + 1]
        switch lead {
        case 0xC2:  // U+0080 to U+00BF: from U+00A0 on, but for U+00A9 and U+00AD and U+00AE
            guard second >= 0xA0, second != 0xA9, second != 0xAD, second != 0xAE, second <= 0xBF else { return nil }
            return (2, second == 0xA0)
        case 0xC3, 0xC4, 0xC5:  // U+00C0 to U+017F
            return (0x80...0xBF).contains(second) ? (2, false) : nil
        case 0xE2:
            guard index + 2 < bytes.count else { return nil }
            let third = bytes[index + 2]
            switch (second, third) {
            case (0x80, 0x90...0xA7), (0x80, 0xB0...0xBB), (0x82, 0xAC): return (3, false)  // U+2010–2027, U+2030–203B, U+20AC
            default: return nil
            }
        default:
            return nil
        }
    }
}

import Foundation
