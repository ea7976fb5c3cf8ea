import Foundation
import Testing
@testable import CasebookCore

/// `trimmingWhitespace` stands in for Foundation's trim in every Markdown field's plain text (search index,
/// excerpts, descriptions), so it must agree with it on every character, not only on ASCII spaces.
@Suite struct StringWhitespaceTests {
    @Test func trimsWhatFoundationTrims() {
        let scalars = (0...0x3100).compactMap(Unicode.Scalar.init) + [Unicode.Scalar(0xFEFF)!, Unicode.Scalar(0x1F600)!]
        for scalar in scalars {
            let s = String(scalar)
            for text in [s, s + s, " \(s)a\(s) ", "\(s)a b\(s)", "a\(s)", "\(s)\u{301}a", "é\(s)\n"] {
                #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines),
                        "U+\(String(scalar.value, radix: 16, uppercase: true)) in \(text.debugDescription)")
            }
        }
        // Every other scalar, alone: only the two sets' members trim to nothing.
        let differing = (0x3101...0x10FFFF).compactMap(Unicode.Scalar.init).filter { scalar in
            String(scalar).trimmingWhitespace != String(scalar).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(differing.isEmpty, "\(differing.map { String($0.value, radix: 16) })")
        #expect("  \n\t ".trimmingWhitespace == "")
        #expect("".trimmingWhitespace == "")
        #expect("plain".trimmingWhitespace == "plain")
    }
}
