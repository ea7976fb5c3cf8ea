/// `RenderedMarkdown` as one text for a cache file: each string is `<UTF-8 byte count>:<bytes>`, a missing
/// excerpt is `-`, and headings are `<count>;` then `<level>;<id><text>` each.
enum MarkdownRecord {
    static func encode(_ value: RenderedMarkdown) -> String {
        var record = ""
        func add(_ text: String) { record += "\(text.utf8.count):" + text }
        add(value.html)
        add(value.plainText)
        if let excerpt = value.excerpt { add(excerpt) } else { record += "-" }
        record += "\(value.headings.count);"
        for heading in value.headings {
            record += "\(heading.level);"
            add(heading.id)
            add(heading.text)
        }
        return record
    }

    /// Nil for a record that does not parse to the end. Its strings are cut out of `record`, already checked as
    /// UTF-8 when it was read, rather than decoded again (memo lookups were a twentieth of a rebuild).
    static func decode(_ record: String) -> RenderedMarkdown? {
        var record = record
        guard let fields = record.withUTF8({ fieldRanges($0) }) else { return nil }
        let utf8 = record.utf8
        func text(_ range: Range<Int>) -> String {
            String(record[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
        }
        return RenderedMarkdown(html: text(fields.html), plainText: text(fields.plainText),
                                headings: fields.headings.map { MarkdownHeading(level: $0.level, id: text($0.id), text: text($0.text)) },
                                excerpt: fields.excerpt.map(text))
    }

    /// Where each string of a record lies, in UTF-8 offsets.
    private static func fieldRanges(_ bytes: UnsafeBufferPointer<UInt8>)
        -> (html: Range<Int>, plainText: Range<Int>, excerpt: Range<Int>?, headings: [(level: Int, id: Range<Int>, text: Range<Int>)])? {
        var offset = 0
        func number(until mark: UInt8) -> Int? {
            var value = 0, digits = 0
            while offset < bytes.count, bytes[offset] != mark {
                guard (0x30...0x39).contains(bytes[offset]), digits < 12 else { return nil }
                value = value * 10 + Int(bytes[offset] - 0x30)
                digits += 1
                offset += 1
            }
            guard offset < bytes.count, digits > 0 else { return nil }
            offset += 1
            return value
        }
        func string() -> Range<Int>? {
            guard let length = number(until: UInt8(ascii: ":")), offset + length <= bytes.count else { return nil }
            defer { offset += length }
            return offset..<(offset + length)
        }
        guard let html = string(), let plainText = string() else { return nil }
        var excerpt: Range<Int>?
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") {
            offset += 1
        } else {
            guard let text = string() else { return nil }
            excerpt = text
        }
        guard let count = number(until: UInt8(ascii: ";")) else { return nil }
        var headings: [(level: Int, id: Range<Int>, text: Range<Int>)] = []
        for _ in 0..<count {
            guard let level = number(until: UInt8(ascii: ";")), let id = string(), let text = string() else { return nil }
            headings.append((level, id, text))
        }
        guard offset == bytes.count else { return nil }
        return (html, plainText, excerpt, headings)
    }
}
