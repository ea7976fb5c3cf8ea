/// The loaded items of a list or document file in `BinaryWriter`'s format, field by field. Keep each pair in step with its
/// struct: `LoadCacheFileTests` round-trips values with every field set and fails when one is left out.
extension BinaryWriter {
    mutating func write(_ location: SourceLocation) {
        write(file: location.file)
        write(location.line)
        write(location.column)
    }

    mutating func write(_ reference: Reference) {
        write(reference.id)
        write(reference.location)
    }

    mutating func write(_ markdown: MarkdownSource) {
        writeText(of: markdown)
        write(markdown.location)
    }

    mutating func write(_ date: PartialDate) {
        write(date.year)
        write(date.month) { $0.write($1) }
        write(date.day) { $0.write($1) }
    }

    mutating func write(_ citation: Citation) {
        write(citation.source)
        write(citation.locator) { $0.write($1) }
        write(citation.wording) { $0.write($1) }
    }

    mutating func write(_ event: TimelineEvent) {
        write(event.id)
        write(event.location)
        write(event.date)
        write(event.time) { writer, time in
            writer.write(time.hour)
            writer.write(time.minute)
        }
        write(event.timezone) { $0.write($1) }
        write(event.approximate)
        write(event.title)
        write(event.cases) { $0.write($1) }
        write(event.parties) { $0.write($1) }
        write(event.sources) { $0.write($1) }
        write(event.summary) { $0.write($1) }
        write(event.disputed) { $0.write($1) }
        write(event.tags) { $0.write($1) }
        write(event.draft)
    }

    mutating func write(_ quote: Quote) {
        write(quote.id)
        write(quote.location)
        write(kept: quote.quoted)
        write(quote.speaker)
        write(quote.date)
        write(quote.legalCase) { $0.write($1) }
        write(quote.context) { $0.write($1) }
        write(quote.mentions) { $0.write($1) }
        write(quote.sources) { $0.write($1) }
        write(quote.topics) { $0.write($1) }
        write(quote.draft)
    }

    mutating func write(_ legalCase: LegalCase) {
        write(legalCase.id)
        write(legalCase.location)
        write(legalCase.title)
        write(legalCase.shortTitle) { $0.write($1) }
        write(legalCase.court) { $0.write($1) }
        write(legalCase.docket) { $0.write($1) }
        write(legalCase.filed) { $0.write($1) }
        write(legalCase.closed) { $0.write($1) }
        write(legalCase.status.rawValue)
        write(legalCase.roles) { writer, role in
            writer.write(role.name)
            writer.write(role.parties) { $0.write($1) }
        }
        write(legalCase.claims) { $0.write($1) }
        write(legalCase.sources) { $0.write($1) }
        write(legalCase.body)
        write(legalCase.draft)
    }

    mutating func write(_ party: Party) {
        write(party.id)
        write(party.location)
        write(party.name)
        write(party.kind.rawValue)
        write(party.aliases) { $0.write($1) }
        write(party.affiliation) { $0.write($1) }
        write(party.role) { $0.write($1) }
        write(party.sources) { $0.write($1) }
        write(party.body)
        write(party.draft)
    }

    mutating func write(_ source: Source) {
        write(source.id)
        write(source.location)
        write(source.title)
        write(source.publisher)
        write(source.authors) { $0.write($1) }
        write(source.published)
        write(source.updated) { $0.write($1) }
        write(source.url) { $0.write($1) }
        write(source.kind.rawValue)
        write(source.body)
        write(source.draft)
    }

    mutating func write(_ page: Page) {
        write(page.id)
        write(page.location)
        write(page.title)
        write(page.navOrder) { $0.write($1) }
        write(page.body)
        write(page.draft)
    }

    mutating func write(_ diagnostic: Diagnostic) {
        write(diagnostic.severity.rawValue)
        write(diagnostic.message)
        write(diagnostic.location) { $0.write($1) }
    }
}

extension BinaryReader {
    mutating func location() throws(Damaged) -> SourceLocation {
        SourceLocation(file: try file(), line: try int(), column: try int())
    }

    mutating func reference() throws(Damaged) -> Reference {
        Reference(try string(), at: try location())
    }

    mutating func markdown() throws(Damaged) -> MarkdownSource {
        if let bytes = try keptString() { return MarkdownSource(utf8: bytes, at: try location()) }
        return MarkdownSource(try string(), at: try location())
    }

    /// A string kept as the bytes it was written as, when the reader was given them with their buffer.
    mutating func keptText() throws(Damaged) -> KeptText {
        if let bytes = try keptString() { return KeptText(utf8: bytes) }
        return KeptText(try string())
    }

