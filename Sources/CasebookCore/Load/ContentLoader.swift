import Foundation
import Yams

/// Reads a `Content/` folder into a `SiteContent`, collecting a located diagnostic for every problem
/// in a single field or file (cross-item problems such as unknown references are the Validate stage's).
public struct ContentLoader: Sendable {
    public let fileSystem: FileSystem
    /// The content folder as the user named it; diagnostics print paths under it.
    public let root: String
    /// Pieces of big list files loaded before, for a long-lived process.
    let memory: LoadMemory?
    /// List files larger than this are parsed in pieces of about this size.
    var pieceSize = YAMLListPieces.defaultPieceSize

    public init(fileSystem: FileSystem, root: String, memory: LoadMemory? = nil) {
        self.fileSystem = fileSystem
        self.root = root
        self.memory = memory
    }

    /// What one content file held; a list file's items with their digests for `ContentShape`.
    enum LoadedFile: Sendable {
        case legalCase(LegalCase?), party(Party?), source(Source?), page(Page?)
        case events([TimelineEvent], [ContentShape.Item]), quotes([Quote], [ContentShape.Item])
    }

    /// What a load gave: the content, its diagnostics, and its events' and quotes' digests for `ContentShape`, one
    /// for each item in order.
    struct Loaded {
        var content: SiteContent
        var diagnostics = DiagnosticList()
        var eventShapes: [ContentShape.Item] = []
        var quoteShapes: [ContentShape.Item] = []
    }

    public enum Failure: Error, Equatable {
        /// The content folder does not exist: a usage problem rather than a content one.
        case missingContentFolder(String)
    }

    public func load() throws(Failure) -> (SiteContent, DiagnosticList) {
        let loaded = try loadContent()
        return (loaded.content, loaded.diagnostics)
    }

