// Field lookup for the view models, which templates read many thousands of times per build. Keep each switch in
// step with its struct's fields; `ViewModelLookupTests` fails when one is missing.

extension CaseView: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "id": return id
        case "url": return url
        case "title": return title
        case "shortTitle": return shortTitle
        case "court": return court
        case "docket": return docket
        case "filed": return filed
        case "closed": return closed
        case "status": return status
        case "statusLabel": return statusLabel
        case "claims": return claims
        case "roles": return roles
        case "bodyHTML": return bodyHTML
        case "excerpt": return excerpt
        case "sources": return sources
        case "eventCount": return eventCount
        case "quoteCount": return quoteCount
        case "eventCountLabel": return eventCountLabel
        case "quoteCountLabel": return quoteCountLabel
        default: return nil
        }
    }
}

extension CaseView.RoleView: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "role": return role
        case "parties": return parties
        default: return nil
        }
    }
}

extension Chip: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "id": return id
        case "label": return label
        case "url": return url
        default: return nil
        }
    }
}

extension CitationView: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "number": return number
        case "sourceID": return sourceID
        case "sourceTitle": return sourceTitle
        case "publisher": return publisher
        case "published": return published
        case "url": return url
        case "externalURL": return externalURL
        case "locator": return locator
        default: return nil
        }
    }
}

extension EventView: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "id": return id
        case "url": return url
        case "titleHTML": return titleHTML
        case "titleText": return titleText
        case "date": return date
        case "approximate": return approximate
        case "cases": return cases
        case "parties": return parties
        case "summaryHTML": return summaryHTML
        case "disputedHTML": return disputedHTML
        case "citations": return citations
        case "citationsHTML": return citationsHTML
        case "tags": return tags
        case "dataCases": return dataCases
        case "dataParties": return dataParties
        case "excerpt": return excerpt
        default: return nil
        }
    }
}

extension LayoutView: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "documentTitle": return documentTitle
        case "description": return description
        case "pageTitle": return pageTitle
        case "openGraphType": return openGraphType
        case "jsonLD": return jsonLD
        case "canonicalURL": return canonicalURL
        case "breadcrumbs": return breadcrumbs
        case "pageKind": return pageKind
        default: return shared.view.field(key)
        }
    }
}

extension LayoutView.Shared: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "siteTitle": return siteTitle
        case "siteDescription": return siteDescription
        case "language": return language
        case "homeURL": return homeURL
        case "stylesheetURL": return stylesheetURL
        case "scriptURL": return scriptURL
        case "feedURL": return feedURL
        case "searchURL": return searchURL
        case "nav": return nav
        case "headerHTML": return headerHTML
        case "footerHTML": return footerHTML
        case "footerLinks": return footerLinks
        case "lastUpdated": return lastUpdated
        default: return nil
        }
    }
}

extension SiteChrome.View: TemplateValue {
    func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "siteTitle": return siteTitle
        case "siteDescription": return siteDescription
        case "language": return language
        case "homeURL": return homeURL
        case "searchURL": return searchURL
        case "feedURL": return feedURL
        case "nav": return nav
        case "footerLinks": return footerLinks
        case "lastUpdated": return lastUpdated
        default: return nil
        }
    }
}

extension LayoutView.NavItem: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "label": return label
        case "url": return url
        case "current": return current
        default: return nil
        }
    }
}

extension LayoutView.Crumb: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "label": return label
        case "url": return url
        default: return nil
        }
    }
}

extension LayoutView.DataLink: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "label": return label
        case "url": return url
        default: return nil
        }
    }
}

extension PartyView: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "id": return id
        case "url": return url
        case "name": return name
        case "kind": return kind
        case "kindLabel": return kindLabel
        case "aliases": return aliases
        case "aliasesLabel": return aliasesLabel
        case "role": return role
        case "affiliation": return affiliation
        case "bioHTML": return bioHTML
        case "excerpt": return excerpt
        case "sources": return sources
        case "eventCount": return eventCount
        case "quoteCount": return quoteCount
        case "quoteCountLabel": return quoteCountLabel
        case "countsLabel": return countsLabel
        default: return nil
        }
    }
}

extension QuoteView: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "id": return id
        case "url": return url
        case "text": return text
        case "speaker": return speaker
        case "speakerRole": return speakerRole
        case "date": return date
        case "contextHTML": return contextHTML
        case "legalCase": return legalCase
        case "mentions": return mentions
        case "topics": return topics
        case "citations": return citations
        case "citationsHTML": return citationsHTML
        case "variants": return variants
        case "variantsLabel": return variantsLabel
        case "dataCases": return dataCases
        case "dataParties": return dataParties
        default: return nil
        }
    }
}

extension QuoteView.Variant: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "number": return number
        case "sourceTitle": return sourceTitle
        case "url": return url
        case "text": return text
        case "diffHTML": return diffHTML
        default: return nil
        }
    }
}

extension SourceView: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "id": return id
        case "url": return url
        case "title": return title
        case "publisher": return publisher
        case "authors": return authors
        case "authorList": return authorList
        case "published": return published
        case "updated": return updated
        case "externalURL": return externalURL
        case "kind": return kind
        case "kindLabel": return kindLabel
        case "notesHTML": return notesHTML
        case "eventCount": return eventCount
        case "quoteCount": return quoteCount
        case "supportLabel": return supportLabel
        default: return nil
        }
    }
}

extension DateView: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "iso": return iso
        case "label": return label
        case "approximate": return approximate
        default: return nil
        }
    }
}
