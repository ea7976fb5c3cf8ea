/// Events grouped by year and month for timeline sections, carrying each event's card HTML.
public struct TimelineYear: Sendable, Encodable {
    public let year: String
    public let anchor: String
    public let months: [TimelineMonth]
}

public struct TimelineMonth: Sendable, Encodable {
    /// "January", or "Month unknown" for events dated only to the year.
    public let label: String
    /// "January 2021", for sections that show months without a year heading.
    public let fullLabel: String
    public let anchor: String
    /// For `<time datetime>`: "2021-01", or "2021" for the events known only to the year.
    public let datetime: String
    public let cards: [Card]
}

enum TimelineGroups {
    /// Groups events (given as indexes into the graph's ordered events) by year, then month.
    static func years(_ indexes: [Int], events: ChunkedList<TimelineEvent>, cards: ItemList<Card>) -> [TimelineYear] {
        var years: [TimelineYear] = []
        var byYear: [(year: Int, months: [(month: Int?, cards: [Card])])] = []
        for index in indexes {
            let date = events.withElement(at: index) { $0.pointee.date }
            if byYear.last?.year != date.year { byYear.append((date.year, [])) }
            let lastYear = byYear.count - 1
            if byYear[lastYear].months.isEmpty || byYear[lastYear].months.last?.month != date.month {
                byYear[lastYear].months.append((date.month, []))
            }
            byYear[lastYear].months[byYear[lastYear].months.count - 1].cards.append(cards[index])
        }
        for (year, months) in byYear {
            let monthViews = months.map { month, cards -> TimelineMonth in
                let name = month.map { PartialDate.monthNames[$0 - 1] }
                return TimelineMonth(
                    label: name ?? "Month unknown", fullLabel: name.map { "\($0) \(year)" } ?? "\(year), month unknown",
                    anchor: month.map { PartialDate(year: year, month: $0, day: nil).description } ?? "\(year)-undated",
                    datetime: PartialDate(year: year, month: month, day: nil).description, cards: cards)
            }
            years.append(TimelineYear(year: String(year), anchor: "y\(year)", months: monthViews))
        }
        return years
    }

    static func months(_ indexes: [Int], events: ChunkedList<TimelineEvent>, cards: ItemList<Card>) -> [TimelineMonth] {
        years(indexes, events: events, cards: cards).flatMap(\.months)
    }
}