    mutating func date() throws(Damaged) -> PartialDate {
        PartialDate(year: try int(), month: try optional { r throws(Damaged) in try r.int() },
                    day: try optional { r throws(Damaged) in try r.int() })
    }

    mutating func citation() throws(Damaged) -> Citation {
        Citation(source: try reference(), locator: try optional { r throws(Damaged) in try r.string() },
                 wording: try optional { r throws(Damaged) in try r.string() })
    }

    mutating func event() throws(Damaged) -> TimelineEvent {
        TimelineEvent(
            id: try string(), location: try location(), date: try date(),
            time: try optional { r throws(Damaged) in TimeOfDay(hour: try r.int(), minute: try r.int()) },
            timezone: try optional { r throws(Damaged) in try r.string() }, approximate: try bool(),
            title: try markdown(), cases: try list { r throws(Damaged) in try r.reference() },
            parties: try list { r throws(Damaged) in try r.reference() },
            sources: try list { r throws(Damaged) in try r.citation() },
            summary: try optional { r throws(Damaged) in try r.markdown() },
            disputed: try optional { r throws(Damaged) in try r.markdown() },
            tags: try list { r throws(Damaged) in try r.string() }, draft: try bool())
    }

    mutating func quote() throws(Damaged) -> Quote {
        Quote(
            id: try string(), location: try location(), text: try keptText(), speaker: try reference(), date: try date(),
            legalCase: try optional { r throws(Damaged) in try r.reference() },
            context: try optional { r throws(Damaged) in try r.markdown() },
            mentions: try list { r throws(Damaged) in try r.reference() },
            sources: try list { r throws(Damaged) in try r.citation() },
            topics: try list { r throws(Damaged) in try r.string() }, draft: try bool())
    }

    mutating func legalCase() throws(Damaged) -> LegalCase {
        let id = try string(), location = try location(), title = try string()
        let shortTitle = try optional { r throws(Damaged) in try r.string() }, court = try optional { r throws(Damaged) in try r.string() }
        let docket = try optional { r throws(Damaged) in try r.string() }
        let filed = try optional { r throws(Damaged) in try r.date() }, closed = try optional { r throws(Damaged) in try r.date() }
        guard let status = LegalCase.Status(rawValue: try string()) else { throw Damaged() }
        return LegalCase(
            id: id, location: location, title: title, shortTitle: shortTitle, court: court, docket: docket, filed: filed,
            closed: closed, status: status,
            roles: try list { r throws(Damaged) in
                LegalCase.Role(name: try r.string(), parties: try r.list { r throws(Damaged) in try r.reference() })
            },
            claims: try list { r throws(Damaged) in try r.string() }, sources: try list { r throws(Damaged) in try r.reference() },
            body: try markdown(), draft: try bool())
    }

    mutating func party() throws(Damaged) -> Party {
        let id = try string(), location = try location(), name = try string()
        guard let kind = Party.Kind(rawValue: try string()) else { throw Damaged() }
        return Party(id: id, location: location, name: name, kind: kind, aliases: try list { r throws(Damaged) in try r.string() },
                     affiliation: try optional { r throws(Damaged) in try r.reference() },
                     role: try optional { r throws(Damaged) in try r.string() },
                     sources: try list { r throws(Damaged) in try r.reference() }, body: try markdown(), draft: try bool())
    }

    mutating func source() throws(Damaged) -> Source {
        let id = try string(), location = try location(), title = try string(), publisher = try string()
        let authors = try list { r throws(Damaged) in try r.string() }, published = try date()
        let updated = try optional { r throws(Damaged) in try r.date() }, url = try optional { r throws(Damaged) in try r.string() }
        guard let kind = Source.Kind(rawValue: try string()) else { throw Damaged() }
        return Source(id: id, location: location, title: title, publisher: publisher, authors: authors, published: published,
                      updated: updated, url: url, kind: kind, body: try markdown(), draft: try bool())
    }

    mutating func page() throws(Damaged) -> Page {
        Page(id: try string(), location: try location(), title: try string(), navOrder: try optional { r throws(Damaged) in try r.int() },
             body: try markdown(), draft: try bool())
    }

    mutating func diagnostic() throws(Damaged) -> Diagnostic {
        guard let severity = Diagnostic.Severity(rawValue: try string()) else { throw Damaged() }
        return Diagnostic(severity, try string(), at: try optional { r throws(Damaged) in try r.location() })
    }
}