    func loadContent() throws(Failure) -> Loaded {
        guard fileSystem.kind(at: root) == .directory else { throw .missingContentFolder(root) }
        var diagnostics = DiagnosticList()
        let config = loadConfig(&diagnostics)
        var loaded = Loaded(content: SiteContent(config: config))
        // Every file is read and parsed on whichever core is free; items and diagnostics are then gathered in file
        // order, so the result does not depend on timing. A large list file (a big tracker's timeline or quotes)
        // is left out of that and loaded afterwards with both cores on its pieces: nested in the file-by-file
        // loop, its pieces would all run on one core.
        var jobs: [@Sendable () -> (LoadedFile, DiagnosticList)] = []
        var large: [Int] = []
        // A file loaded before, by this process or the last build's, that has not changed since (by its stamp) is not
        // read again; a file whose bytes were loaded before is not parsed again: every file but a large list, whose
        // pieces are looked up instead (see `loadList`). The bytes read to look a file up are handed to its loader.
        func add(_ path: String, large isLarge: Bool = false, _ load: @escaping @Sendable (Data?, inout DiagnosticList) -> LoadedFile) {
            add(path, large: isLarge) { bytes, _, diagnostics in load(bytes, &diagnostics) }
        }
        // A large list's loader is handed the file's stamp too: a build process looks its pieces up by it.
        func add(_ path: String, large isLarge: Bool, _ load: @escaping @Sendable (Data?, FileStamp?, inout DiagnosticList) -> LoadedFile) {
            if isLarge { large.append(jobs.count) }
            jobs.append { [self] in
                let stamp = memory == nil ? nil : fileSystem.stamp(at: path)
                let wholeStamp = memory?.looksUpStamp(ofLargeList: isLarge) == true ? stamp : nil
                if let stamp = wholeStamp, let entry = memory?.unchangedFile(path, stamp: stamp), let loaded = entry.items as? LoadedFile {
                    return (loaded, entry.diagnostics)
                }
                let bytes = memory == nil || isLarge ? nil : try? fileSystem.readFile(at: path)
                let key = bytes.map { LoadMemory.Key(path: path, bytes: $0) }
                let result: (LoadedFile, DiagnosticList)
                if let key, let entry = memory?.entry(key), let loaded = entry.items as? LoadedFile {
                    result = (loaded, entry.diagnostics)
                } else {
                    var found = DiagnosticList()
                    result = (load(bytes, isLarge ? stamp : nil, &found), found)
                    if let key { memory?.store(key, LoadMemory.Entry(items: result.0, diagnostics: result.1)) }
                }
                if let stamp = wholeStamp { memory?.storeFile(path, stamp: stamp, key: key, LoadMemory.Entry(items: result.0, diagnostics: result.1)) }
                return result
            }
        }
        // By the stamp's size where there is one: reading an 11 MB timeline only to count it took 5 ms.
        func isLarge(_ path: String) -> Bool {
            let size = fileSystem.stamp(at: path).map { Int($0.size) } ?? (try? fileSystem.readFile(at: path).count)
            return (size ?? 0) > pieceSize
        }
        for path in files(in: "cases", extensions: ["md"], &diagnostics) { add(path) { .legalCase(loadCase(path, bytes: $0, &$1)) } }
        for path in files(in: "parties", extensions: ["md"], &diagnostics) { add(path) { .party(loadParty(path, bytes: $0, &$1)) } }
        for path in files(in: "sources", extensions: ["md"], &diagnostics) { add(path) { .source(loadSource(path, bytes: $0, &$1)) } }
        for path in files(in: "pages", extensions: ["md"], &diagnostics) { add(path) { .page(loadPage(path, bytes: $0, &$1)) } }
        for path in files(in: "timeline", extensions: ["yml", "yaml"], recursive: true, &diagnostics) {
            add(path, large: isLarge(path)) {
                let list = loadList(path, bytes: $0, stamp: $1, what: "event", &$2, item: loadEvent)
                return .events(list.items, list.shapes)
            }
        }
        for path in files(in: "quotes", extensions: ["yml", "yaml"], recursive: true, &diagnostics) {
            add(path, large: isLarge(path)) {
                let list = loadList(path, bytes: $0, stamp: $1, what: "quote", &$2, item: loadQuote)
                return .quotes(list.items, list.shapes)
            }
        }
        var results = [(LoadedFile, DiagnosticList)?](repeating: nil, count: jobs.count)
        let small = jobs.indices.filter { !large.contains($0) }
        for (index, result) in zip(small, small.map { jobs[$0] }.parallelMap { $0() }) { results[index] = result }
        for index in large { results[index] = jobs[index]() }
        memory?.finishLoad()
        for case let (file, found)? in results {
            diagnostics.append(contentsOf: found)
            switch file {
            case .legalCase(let item): loaded.content.cases += item.map { [$0] } ?? []
            case .party(let item): loaded.content.parties += item.map { [$0] } ?? []
            case .source(let item): loaded.content.sources += item.map { [$0] } ?? []
            case .page(let item): loaded.content.pages += item.map { [$0] } ?? []
            // Assigned when first: appending copied every item of a big tracker's single timeline file.
            case .events(let items, let shapes):
                if loaded.content.events.isEmpty { loaded.content.events = items } else { loaded.content.events += items }
                loaded.eventShapes += shapes
            case .quotes(let items, let shapes):
                if loaded.content.quotes.isEmpty { loaded.content.quotes = items } else { loaded.content.quotes += items }
                loaded.quoteShapes += shapes
            }
        }
        loaded.diagnostics = diagnostics
        return loaded
    }

    static let configFields = ["title", "description", "base_url", "language", "timezone", "unsafe_html", "nav", "paginate_by"]

