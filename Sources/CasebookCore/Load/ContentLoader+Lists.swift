import Foundation
import Yams

/// Loading of the kinds kept as YAML lists: timeline events and quotes.
extension ContentLoader {
    /// The file's items with their digests for `ContentShape`, from `bytes` when they were read already; in a build
    /// process, from the pieces the last one loaded when the file still has the `stamp` it had then.
    func loadList<Item: Sendable & ShapedItem>(_ path: String, bytes: Data?, stamp: FileStamp? = nil, what: String,
                                               _ diagnostics: inout DiagnosticList,
                                               item load: @escaping @Sendable (FieldReader, inout DiagnosticList) -> Item?)
        -> (items: [Item], shapes: [ContentShape.Item]) {
        if let stamp, let entries = memory?.unchangedList(path, stamp: stamp), entries.allSatisfy({ $0.items is [Item] }) {
            return Self.joined(entries, &diagnostics)
        }
        // Read once: a small file, not cut into pieces, is decoded from the same bytes.
        guard let file = bytes ?? readBytes(path, &diagnostics) else { return ([], []) }
        if let pieces = YAMLListPieces.pieces(of: file, pieceSize: pieceSize) {
            // A big file's pieces are parsed and their items read on all cores, gathered back in order; a piece
            // loaded by an earlier build of this process, unchanged, is reused.
            let loaded = pieces.parallelMap { piece -> (LoadMemory.Key?, LoadMemory.Entry)? in
                let key = memory.map { _ in LoadMemory.Key(path: path, piece: piece) }
                if let key, let entry = memory?.entry(key), entry.items is [Item] { return (key, entry) }
                guard let nodes = YAMLListPieces.items(of: piece) else { return nil }
                var found = DiagnosticList()
                let items = nodes.compactMap { loadItem($0, lineOffset: piece.lineOffset, path: path, what: what, &found, load) }
                let entry = LoadMemory.Entry(items: items, diagnostics: found, shapes: ContentShape.items(items))
                if let key { memory?.store(key, entry) }
                return (key, entry)
            }
            let entries = loaded.compactMap { $0 }
            if entries.count == pieces.count {
                if let stamp { memory?.storeList(path, stamp: stamp, pieces: entries.compactMap(\.0)) }
                return Self.joined(entries.map(\.1), &diagnostics)
            }
        }
        guard let text = decodeText(file, path, &diagnostics) else { return ([], []) }
        guard case .success(let root) = YAMLDocument.parse(text, path: path).reportingFailure(into: &diagnostics) else { return ([], []) }
        guard let root else {
            diagnostics.warning("empty file: expected a list of \(what)s", at: SourceLocation(file: path))
            return ([], [])
        }
        guard case .sequence(let nodes) = root else {
            diagnostics.error("expected a list of \(what)s (each starting with '- id: ...'), found \(root.kindName)",
                              at: root.location(in: path, lineOffset: 0))
            return ([], [])
        }
        let items = nodes.compactMap { loadItem($0, lineOffset: 0, path: path, what: what, &diagnostics, load) }
        return (items, ContentShape.items(items))
    }

    /// The items of a list file's pieces in order with their digests, their diagnostics added to `diagnostics`. The
    /// list is sized once: grown piece by piece, the 10,000 events of a big timeline were moved a dozen times.
    private static func joined<Item>(_ entries: [LoadMemory.Entry], _ diagnostics: inout DiagnosticList)
        -> (items: [Item], shapes: [ContentShape.Item]) {
        let lists = entries.map { entry -> [Item] in
            diagnostics.append(contentsOf: entry.diagnostics)
            return entry.items as? [Item] ?? []
        }
        var items: [Item] = [], shapes: [ContentShape.Item] = []
        items.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        shapes.reserveCapacity(entries.reduce(0) { $0 + $1.shapes.count })
        for list in lists { items += list }
        for entry in entries { shapes += entry.shapes }
        return (items, shapes)
    }

    private func loadItem<Item>(_ node: Node, lineOffset: Int, path: String, what: String, _ diagnostics: inout DiagnosticList,
                                _ load: (FieldReader, inout DiagnosticList) -> Item?) -> Item? {
        guard let fields = FieldReader(node, path: path, lineOffset: lineOffset, what: "each \(what)",
                                       fallback: node.location(in: path, lineOffset: lineOffset), diagnostics: &diagnostics)
        else { return nil }
        defer { fields.report(into: &diagnostics) }
        return load(fields, &diagnostics)
    }

