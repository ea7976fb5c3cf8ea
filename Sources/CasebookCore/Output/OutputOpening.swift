import Foundation

/// What a writing build opens before it renders: the records of the output and spare trees, the card cache and the
/// staging folder (the spare tree, checked against its record). None of it depends on the content, so it is opened
/// on another core while the content loads; at N=10,000 it was 0.15 s of a one-event rebuild spent waiting.
final class OutputOpening: @unchecked Sendable {
    struct Opened {
        /// Where the tree records are kept; nil without a cache folder.
        let trees: TreeRecordFile?
        /// The output's record, when the output still carries its stamp: after the swap, that tree is the spare.
        let outputRecord: TreeRecord?
        let cards: CardCache?
        let staged: Result<SiteWriter.StagedSite, SiteWriter.Failure>
    }

    private let options: BuildOptions
    private let group = DispatchGroup()
    private var opened: Opened?
    private var taken = false

    private init(_ options: BuildOptions) {
        self.options = options
        DispatchQueue.global().async(group: group) { [self] in
            opened = Self.open(options)
        }
    }

    /// Starts opening the output and caches `options` name; nil when the folder the output goes in does not exist
    /// yet, which only a build that gets as far as writing may create.
    static func start(_ options: BuildOptions) -> OutputOpening? {
        var isFolder: ObjCBool = false
        let parent = (OutputFolderPolicy.canonical(options.output) as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else { return nil }
        return OutputOpening(options)
    }

    /// What was opened, once it is; the caller then owns the staging folder.
    func take() -> Opened {
        group.wait()
        taken = true
        return opened ?? Self.open(options)
    }

    /// For a build that stops before it renders: the spare tree goes back where it was.
    func cancel() {
        group.wait()
        guard !taken, case .success(let staged)? = opened?.staged else { return }
        taken = true
        staged.discard()
    }

    /// Opens the output now, on this thread.
    static func open(_ options: BuildOptions) -> Opened {
        let trees = options.cacheFolder.map { TreeRecordFile(folder: $0, output: options.output) }
        let records = options.ignoreCache ? (output: nil, spare: nil) : trees?.read()
        let writer = SiteWriter(output: options.output)
        let cards = options.cacheFolder.map { CardCache(folder: $0, output: options.output, ignoringPrevious: options.ignoreCache) }
        let staged: Result<SiteWriter.StagedSite, SiteWriter.Failure>
        do { staged = .success(try writer.begin(spareRecord: records?.spare)) } catch { staged = .failure(error) }
        return Opened(trees: trees, outputRecord: records?.output.flatMap { $0.isStamped(on: writer.output) ? $0 : nil },
                      cards: cards, staged: staged)
    }
}
