/// A calendar date known to a year, a month or a day, kept at the precision the source gives.
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Precision: Int, Sendable, Comparable {
        case year, month, day
        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public let year: Int
    public let month: Int?
    public let day: Int?

    public var precision: Precision {
        if day != nil { return .day }
        if month != nil { return .month }
        return .year
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting impossible dates; the error says what is wrong.
    public static func parse(_ text: String) -> Result<PartialDate, DateError> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count),
              zip(parts, widths).allSatisfy({ $0.count == $1 && $0.allSatisfy(\.isASCIIDigitCharacter) }),
              let year = Int(parts[0])
        else { return .failure(.malformed(text)) }
        let month = parts.count > 1 ? Int(parts[1]) : nil
        let day = parts.count > 2 ? Int(parts[2]) : nil
        if let month, !(1...12).contains(month) { return .failure(.impossible(text, "month \(month) does not exist")) }
        if let month, let day {
            let last = daysIn(month: month, year: year)
            guard (1...last).contains(day) else {
                return .failure(.impossible(text, "\(monthNames[month - 1]) \(year) has \(last) days"))
            }
        }
        return .success(PartialDate(year: year, month: month, day: day))
    }

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// ISO 8601 at the date's own precision, as written in content and in `<time datetime>`.
    public var description: String {
        var text = Self.padded(year, 4)
        if let month { text += "-" + Self.padded(month, 2) }
        if let day { text += "-" + Self.padded(day, 2) }
        return text
    }

    /// A number zero-padded to `width` characters, the sign counting in the width, as `String(format: "%0*d")`
    /// prints it. By hand: `String(format:)` made dates a few percent of a rebuild (every date of every view,
    /// page and calendar entry).
    static func padded(_ value: Int, _ width: Int) -> String {
        if value < 0 { return "-" + padded(-value, width - 1) }
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Less precise dates sort after the more precise dates they contain (2021-02-01, 2021-02, 2021): an event
    /// known only to "February" is usually reported after the dated ones, and a reader expects it at the end.
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 13, lhs.day ?? 32) < (rhs.year, rhs.month ?? 13, rhs.day ?? 32)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    public enum DateError: Error, Equatable, Sendable, CustomStringConvertible {
        case malformed(String)
        case impossible(String, String)

        public var description: String {
            switch self {
            case .malformed(let text):
                return "invalid date '\(text)' (expected YYYY, YYYY-MM or YYYY-MM-DD)"
            case .impossible(let text, let reason):
                return "impossible date '\(text)': \(reason)"
            }
        }
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