    /// The `id` field of a list item, checked to be a safe slug.
    func itemID(_ fields: FieldReader) -> (id: String, location: SourceLocation)? {
        guard let node = fields.node("id", required: true), let id = fields.string("id") else { return nil }
        guard Slug.isValid(id) else {
            fields.error(IDRule.invalidMessage(id, what: "id"), at: fields.at(node))
            return nil
        }
        return (id, fields.at(node))
    }

    static let eventFields = ["id", "date", "time", "timezone", "approximate", "title", "case", "cases", "parties",
                              "sources", "summary", "disputed", "tags", "draft"]

    func loadEvent(_ fields: FieldReader, _ diagnostics: inout DiagnosticList) -> TimelineEvent? {
        fields.warnAboutUnknownFields(known: Self.eventFields)
        let id = itemID(fields)
        let date = fields.date("date", required: true)
        let title = fields.markdown("title", required: true)
        var time: TimeOfDay?
        if let node = fields.node("time"), let text = fields.string("time") {
            time = TimeOfDay(text)
            if time == nil { fields.error("invalid time '\(text)' (expected HH:MM on the 24-hour clock, e.g. \"18:07\")", at: fields.at(node)) }
        }
        let timezone = zone(fields)
        if timezone != nil, time == nil, fields.node("time") == nil, let node = fields.node("timezone") {
            fields.error("field 'timezone' needs a 'time'", at: fields.at(node))
        }
        let cases = fields.references("case") + fields.references("cases")
        let sources = citations(fields, extra: "locator")
        guard let id, let date, let title, !sources.isEmpty else { return nil }
        return TimelineEvent(
            id: id.id, location: id.location, date: date, time: time, timezone: timezone,
            approximate: fields.bool("approximate") ?? false, title: title, cases: cases,
            parties: fields.references("parties"), sources: sources, summary: fields.markdown("summary"),
            disputed: fields.markdown("disputed"), tags: fields.strings("tags"), draft: fields.bool("draft") ?? false)
    }

    static let quoteFields = ["id", "text", "speaker", "date", "case", "context", "mentions", "sources", "topics", "draft"]

    func loadQuote(_ fields: FieldReader, _ diagnostics: inout DiagnosticList) -> Quote? {
        fields.warnAboutUnknownFields(known: Self.quoteFields)
        let id = itemID(fields)
        let text = fields.string("text", required: true)
        let speaker = fields.reference("speaker", required: true)
        let date = fields.date("date", required: true)
        let sources = citations(fields, extra: "text")
        guard let id, let text, let speaker, let date, !sources.isEmpty else { return nil }
        return Quote(
            id: id.id, location: id.location, text: KeptText(text), speaker: speaker, date: date,
            legalCase: fields.reference("case"), context: fields.markdown("context"),
            mentions: fields.references("mentions"), sources: sources, topics: fields.strings("topics"),
            draft: fields.bool("draft") ?? false)
    }

    private func zone(_ fields: FieldReader) -> String? {
        guard let node = fields.node("timezone"), let name = fields.string("timezone") else { return nil }
        guard TimeZoneNames.isKnown(name) else {
            fields.error(TimeZoneNames.unknownMessage(name), at: fields.at(node))
            return nil
        }
        return name
    }

    /// The `sources` list: each item a source id, or a mapping `{source: id, <extra>: text}`. At least one is required.
    private func citations(_ fields: FieldReader, extra: String) -> [Citation] {
        guard let node = fields.node("sources") else {
            fields.error("missing required field 'sources': every item must cite at least one source", at: fields.location)
            return []
        }
        let items: [Node]
        switch node {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar: items = [node]
        default:
            fields.error("field 'sources' must be a list of source ids or {source: id, \(extra): text}", at: fields.at(node))
            return []
        }
        if items.isEmpty { fields.error("field 'sources' is empty: every item must cite at least one source", at: fields.at(node)) }
        var result: [Citation] = []
        for item in items {
            switch item {
            case .scalar(let scalar) where !item.isNull:
                result.append(Citation(source: Reference(scalar.string, at: fields.at(item))))
            case .mapping:
                var nested = DiagnosticList()
                guard let citation = FieldReader(item, path: fields.path, lineOffset: fields.lineOffset, what: "a citation",
                                                 fallback: fields.at(item), diagnostics: &nested) else { continue }
                citation.warnAboutUnknownFields(known: ["source", extra])
                if let source = citation.reference("source", required: true) {
                    let detail = citation.string(extra)
                    result.append(Citation(source: source, locator: extra == "locator" ? detail : nil,
                                           wording: extra == "text" ? detail : nil))
                }
                citation.report(into: &nested)
                for diagnostic in nested.items { fields.report(diagnostic) }
            default:
                fields.error("each source must be an id or {source: id, \(extra): text}, found \(item.kindName)", at: fields.at(item))
            }
        }
        return result
    }
}
