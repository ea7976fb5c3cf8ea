import Foundation

/// Puts events in the order a reader expects: by date, less precise dates first within their period,
/// undated-time events before timed ones on the same day, timed ones by their instant, then by file order.
struct TimelineOrder {
    let siteTimeZone: String

    func sorted(_ events: [TimelineEvent]) -> [TimelineEvent] {
        let keyed = events.enumerated().map { (offset, event) in (event, instant(of: event), offset) }
        return keyed.sorted { lhs, rhs in
            if lhs.0.date != rhs.0.date { return lhs.0.date < rhs.0.date }
            switch (lhs.1, rhs.1) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return true
            case (_?, nil): return false
            default: return lhs.2 < rhs.2
            }
        }.map(\.0)
    }

    /// The moment an event with a day and a time happened, in its own or the site's time zone.
    func instant(of event: TimelineEvent) -> Date? {
        EventInstant.date(of: event, siteTimeZone: siteTimeZone)
    }
}

/// Converts an event's local date and time to an absolute moment.
public enum EventInstant {
    public static func date(of event: TimelineEvent, siteTimeZone: String) -> Date? {
        guard let time = event.time, let month = event.date.month, let day = event.date.day,
              let zone = TimeZone(identifier: event.timezone ?? siteTimeZone)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: event.date.year, month: month, day: day,
                                                  hour: time.hour, minute: time.minute))
    }
}
