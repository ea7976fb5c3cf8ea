/// Rendered Markdown by digest of its text and heading level, kept between builds: in `.casebook-cache/` for
/// `casebook build`, in memory for `casebook serve`. A save changes one or two texts, but every build rendered
/// the Markdown of all events, quotes and pages again, a tenth of a rebuild of a big tracker. Valid only for one
/// set of renderer settings (base path, raw HTML) and one binary.
public final class MarkdownMemo: Sendable {
    let settings: String
    /// Entries are `MarkdownRecord` text, decoded when used.
    private let entries: DigestCache

    /// A memo that lives as long as the object: for a process that builds many times.
    init(settings: String) {
        self.settings = settings
        entries = DigestCache()
    }

    /// The memo saved beside `output` under `folder`; a file written for other settings or by another binary
    /// is an empty memo.
    init(settings: String, folder: String, output: String, ignoringPrevious: Bool = false) {
        self.settings = settings
        entries = DigestCache(file: folder + "/markdown-" + RenderCache.outputKey(output) + ".bin",
                              header: "casebook-markdown-cache 2\nbinary \(RenderCache.binaryIdentity())\nsettings \(settings)\n",
                              ignoringPrevious: ignoringPrevious)
    }

    func value(text: String, level: Int, render: () -> RenderedMarkdown) -> RenderedMarkdown {
        var state = DigestState()
        state.add(UInt64(bitPattern: Int64(level)))
        state.add(text)
        let key = state.digest
        if let stored = entries.text(for: key), let known = MarkdownRecord.decode(stored) { return known }
        let value = render()
        entries.add(MarkdownRecord.encode(value), for: key)
        return value
    }

    /// Texts rendered (not found) since the last `finishBuild`.
    var renderedCount: Int { entries.addedCount }

    /// This build's texts become the ones the next build looks up (saved, when the memo has a file); with
    /// `keepingUnused`, those it did not look up stay too (a build that kept most views looks up few).
    func finishBuild(keepingUnused: Bool = false) {
        entries.finishBuild(keepingUnused: keepingUnused)
    }
}
