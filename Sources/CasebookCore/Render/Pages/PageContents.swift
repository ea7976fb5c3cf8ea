/// The page-specific data each template receives under `content`.
public enum PageContents {
    public struct Home: Sendable {
        public struct Speaker: Sendable {
            public let party: Chip
            public let kindLabel: String
            public let countLabel: String
        }

        public let introHTML: String?
        public let cases: [CaseView]
        public let latestEvents: [EventView]
        public let topSpeakers: [Speaker]
        public let stats: [Stat]
    }

    public struct Stat: Sendable {
        public let value: Int
        public let label: String
        public let url: String
    }

    public struct Filter: Sendable {
        public let id: String
        public let label: String
        public let url: String
        public let countLabel: String
    }

    public struct Timeline: Sendable {
        public let countLabel: String
        public let years: [TimelineYear]
        public let caseFilters: [Filter]
        public let partyFilters: [Filter]
    }

    public struct Event: Sendable {
        public struct Neighbours: Sendable {
            public let legalCase: Chip
            public let previous: Chip?
            public let next: Chip?
        }

        public let event: EventView
        public let card: String
        public let neighbours: [Neighbours]
    }

    public struct Cases: Sendable {
        public let cases: [CaseView]
    }

    public struct Case: Sendable {
        public let legalCase: CaseView
        public let months: [TimelineMonth]
        public let quotes: [String]
    }

    public struct Parties: Sendable {
        public struct Group: Sendable {
            public let label: String
            public let anchor: String
            public let parties: [PartyView]
        }

        public let groups: [Group]
    }

    public struct Party: Sendable {
        public struct CaseRole: Sendable {
            public let legalCase: Chip
            public let role: String
        }

        public let party: PartyView
        public let cases: [CaseRole]
        public let months: [TimelineMonth]
        public let eventCountLabel: String
        public let quotesBy: [String]
        public let quotesAbout: [String]
    }

    public struct Quotes: Sendable {
        public struct Speaker: Sendable {
            public let party: Chip
            public let anchor: String
            public let countLabel: String
            public let quotes: [String]
        }

        public let countLabel: String
        public let speakers: [Speaker]
        public let topics: [Filter]
    }

    public struct Quote: Sendable {
        public let quote: QuoteView
        public let card: String
    }

    public struct Topics: Sendable {
        public let topics: [Filter]
    }

    public struct Topic: Sendable {
        public let label: String
        public let countLabel: String
        public let quotes: [String]
    }

    public struct Sources: Sendable {
        public let sources: [SourceView]
    }

    public struct Source: Sendable {
        public struct Item: Sendable {
            public let label: String
            public let labelHTML: String
            public let url: String
            public let date: DateView
            public let detail: String?
        }

        public let source: SourceView
        public let events: [Item]
        public let quotes: [Item]
    }

    public struct Search: Sendable {
        public let indexURL: String
        public let scriptURL: String
    }

    public struct FreePage: Sendable {
        public let title: String
        public let html: String
    }
}
