/// The page-specific data each template receives under `content`.
public enum PageContents {
    public struct Home: Sendable, Encodable {
        public struct Speaker: Sendable, Encodable {
            public let party: Chip
            public let kindLabel: String
            public let countLabel: String
        }

        public let cases: [CaseView]
        public let latestMonths: [TimelineMonth]
        public let topSpeakers: [Speaker]
        public let topics: [Chip]
        public let stats: [Stat]
    }

    public struct Stat: Sendable, Encodable {
        public let value: Int
        public let label: String
        public let url: String
    }

    public struct Filter: Sendable, Encodable {
        public let id: String
        public let label: String
        public let url: String
        public let countLabel: String
    }

    public struct Timeline: Sendable, Encodable {
        public let countLabel: String
        public let years: [TimelineYear]
        public let filters: FilterPanel?
        /// Links to the other pages when the timeline is longer than `paginate_by`.
        public let pager: Pager?
    }

    public struct Event: Sendable, Encodable {
        public struct Neighbour: Sendable, Encodable {
            public let label: String
            public let url: String
            public let date: DateView
        }

        public struct Neighbours: Sendable, Encodable {
            public let legalCase: Chip
            public let previous: Neighbour?
            public let next: Neighbour?
        }

        let event: KnownDigest<EventView>
        /// Read by the event-card partial: render the card as the page's single, h1-titled article.
        public let single = true
        public let timelineURL: String
        public let neighbours: [Neighbours]
    }

    public struct Cases: Sendable, Encodable {
        public struct Group: Sendable, Encodable {
            public let label: String
            public let anchor: String
            public let countLabel: String
            public let cases: [CaseView]
        }

        public let groups: [Group]
    }

    public struct Case: Sendable, Encodable {
        public let legalCase: CaseView
        public let months: [TimelineMonth]
        public let filters: FilterPanel?
        public let quotes: [Card]
    }

    public struct Parties: Sendable, Encodable {
        public struct Group: Sendable, Encodable {
            public let label: String
            public let anchor: String
            public let countLabel: String
            public let parties: [PartyView]
        }

        public let lede: String
        public let groups: [Group]
    }

    public struct Party: Sendable, Encodable {
        public struct CaseRole: Sendable, Encodable {
            public let legalCase: Chip
            public let status: String
            public let statusLabel: String
            public let role: String
        }

        public let party: PartyView
        public let cases: [CaseRole]
        public let months: [TimelineMonth]
        public let filters: FilterPanel?
        public let eventCountLabel: String
        public let quotesBy: [Card]
        public let quotesByLabel: String
        public let quotesAbout: [Card]
        public let quotesAboutLabel: String
    }

    public struct Quotes: Sendable, Encodable {
        public struct Speaker: Sendable, Encodable {
            public let party: Chip
            public let role: String?
            public let anchor: String
            public let countLabel: String
            public let quotes: [Card]
        }

        public let lede: String
        /// The speakers on this page, with their quotes on this page.
        public let speakers: [Speaker]
        public let topics: [Filter]
        public let pager: Pager?
    }

    public struct Quote: Sendable, Encodable {
        let quote: KnownDigest<QuoteView>
        /// Read by the quote-card partial: the page's own quote is shown large.
        public let large = true
        /// Up to five other quotes by the same speaker, the nearest in time.
        public let more: [Card]
        public let moreLabel: String
        /// "All 12 quotes by Parler", linking to the speaker's page, when there are more than shown.
        public let allByLabel: String?
    }

    public struct Topics: Sendable, Encodable {
        public let lede: String
        public let topics: [Filter]
    }

    public struct Topic: Sendable, Encodable {
        public let label: String
        public let countLabel: String
        /// The quotes on this page.
        public let quotes: [Card]
        public let pager: Pager?
    }

    public struct Sources: Sendable, Encodable {
        public struct Group: Sendable, Encodable {
            public let label: String
            public let anchor: String
            public let countLabel: String
            public let sources: [SourceView]
        }

        public let lede: String
        public let groups: [Group]
    }

    public struct Source: Sendable, Encodable {
        public let source: SourceView
        public let months: [TimelineMonth]
        public let eventCountLabel: String
        public let quotes: [Card]
        public let quoteCountLabel: String
    }

    public struct Search: Sendable, Encodable {
        public let indexURL: String
        public let scriptURL: String
    }

    public struct FreePage: Sendable, Encodable {
        public let title: String
        public let html: String
    }
}
