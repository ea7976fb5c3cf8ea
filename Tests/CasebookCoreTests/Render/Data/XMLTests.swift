import Testing
@testable import CasebookCore

@Suite struct XMLTests {
    /// Scalar by scalar, as the escaping was written before it worked on UTF-8 runs.
    static func reference(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Every character that needs care, at every offset against an eight-byte word and among multi-byte text,
    /// comes out as scalar-by-scalar escaping gives it.
    @Test func escapesAsScalarByScalar() {
        let pieces = ["&", "<", ">", "\"", "'", "\u{0}", "\u{8}", "\t", "\n", "\r", "\u{B}", "\u{1F}", "\u{FFFE}", "\u{FFFF}",
                      "\u{FFFD}", "\u{EFBF}", "é", "—", "🚀", "abcdefgh", " "]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<3_000 {
            let text = (0..<(round % 40)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(XML.escape(text) == Self.reference(text), "\(text.debugDescription)")
        }
        for offset in 0..<17 {
            for piece in pieces {
                let text = String(repeating: "x", count: offset) + piece + "yyyyyyyy"
                #expect(XML.escape(text) == Self.reference(text), "\(text.debugDescription)")
            }
        }
        #expect(XML.escape("plain text, nothing to do") == "plain text, nothing to do")
    }
}
