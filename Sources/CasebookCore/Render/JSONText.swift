/// JSON strings written straight into UTF-8 bytes: Foundation's `JSONEncoder` took most of the time of the search
/// index, and its generic encoding machinery is not needed for a few fixed shapes.
enum JSONText {
    /// Appends `text` as a JSON string. Escapes what JSON requires, as `JSONEncoder` does (`\"`, `\\`, `\b`, `\f`,
    /// `\n`, `\r`, `\t`, other control characters as `\u00xx`); `htmlSafe` also escapes `<`, `>` and `&` and the
    /// line separators U+2028 and U+2029, for JSON inside a `<script>` element. Bytes that need no escape are
    /// copied in runs.
    static func append(_ text: String, htmlSafe: Bool, to json: inout [UInt8]) {
        var text = text
        json.append(UInt8(ascii: "\""))
        text.withUTF8 { bytes in
            var run = 0
            var index = 0
            func escape(_ replacement: String, skipping count: Int = 1) {
                json += UnsafeBufferPointer(rebasing: bytes[run..<index])
                json += replacement.utf8
                index += count
                run = index
            }
            while index < bytes.count {
                if index + 8 <= bytes.count,
                   !mayNeedEscape(ByteWord(UnsafeRawBufferPointer(bytes), at: index), htmlSafe: htmlSafe) {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): escape("\\\"")
                case UInt8(ascii: "\\"): escape("\\\\")
                case 0x0A: escape("\\n")
                case 0x0D: escape("\\r")
                case 0x09: escape("\\t")
                case 0x08: escape("\\b")
                case 0x0C: escape("\\f")
                case 0..<0x20: escape("\\u00" + String(byte, radix: 16).leftPadded(to: 2))
                case UInt8(ascii: "<") where htmlSafe: escape("\\u003c")
                case UInt8(ascii: ">") where htmlSafe: escape("\\u003e")
                case UInt8(ascii: "&") where htmlSafe: escape("\\u0026")
                // U+2028 and U+2029 (E2 80 A8/A9): line breaks to JavaScript.
                case 0xE2 where htmlSafe && index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", skipping: 3)
                default: index += 1
                }
            }
            json += UnsafeBufferPointer(rebasing: bytes[run..<bytes.count])
        }
        json.append(UInt8(ascii: "\""))
    }

    /// Whether any of eight bytes may need an escape: a control character, `"`, `\\`, and with `htmlSafe` also
    /// `<`, `>`, `&` and the lead byte of U+2028/9.
    @inline(__always)
    private static func mayNeedEscape(_ word: ByteWord, htmlSafe: Bool) -> Bool {
        if word.holdsByte(below: 0x20) || word.holds(0x22) || word.holds(0x5C) { return true }
        return htmlSafe && (word.holds(0x3C) || word.holds(0x3E) || word.holds(0x26) || word.holds(0xE2))
    }

    /// Appends a JSON array of strings.
    static func append(_ list: [String], htmlSafe: Bool, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "["))
        for (index, item) in list.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            append(item, htmlSafe: htmlSafe, to: &json)
        }
        json.append(UInt8(ascii: "]"))
    }
}
