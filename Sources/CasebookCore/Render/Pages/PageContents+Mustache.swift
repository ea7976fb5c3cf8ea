import Mustache

// Direct field lookup for the view models, which templates read many thousands of times per build: without it
// swift-mustache reflects each value with Mirror on every lookup, about four times slower. Keep each switch in
// step with its struct's fields; the golden tests fail when one is missing.

extension PageContents.Home: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "cases": return cases
        case "latestMonths": return latestMonths
        case "topSpeakers": return topSpeakers
        case "topics": return topics
        case "stats": return stats
        default: return nil
        }
    }
}

extension PageContents.Home.Speaker: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "party": return party
        case "kindLabel": return kindLabel
        case "countLabel": return countLabel
        default: return nil
        }
    }
}

extension PageContents.Stat: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "value": return value
        case "label": return label
        case "url": return url
        default: return nil
        }
    }
}

extension PageContents.Filter: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "id": return id
        case "label": return label
        case "url": return url
        case "countLabel": return countLabel
        default: return nil
        }
    }
}

extension PageContents.Timeline: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "countLabel": return countLabel
        case "years": return years
        case "filters": return filters
        case "pager": return pager
        default: return nil
        }
    }
}

extension PageContents.Event: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "event": return event.view
        case "single": return single
        case "timelineURL": return timelineURL
        case "neighbours": return neighbours
        default: return nil
        }
    }
}

extension PageContents.Event.Neighbour: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "label": return label
        case "url": return url
        case "date": return date
        default: return nil
        }
    }
}

extension PageContents.Event.Neighbours: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "legalCase": return legalCase
        case "previous": return previous
        case "next": return next
        default: return nil
        }
    }
}

extension PageContents.Cases: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "groups": return groups
        default: return nil
        }
    }
}

extension PageContents.Cases.Group: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "label": return label
        case "anchor": return anchor
        case "countLabel": return countLabel
        case "cases": return cases
        default: return nil
        }
    }
}

extension PageContents.Case: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "legalCase": return legalCase
        case "months": return months
        case "filters": return filters
        case "quotes": return quotes
        default: return nil
        }
    }
}

extension PageContents.Parties: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "lede": return lede
        case "groups": return groups
        default: return nil
        }
    }
}

extension PageContents.Parties.Group: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "label": return label
        case "anchor": return anchor
        case "countLabel": return countLabel
        case "parties": return parties
        default: return nil
        }
    }
}

extension PageContents.Party: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "party": return party
        case "cases": return cases
        case "months": return months
        case "filters": return filters
        case "eventCountLabel": return eventCountLabel
        case "quotesBy": return quotesBy
        case "quotesByLabel": return quotesByLabel
        case "quotesAbout": return quotesAbout
        case "quotesAboutLabel": return quotesAboutLabel
        default: return nil
        }
    }
}

extension PageContents.Party.CaseRole: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "legalCase": return legalCase
        case "status": return status
        case "statusLabel": return statusLabel
        case "role": return role
        default: return nil
        }
    }
}

extension PageContents.Quotes: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "lede": return lede
        case "speakers": return speakers
        case "topics": return topics
        case "pager": return pager
        default: return nil
        }
    }
}

extension PageContents.Quotes.Speaker: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "party": return party
        case "role": return role
        case "anchor": return anchor
        case "countLabel": return countLabel
        case "quotes": return quotes
        default: return nil
        }
    }
}

extension PageContents.Quote: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "quote": return quote.view
        case "large": return large
        case "more": return more
        case "moreLabel": return moreLabel
        case "allByLabel": return allByLabel
        default: return nil
        }
    }
}

extension PageContents.Topics: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "lede": return lede
        case "topics": return topics
        default: return nil
        }
    }
}

extension PageContents.Topic: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "label": return label
        case "countLabel": return countLabel
        case "quotes": return quotes
        case "pager": return pager
        default: return nil
        }
    }
}

extension PageContents.Sources: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "lede": return lede
        case "groups": return groups
        default: return nil
        }
    }
}

extension PageContents.Sources.Group: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "label": return label
        case "anchor": return anchor
        case "countLabel": return countLabel
        case "sources": return sources
        default: return nil
        }
    }
}

extension PageContents.Source: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "source": return source
        case "months": return months
        case "eventCountLabel": return eventCountLabel
        case "quotes": return quotes
        case "quoteCountLabel": return quoteCountLabel
        default: return nil
        }
    }
}

extension PageContents.Search: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "indexURL": return indexURL
        case "scriptURL": return scriptURL
        default: return nil
        }
    }
}

extension PageContents.FreePage: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "title": return title
        case "html": return html
        default: return nil
        }
    }
}

extension FilterPanel: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "scope": return scope
        case "groups": return groups
        case "status": return status
        default: return nil
        }
    }
}

extension FilterPanel.Filter: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "key": return key
        case "id": return id
        case "label": return label
        case "url": return url
        case "count": return count
        case "noun": return noun
        default: return nil
        }
    }
}

extension FilterPanel.Group: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "id": return id
        case "label": return label
        case "filters": return filters
        default: return nil
        }
    }
}

extension TimelineYear: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "year": return year
        case "anchor": return anchor
        case "months": return months
        default: return nil
        }
    }
}

extension TimelineMonth: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "label": return label
        case "fullLabel": return fullLabel
        case "anchor": return anchor
        case "datetime": return datetime
        case "cards": return cards
        default: return nil
        }
    }
}

extension PageContext: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "layout": return layout
        case "content": return content
        default: return nil
        }
    }
}
