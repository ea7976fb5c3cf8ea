import Foundation

/// How dates read on the site: at their own precision ("2021", "February 2021", "Jan 9, 2021"),
/// with a time in AP style and the zone's abbreviation ("Jan 9, 2021, 6:07 p.m. PST").
public struct DateLabel: Sendable {
    static let shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func view(_ date: PartialDate, approximate: Bool = false) -> DateView {
        DateView(iso: date.description, label: (approximate ? "About " : "") + text(date), approximate: approximate)
    }

    public static func text(_ date: PartialDate) -> String {
        guard let month = date.month else { return String(date.year) }
        guard let day = date.day else { return "\(PartialDate.monthNames[month - 1]) \(date.year)" }
        return "\(shortMonths[month - 1]) \(day), \(date.year)"
    }

    /// An event's date, with its time and zone when it has them.
    public static func view(of event: TimelineEvent, siteTimeZone: String) -> DateView {
        guard let time = event.time, let instant = EventInstant.date(of: event, siteTimeZone: siteTimeZone),
              let zone = TimeZone(identifier: event.timezone ?? siteTimeZone)
        else { return view(event.date, approximate: event.approximate) }
        let hour = time.hour % 12 == 0 ? 12 : time.hour % 12
        let clock = "\(hour):\(String(format: "%02d", time.minute)) \(time.hour < 12 ? "a.m." : "p.m.")"
        let offset = zone.secondsFromGMT(for: instant) / 60
        let sign = offset < 0 ? "-" : "+"
        let iso = "\(event.date)T\(time)\(sign)\(String(format: "%02d:%02d", abs(offset) / 60, abs(offset) % 60))"
        let name = event.timezone ?? siteTimeZone
        let label = (event.approximate ? "About " : "") + "\(text(event.date)), \(clock) \(abbreviation(name, zone, at: instant))"
        return DateView(iso: iso, label: label, approximate: event.approximate)
    }

    /// "PST", "EDT"; "UTC" for UTC, which Foundation on Linux would call "GMT". (`TimeZone.abbreviation`
    /// gives "GMT-8" on Linux, hence the formatter, made once per zone.)
    static func abbreviation(_ name: String, _ zone: TimeZone, at instant: Date) -> String {
        if ["UTC", "Etc/UTC", "Etc/UCT", "UCT", "Zulu", "Etc/Zulu", "Universal", "Etc/Universal"].contains(name) { return "UTC" }
        return formatters.withLock { cache in
            let formatter = cache[name] ?? {
                let made = DateFormatter()
                made.locale = Locale(identifier: "en_US")
                made.timeZone = zone
                made.dateFormat = "zzz"
                cache[name] = made
                return made
            }()
            return formatter.string(from: instant)
        }
    }

    private static let formatters = LockedCache<[String: DateFormatter]>([:])
}

/// A date ready for `<time datetime="{{iso}}">{{label}}</time>`.
public struct DateView: Hashable, Sendable, Encodable {
    public let iso: String
    public let label: String
    public let approximate: Bool
}
