/// The downloads' records written as `PrettyJSON`, each object's keys in sorted order (`JSONEncoder`'s
/// `.sortedKeys`) and nil fields left out, as their synthesized `Encodable` conformances give them.
/// `DataExportTests` compares every record kind, with all optional fields set and with none, to `JSONEncoder`.
extension DataRecords {
    /// A download: an object with one key holding the records, one piece per record.
    static func json(_ path: String, _ key: String, _ records: [some JSONRecord]) -> SplicedFile {
        var json = PrettyJSON(capacity: records.count * 1_024)
        var starts: [Int] = []
        starts.reserveCapacity(records.count + 1)
        json.object { json in
            json.key(key)
            json.list { json in
                for record in records {
                    starts.append(json.bytes.count)
                    json.nextItem()
                    record.write(to: &json)
                }
                starts.append(json.bytes.count)
            }
        }
        return SplicedFile(path: path, bytes: json.bytes + [0x0A], starts: starts)
    }

    /// One record's piece of such a file: what the list writes for it, after the first record or as the first.
    static func jsonPiece(_ record: some JSONRecord, first: Bool) -> [UInt8] {
        var json = PrettyJSON(depth: recordDepth, empty: first)
        json.nextItem()
        record.write(to: &json)
        return json.bytes
    }

    /// How deep a download's records lie: in the list of the file's one object.
    private static let recordDepth = 2
}

/// A record that writes itself as one JSON value.
protocol JSONRecord {
    func write(to json: inout PrettyJSON)
}

extension DataRecords.CitationRecord: JSONRecord {
    func write(to json: inout PrettyJSON) {
        guard citation.locator != nil || citation.wording != nil else {
            json.value(citation.source.id)
            return
        }
        json.object { json in
            json.field("locator", citation.locator)
            json.field("source", citation.source.id)
            json.field("text", citation.wording)
        }
    }
}

extension DataRecords.Event: JSONRecord {
    func write(to json: inout PrettyJSON) {
        json.object { json in
            json.field("approximate", approximate)
            json.field("cases", cases)
            json.field("date", date)
            json.field("disputed", disputed)
            json.field("id", id)
            json.field("parties", parties)
            json.records("sources", sources)
            json.field("summary", summary)
            json.field("tags", tags)
            json.field("time", time)
            json.field("timezone", timezone)
            json.field("title", title)
            json.field("url", url)
        }
    }
}

extension DataRecords.Quote: JSONRecord {
    func write(to json: inout PrettyJSON) {
        json.object { json in
            json.field("case", self.case)
            json.field("context", context)
            json.field("date", date)
            json.field("id", id)
            json.field("mentions", mentions)
            json.records("sources", sources)
            json.field("speaker", speaker)
            json.field("text", text)
            json.field("topics", topics)
            json.field("url", url)
            json.records("variants", variants)
        }
    }
}

extension DataRecords.Quote.Variant: JSONRecord {
    func write(to json: inout PrettyJSON) {
        json.object { json in
            json.field("source", source)
            json.field("text", text)
        }
    }
}

extension DataRecords.Party: JSONRecord {
    func write(to json: inout PrettyJSON) {
        json.object { json in
            json.field("affiliation", affiliation)
            json.field("aliases", aliases)
            json.field("biography", biography)
            json.field("id", id)
            json.field("kind", kind)
            json.field("name", name)
            json.field("role", role)
            json.field("sources", sources)
            json.field("url", url)
        }
    }
}

extension DataRecords.Source: JSONRecord {
    func write(to json: inout PrettyJSON) {
        json.object { json in
            json.field("authors", authors)
            json.field("id", id)
            json.field("kind", kind)
            json.field("notes", notes)
            json.field("published", published)
            json.field("publisher", publisher)
            json.field("source_url", source_url)
            json.field("title", title)
            json.field("updated", updated)
            json.field("url", url)
        }
    }
}

extension DataRecords.Case: JSONRecord {
    func write(to json: inout PrettyJSON) {
        json.object { json in
            json.field("claims", claims)
            json.field("closed", closed)
            json.field("court", court)
            json.field("description", description)
            json.field("docket", docket)
            json.field("filed", filed)
            json.field("id", id)
            json.key("parties")
            // Roles are already sorted and unique (`PartiesByRole`).
            json.object { json in
                for role in parties.roles { json.field(role.name, role.parties) }
            }
            json.field("short_title", short_title)
            json.field("sources", sources)
            json.field("status", status)
            json.field("title", title)
            json.field("url", url)
        }
    }
}

extension PrettyJSON {
    /// A field holding a list of records.
    mutating func records(_ name: String, _ records: [some JSONRecord]) {
        key(name)
        list { json in
            for record in records {
                json.nextItem()
                record.write(to: &json)
            }
        }
    }
}
