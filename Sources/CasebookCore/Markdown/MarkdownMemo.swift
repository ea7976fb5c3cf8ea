/// Rendered Markdown by digest of its text and heading level, kept between builds: in `.casebook-cache/` for
/// `casebook build`, in memory for `casebook serve`. A save changes one or two texts, but every build rendered
/// the Markdown of all events, quotes and pages again, a tenth of a rebuild of a big tracker. Valid only for one
/// set of renderer settings (base path, raw HTML) and one binary; each build keeps the texts it used.
public final class MarkdownMemo: @unchecked Sendable {
    let settings: String
    private let file: String?
    private let header: String
    /// Entries as `MarkdownRecord` text, decoded when used.
    private var previous: [PageDigest: String]
    private let current = LockedCache<[PageDigest: String]>([:])
    private let rendered = LockedCache(0)

    /// A memo that lives as long as the object: for a process that builds many times.
    init(settings: String) {
        self.settings = settings
        file = nil
        header = ""
        previous = [:]
    }

    /// The memo saved beside `output` under `folder`; a file written for other settings or by another binary
    /// is an empty memo.
    init(settings: String, folder: String, output: String, ignoringPrevious: Bool = false) {
        self.settings = settings
        let file = folder + "/markdown-" + RenderCache.outputKey(output) + ".bin"
        self.file = file
        header = "casebook-markdown-cache 1\nbinary \(RenderCache.binaryIdentity())\nsettings \(settings)\n"
        previous = ignoringPrevious ? [:] : DigestKeyedFile.read(file, header: header)
    }

    func value(text: String, level: Int, render: () -> RenderedMarkdown) -> RenderedMarkdown {
        var state = DigestState()
        state.add(UInt64(bitPattern: Int64(level)))
        state.add(text)
        let key = state.digest
        if let stored = previous[key] ?? current.withLock({ $0[key] }), let known = MarkdownRecord.decode(stored) {
            current.withLock { $0[key] = stored }
            return known
        }
        let value = render()
        rendered.withLock { $0 += 1 }
        current.withLock { $0[key] = MarkdownRecord.encode(value) }
        return value
    }

    /// Texts rendered (not found) since the last `finishBuild`.
    var renderedCount: Int { rendered.withLock { $0 } }

    /// This build's texts become the ones the next build looks up; saved when the memo has a file and any text
    /// was rendered or dropped.
    func finishBuild() {
        let texts = current.withLock { texts in
            defer { texts = [:] }
            return texts
        }
        let changed = rendered.withLock { count in
            defer { count = 0 }
            return count
        } > 0 || texts.count != previous.count
        // A memo with a file serves one build per process: once saved, its texts are let go.
        previous = file == nil ? texts : [:]
        if let file, changed { DigestKeyedFile.write(texts, header: header, to: file) }
    }
}
