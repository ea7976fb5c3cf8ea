import Foundation

/// Checks time zone names against the IANA database Foundation ships.
enum TimeZoneNames {
    static let known: Set<String> = Set(TimeZone.knownTimeZoneIdentifiers).union(["UTC"])

    static func isKnown(_ name: String) -> Bool {
        known.contains(name) && TimeZone(identifier: name) != nil
    }

    static func unknownMessage(_ name: String) -> String {
        let hint = EditDistance.closest(to: name, among: known).map { " (did you mean '\($0)'?)" }
            ?? " (use an IANA name such as 'America/Los_Angeles' or 'UTC')"
        return "unknown time zone '\(name)'\(hint)"
    }
}
