import Foundation

/// Puts events in the order a reader expects: by date, less precise dates first within their period,
/// undated-time events before timed ones on the same day, timed ones by their instant, then by file order.
struct TimelineOrder {
    let siteTimeZone: String

    /// The indexes of `events` in timeline order. Sorting indexes by keys taken once, rather than the events
    /// themselves, copies no event (see `ContentShape.init`).
    func order(of events: [TimelineEvent]) -> [Int] {
        let keys = events.withUnsafeBufferPointer { events in
            events.indices.map { index in
                (date: events[index].date,
                 instant: EventInstant.date(events[index].date, events[index].time, zone: events[index].timezone ?? siteTimeZone))
            }
        }
        return keys.indices.sorted { lhs, rhs in
            let left = keys[lhs], right = keys[rhs]
            if left.date != right.date { return left.date < right.date }
            switch (left.instant, right.instant) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return true
            case (_?, nil): return false
            default: return lhs < rhs
            }
        }
    }
}

/// Converts an event's local date and time to an absolute moment.
public enum EventInstant {
    public static func date(of event: TimelineEvent, siteTimeZone: String) -> Date? {
        date(event.date, event.time, zone: event.timezone ?? siteTimeZone)
    }

    /// The moment of a day and time in the time zone named `zone`; nil without a time or a full date.
    static func date(_ date: PartialDate, _ time: TimeOfDay?, zone name: String) -> Date? {
        guard let time, let month = date.month, let day = date.day, let zone = TimeZone(identifier: name) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: date.year, month: month, day: day,
                                                  hour: time.hour, minute: time.minute))
    }
}
