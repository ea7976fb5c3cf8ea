import Foundation

/// `timeline.ics`: the events dated to a day, as iCalendar (RFC 5545): all-day events where there is no time,
/// local times with `TZID` (and a `VTIMEZONE` describing the zone's offsets) where there is.
struct CalendarFile {
    let graph: SiteGraph
    let views: ViewCatalog

    /// The calendar with one piece per event of the graph (empty for an event not dated to a day).
    func file() -> SplicedFile {
        var bytes = head(), starts: [Int] = []
        starts.reserveCapacity(graph.events.count + 1)
        for index in graph.events.indices {
            starts.append(bytes.count)
            bytes += piece(event: index)
        }
        starts.append(bytes.count)
        bytes += written(["END:VCALENDAR"]).utf8
        return SplicedFile(path: "timeline.ics", bytes: bytes, starts: starts)
    }

    /// What comes before the events: the calendar's name and the time zones of the years its timed events are in.
    func head() -> [UInt8] {
        let product = "-//Casebook//\(graph.config.title)//EN"
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(text(product))", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:\(text(graph.config.title))"]
        var zones: [String: Set<Int>] = [:]
        for event in graph.events where event.time != nil && event.date.day != nil {
            zones[event.timezone ?? graph.config.timezone, default: []].insert(event.date.year)
        }
        for (name, years) in zones.sorted(by: { $0.key < $1.key }) {
            lines += timeZoneLines(name, years: years)
        }
        return Array(written(lines).utf8)
    }

    /// The piece of `file()` for the event at `index` in the graph.
    func piece(event index: Int) -> [UInt8] {
        let event = graph.events[index], view = views.events[index]
        guard let month = event.date.month, let day = event.date.day else { return [] }
        let date = PartialDate.padded(event.date.year, 4) + PartialDate.padded(month, 2) + PartialDate.padded(day, 2)
        var lines = ["BEGIN:VEVENT", "UID:\(event.id)@\(uidDomain)", "DTSTAMP:\(date)T000000Z"]
        if let time = event.time {
            let zone = event.timezone ?? graph.config.timezone
            lines.append("DTSTART;TZID=\(zone):\(date)T\(PartialDate.padded(time.hour, 2))\(PartialDate.padded(time.minute, 2))00")
        } else {
            lines.append("DTSTART;VALUE=DATE:\(date)")
        }
        lines += ["SUMMARY:\(text(view.titleText))", "DESCRIPTION:\(text(view.excerpt))"]
        // URL must be absolute, which needs the site's host.
        if graph.urls.origin != nil { lines.append("URL:\(graph.urls.absolute(.event(event.id)))") }
        lines.append("END:VEVENT")
        return Array(written(lines).utf8)
    }

    /// Lines as the file holds them: folded, each ended by CRLF.
    private func written(_ lines: [String]) -> String {
        lines.map { fold($0) + "\r\n" }.joined()
    }

    private var uidDomain: String {
        graph.urls.origin.map { String($0.split(separator: "/").last ?? "casebook") } ?? "casebook"
    }

    /// A VTIMEZONE with one block per offset change in the years used, or a fixed offset when there is none.
    func timeZoneLines(_ name: String, years: Set<Int>) -> [String] {
        guard let zone = TimeZone(identifier: name), let first = years.min(), let last = years.max() else { return [] }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? zone
        // Start a year early so the observance in force on the first event's day is included.
        guard let start = calendar.date(from: DateComponents(year: first - 1, month: 1, day: 1)),
              let end = calendar.date(from: DateComponents(year: last + 1, month: 1, day: 1)) else { return [] }
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(name)"]
        var moment = start
        var blocks = 0
        while let transition = zone.nextDaylightSavingTimeTransition(after: moment), transition < end {
            let before = zone.secondsFromGMT(for: transition.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: transition)
            let kind = zone.isDaylightSavingTime(for: transition) ? "DAYLIGHT" : "STANDARD"
            let local = transition.addingTimeInterval(TimeInterval(before))
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: local)
            lines += ["BEGIN:\(kind)",
                      String(format: "DTSTART:%04d%02d%02dT%02d%02d%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                             parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0),
                      "TZOFFSETFROM:\(offset(before))", "TZOFFSETTO:\(offset(after))", "END:\(kind)"]
            moment = transition
            blocks += 1
        }
        if blocks == 0 {
            let fixed = offset(zone.secondsFromGMT(for: start))
            lines += ["BEGIN:STANDARD", String(format: "DTSTART:%04d0101T000000", first),
                      "TZOFFSETFROM:\(fixed)", "TZOFFSETTO:\(fixed)", "END:STANDARD"]
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    func offset(_ seconds: Int) -> String {
        String(format: "%@%02d%02d", seconds < 0 ? "-" : "+", abs(seconds) / 3600, abs(seconds) % 3600 / 60)
    }

    /// TEXT values escape backslash, semicolon, comma and line breaks.
    func text(_ value: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 16)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","): bytes += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Lines longer than 75 octets continue on the next line after a space, never splitting a character (a
    /// grapheme: an accent stays with its letter). Walks the UTF-8 bytes and asks where characters begin only at
    /// a fold, rather than breaking the whole line into characters: that was most of the calendar's time.
    func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        let utf8 = line.utf8
        let bytes = Array(utf8)
        func offset(of index: String.Index) -> Int { utf8.distance(from: utf8.startIndex, to: index) }
        var folded: [UInt8] = []
        folded.reserveCapacity(bytes.count + bytes.count / 74 * 3)
        var copied = 0, position = 0, count = 0
        while position < bytes.count {
            let size = Self.scalarSize(leadByte: bytes[position])
            if count + size > 75 {
                // The character this scalar belongs to does not fit: fold before it, and put all of it on the next
                // line, even when it is longer than a line.
                var start = utf8.index(utf8.startIndex, offsetBy: position)
                while start.samePosition(in: line) == nil { start = line.unicodeScalars.index(before: start) }
                let first = offset(of: start)
                folded += bytes[copied..<first]
                folded += [0x0D, 0x0A, 0x20]
                copied = first
                position = offset(of: line.index(after: start))
                count = 1 + position - first
                continue
            }
            count += size
            position += size
        }
        folded += bytes[copied...]
        return String(decoding: folded, as: UTF8.self)
    }

    /// The length of a UTF-8 sequence from its first byte.
    private static func scalarSize(leadByte byte: UInt8) -> Int {
        switch byte {
        case 0..<0x80: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        default: return 4
        }
    }
}
