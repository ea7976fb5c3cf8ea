/// The one rule for ids that become URL segments: lowercase ASCII words joined by single hyphens.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.first != "-", text.last != "-", !text.contains("--") else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Turns free text such as a topic ("Content moderation & Section 230") into a safe slug
    /// ("content-moderation-section-230"); Latin accents are folded, other letters dropped.
    public static func make(from text: String) -> String {
        // Folding goes through ICU and only changes non-ASCII text; topics are slugged tens of thousands of times.
        let folded = text.utf8.allSatisfy { $0 < 0x80 } ? text.lowercased() : text.lowercased().applyingTransformFoldingDiacritics()
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: "-")
    }
}

import Foundation

extension String {
    func applyingTransformFoldingDiacritics() -> String {
        folding(options: [.diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }
}
