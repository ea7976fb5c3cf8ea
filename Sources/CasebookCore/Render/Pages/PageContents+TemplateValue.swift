// Field lookup for the view models, which templates read many thousands of times per build. Keep each switch in
// step with its struct's fields; the golden tests fail when one is missing.

extension PageContents.Home: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
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

extension PageContents.Home.Speaker: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "party": return party
        case "kindLabel": return kindLabel
        case "countLabel": return countLabel
        default: return nil
        }
    }
}

extension PageContents.Stat: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "value": return value
        case "label": return label
        case "url": return url
        default: return nil
        }
    }
}

extension PageContents.Filter: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "id": return id
        case "label": return label
        case "url": return url
        case "countLabel": return countLabel
        default: return nil
        }
    }
}

extension PageContents.Timeline: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "countLabel": return countLabel
        case "years": return years
        case "filters": return filters
        case "pager": return pager
        default: return nil
        }
    }
}

extension PageContents.Event: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "event": return event.view
        case "single": return single
        case "timelineURL": return timelineURL
        case "neighbours": return neighbours
        default: return nil
        }
    }
}

extension PageContents.Event.Neighbour: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "label": return label
        case "url": return url
        case "date": return date
        default: return nil
        }
    }
}

extension PageContents.Event.Neighbours: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "legalCase": return legalCase
        case "previous": return previous
        case "next": return next
        default: return nil
        }
    }
}

extension PageContents.Cases: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "groups": return groups
        default: return nil
        }
    }
}

extension PageContents.Cases.Group: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "label": return label
        case "anchor": return anchor
        case "countLabel": return countLabel
        case "cases": return cases
        default: return nil
        }
    }
}

extension PageContents.Case: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "legalCase": return legalCase
        case "months": return months
        case "filters": return filters
        case "quotes": return quotes
        default: return nil
        }
    }
}

extension PageContents.Parties: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "lede": return lede
        case "groups": return groups
        default: return nil
        }
    }
}

extension PageContents.Parties.Group: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "label": return label
        case "anchor": return anchor
        case "countLabel": return countLabel
        case "parties": return parties
        default: return nil
        }
    }
}

extension PageContents.Party: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
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

extension PageContents.Party.CaseRole: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "legalCase": return legalCase
        case "status": return status
        case "statusLabel": return statusLabel
        case "role": return role
        default: return nil
        }
    }
}

extension PageContents.Quotes: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "lede": return lede
        case "speakers": return speakers
        case "topics": return topics
        case "pager": return pager
        default: return nil
        }
    }
}

extension PageContents.Quotes.Speaker: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
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

extension PageContents.Quote: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
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

extension PageContents.Topics: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "lede": return lede
        case "topics": return topics
        default: return nil
        }
    }
}

extension PageContents.Topic: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "label": return label
        case "countLabel": return countLabel
        case "quotes": return quotes
        case "pager": return pager
        default: return nil
        }
    }
}

extension PageContents.Sources: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "lede": return lede
        case "groups": return groups
        default: return nil
        }
    }
}

extension PageContents.Sources.Group: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "label": return label
        case "anchor": return anchor
        case "countLabel": return countLabel
        case "sources": return sources
        default: return nil
        }
    }
}

extension PageContents.Source: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
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

extension PageContents.Search: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "indexURL": return indexURL
        case "scriptURL": return scriptURL
        default: return nil
        }
    }
}

extension PageContents.FreePage: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "title": return title
        case "html": return html
        default: return nil
        }
    }
}

extension FilterPanel: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "scope": return scope
        case "groups": return groups
        case "status": return status
        default: return nil
        }
    }
}

extension FilterPanel.Filter: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
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

extension FilterPanel.Group: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "id": return id
        case "label": return label
        case "filters": return filters
        default: return nil
        }
    }
}

extension TimelineYear: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "year": return year
        case "anchor": return anchor
        case "months": return months
        default: return nil
        }
    }
}

extension TimelineMonth: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
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

extension PageContext: TemplateValue where Content: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "layout": return layout
        case "content": return content
        default: return nil
        }
    }
}
