/// Event and quote card HTML by digest of the card's view, template and template set, kept between builds:
/// in `.casebook-cache/` for `casebook build`, in memory for `casebook serve`. Rendering all 20,000 cards of a
/// big tracker was a fifth of a rebuild's work although a save changes one or two of them.
/// A card is a pure function of what its digest covers, so an entry is valid for as long as the binary is the
/// same; each build keeps only the cards it used.
public final class CardCache: @unchecked Sendable {
    private let file: String?
    private let binary: String
    private var previous: [PageDigest: String]
    private let current = LockedCache<[PageDigest: String]>([:])
    private let rendered = LockedCache(0)

    /// A cache that lives as long as the object: for a process that builds many times.
    public init() {
        file = nil
        binary = RenderCache.binaryIdentity()
        previous = [:]
    }

    /// The cache saved beside `output` under `folder`; an unreadable or foreign file is an empty cache.
    public init(folder: String, output: String, ignoringPrevious: Bool = false) {
        let file = folder + "/cards-" + RenderCache.outputKey(output) + ".bin"
        self.file = file
        binary = RenderCache.binaryIdentity()
        previous = ignoringPrevious ? [:] : DigestKeyedFile.read(file, header: Self.header(binary))
    }

    /// The card's HTML: from the cache when its digest is known, else from `render`.
    func html<View: Encodable>(_ template: String, templates: TemplateSet, view: View, render: () -> String) -> String {
        let digest = PageDigest.of(template: template, templates: templates.digest, context: view)
        if let html = previous[digest] ?? current.withLock({ $0[digest] }) {
            current.withLock { $0[digest] = html }
            return html
        }
        let html = render()
        rendered.withLock { $0 += 1 }
        current.withLock { $0[digest] = html }
        return html
    }

    /// Cards rendered (not found in the cache) since the last `finishBuild`.
    var renderedCount: Int { rendered.withLock { $0 } }

    /// Makes this build's cards the ones the next build looks up, and saves them when the cache has a file and
    /// any card was rendered or dropped. A cache that cannot be written only makes the next build slower.
    func finishBuild() {
        let cards = current.withLock { cards in
            defer { cards = [:] }
            return cards
        }
        let changed = rendered.withLock { count in
            defer { count = 0 }
            return count
        } > 0 || cards.count != previous.count
        // A cache with a file serves one build per process: once saved, its cards are let go.
        previous = file == nil ? cards : [:]
        guard let file, changed else { return }
        DigestKeyedFile.write(cards, header: Self.header(binary), to: file)
    }

    private static func header(_ binary: String) -> String {
        "casebook-card-cache 1\nbinary \(binary)\n"
    }
}