    private func loadConfig(_ diagnostics: inout DiagnosticList) -> SiteConfig {
        let path = root + "/site.yml"
        var config = SiteConfig(title: "Untitled")
        guard let text = readText(path, &diagnostics) else { return config }
        guard case .success(let node) = YAMLDocument.parse(text, path: path).reportingFailure(into: &diagnostics),
              let fields = FieldReader(node, path: path, lineOffset: 0, what: "the site settings",
                                       fallback: SourceLocation(file: path, line: 1, column: 1), diagnostics: &diagnostics)
        else { return config }
        config.title = fields.string("title", required: true) ?? config.title
        config.description = fields.string("description")
        config.baseURL = fields.string("base_url") ?? "/"
        config.language = fields.string("language") ?? "en"
        if let zone = fields.node("timezone"), let name = fields.string("timezone") {
            if TimeZoneNames.isKnown(name) { config.timezone = name } else {
                diagnostics.error(TimeZoneNames.unknownMessage(name), at: fields.at(zone))
            }
        }
        config.unsafeHTML = fields.bool("unsafe_html") ?? false
        if let node = fields.node("paginate_by"), let size = fields.int("paginate_by") {
            if size >= 0 { config.paginateBy = size } else {
                diagnostics.error("field 'paginate_by' must be 0 (one page) or a number of items per page", at: fields.at(node))
            }
        }
        if let nav = fields.node("nav") {
            if case .sequence(let items) = nav {
                for item in items {
                    guard let link = FieldReader(item, path: path, lineOffset: 0, what: "a navigation entry",
                                                 fallback: fields.at(nav), diagnostics: &diagnostics) else { continue }
                    if let title = link.string("title", required: true), let url = link.string("url", required: true) {
                        if ExternalURL.isAllowed(url) || (url.hasPrefix("/") && !url.hasPrefix("//")) {
                            config.nav.append(.init(title: title, url: ExternalURL.normalized(url)))
                        } else if let node = link.node("url") {
                            link.error("navigation url must be site-relative ('/about/') or an http(s) address", at: link.at(node))
                        }
                    }
                    link.warnAboutUnknownFields(known: ["title", "url"])
                    link.report(into: &diagnostics)
                }
            } else {
                diagnostics.error("field 'nav' must be a list of {title, url}", at: fields.at(nav))
            }
        }
        fields.warnAboutUnknownFields(known: Self.configFields)
        fields.report(into: &diagnostics)
        return config
    }

    /// Content files of one kind, sorted by path; other files there are reported, as they are probably misnamed.
    func files(in folder: String, extensions: Set<String>, recursive: Bool = false,
               _ diagnostics: inout DiagnosticList) -> [String] {
        let directory = root + "/" + folder
        guard let entries = fileSystem.directoryEntries(at: directory) else { return [] }
        var result: [String] = []
        for entry in entries where !entry.name.hasPrefix(".") {
            let name = entry.name, path = directory + "/" + name
            switch entry.kind {
            case .file?:
                let ext = name.lastIndex(of: ".").map { name[name.index(after: $0)...].lowercased() } ?? ""
                if extensions.contains(ext) {
                    result.append(path)
                } else {
                    let expected = extensions.sorted().map { ".\($0)" }.joined(separator: " or ")
                    diagnostics.warning("ignored file: content files in \(folder)/ end in \(expected)",
                                        at: SourceLocation(file: path))
                }
            case .directory? where recursive:
                let nested = ContentLoader(fileSystem: fileSystem, root: directory)
                result += nested.files(in: name, extensions: extensions, recursive: true, &diagnostics)
            case .directory?:
                diagnostics.warning("ignored folder: \(folder)/ holds one file per item", at: SourceLocation(file: path))
            case .brokenOrEscapingLink?:
                diagnostics.error("symbolic link points outside the content folder or nowhere; it is not followed",
                                  at: SourceLocation(file: path))
            case nil:
                diagnostics.warning("ignored: not a regular file", at: SourceLocation(file: path))
            }
        }
        return result
    }

    func readText(_ path: String, _ diagnostics: inout DiagnosticList) -> String? {
        readBytes(path, &diagnostics).flatMap { decodeText($0, path, &diagnostics) }
    }

    func readBytes(_ path: String, _ diagnostics: inout DiagnosticList) -> Data? {
        do {
            return try fileSystem.readFile(at: path)
        } catch {
            diagnostics.error("cannot read file: \(error.localizedDescription)", at: SourceLocation(file: path))
            return nil
        }
    }

    /// The file's bytes as text (see `TextFile`), or nil with the reason noted.
    func decodeText(_ data: Data, _ path: String, _ diagnostics: inout DiagnosticList) -> String? {
        switch TextFile.decode(data, path: path) {
        case .success(let file): return file.text
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    /// The item id a Markdown file's name gives, checked to be a safe slug.
    func fileID(_ path: String, _ diagnostics: inout DiagnosticList) -> String? {
        let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        guard Slug.isValid(id) else {
            diagnostics.error(IDRule.invalidMessage(id, what: "file name"), at: SourceLocation(file: path))
            return nil
        }
        return id
    }
}

extension Result where Failure == Diagnostic {
    func reportingFailure(into diagnostics: inout DiagnosticList) -> Self {
        if case .failure(let diagnostic) = self { diagnostics.append(diagnostic) }
        return self
    }
}
