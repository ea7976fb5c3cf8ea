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

    /// Nil for a record that does not parse to the end.
    static func decode(_ record: String) -> RenderedMarkdown? {
        var record = record
        return record.withUTF8 { bytes -> RenderedMarkdown? in
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
            func string() -> String? {
                guard let length = number(until: UInt8(ascii: ":")), offset + length <= bytes.count else { return nil }
                defer { offset += length }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
            }
            guard let html = string(), let plainText = string() else { return nil }
            var excerpt: String?
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            } else {
                guard let text = string() else { return nil }
                excerpt = text
            }
            guard let count = number(until: UInt8(ascii: ";")) else { return nil }
            var headings: [MarkdownHeading] = []
            for _ in 0..<count {
                guard let level = number(until: UInt8(ascii: ";")), let id = string(), let text = string() else { return nil }
                headings.append(MarkdownHeading(level: level, id: id, text: text))
            }
            guard offset == bytes.count else { return nil }
            return RenderedMarkdown(html: html, plainText: plainText, headings: headings, excerpt: excerpt)
        }
    }
}
