/// Rendered Markdown by source text, kept by a long-lived process (`casebook serve`) between builds: a save
/// changes one or two texts, but every build renders the Markdown of all events and quotes, a tenth of a
/// rebuild of a big tracker. Valid only for one set of renderer settings (base path, raw HTML); each build
/// keeps the texts it used.
public final class MarkdownMemo: @unchecked Sendable {
    struct Key: Hashable {
        let text: String
        /// The top heading level of a block, or 0 for inline Markdown.
        let level: Int
    }

    let settings: String
    private var previous: [Key: RenderedMarkdown] = [:]
    private let current = LockedCache<[Key: RenderedMarkdown]>([:])

    init(settings: String) {
        self.settings = settings
    }

    func value(_ key: Key, render: () -> RenderedMarkdown) -> RenderedMarkdown {
        if let known = previous[key] ?? current.withLock({ $0[key] }) {
            current.withLock { $0[key] = known }
            return known
        }
        let rendered = render()
        current.withLock { $0[key] = rendered }
        return rendered
    }

    /// This build's texts become the ones the next build looks up.
    func finishBuild() {
        previous = current.withLock { texts in
            defer { texts = [:] }
            return texts
        }
    }
}
