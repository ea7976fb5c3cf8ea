import Foundation

extension BuildPipeline {
    /// Where rendered files go: into memory (`write: false`), or straight into the staging folder of the new
    /// output, batch by batch, so that a big site is never held in memory whole.
    struct Output {
        private(set) var kept: [OutputFile] = []
        private(set) var staged: SiteWriter.StagedSite?
        private let writes: WriteQueue?
        private let inspection: SiteInspection?
        /// Page digests of the last build: from the output's record for writing builds with a cache folder, in
        /// memory for a long-lived process's builds.
        let cache: RenderCache?
        private let cardsRead: Pending<CardCache?>
        /// The card cache: a long-lived process's, or the one on disk, read when the build needs it.
        var cards: CardCache? { cardsRead.value }
        /// Where the records of the output and spare trees are kept, and the output's record when it matches the
        /// output: after the swap, that tree is the spare.
        private let trees: TreeRecordFile?
        private let outputRecord: TreeRecord?
        /// The records file's parts, when `outputRecord` was read from it (see `TreeRecordFile.save`).
        private let treeFileParts: TreeRecordFile.Parts?
        /// A long-lived process's memory (`casebook serve`, `casebook build --watch`), and what it is to keep of this
        /// build should it succeed.
        let memory: BuildMemory?
        var lastBuild: LastBuild?
        /// Where a writing build with a cache folder keeps its page ledger, the ledger of the build that wrote the
        /// current output (when it still describes it), and what to save of this build's should it succeed.
        let ledgerFile: LedgerFile?
        let previousLedger: LedgerFile.Stored?
        /// The jobs of `previousLedger` whose files were found lost while the content loaded, and whether the spare's
        /// record was taken to hold its files then (see `CacheFiles.filesLost`).
        let filesLost: (jobs: [Int], keptInSpare: Bool)?
        var ledgerToSave: (inputs: PageDigest, shape: Pending<ContentShape>, ledger: PageLedger, places: Pending<PlacedItems?>)?
        /// Where each record lies in the spliced data files this build made or kept, for the ledger.
        let splicedLayouts = SplicedFile.Layouts()
        let options: BuildOptions
        /// Where a writing build keeps rendered Markdown, once the renderer settings are known.
        private let cacheFolder: String?
        private let output: String
        private let ignoreCache: Bool
        private var markdown: MarkdownMemo?
        private let markdownRead: Pending<MarkdownMemo?>?
        private(set) var failure: SiteWriter.Failure?
        /// Time the build waited for pages to be written (they are written while the next ones render).
        var writeSeconds: Double { writes?.waitSeconds ?? 0 }

        /// What a writing build with a cache folder reads of the builds before it: the records of the output and spare
        /// trees and the page ledger. Read on another core from the start of the build, while the content loads:
        /// on the main thread they took 30 ms of a rebuild after a prose edit at N=10,000.
        struct CacheFiles: Sendable {
            let trees: TreeRecordFile.Stored?
            let ledger: LedgerFile.Stored?
            /// Whether the spare tree matched its record, checked folder by folder on that core once the records were
            /// read: the content's loading leaves it a third idle, and the check was 25 ms of a rebuild's critical path.
            let spareMatches: Bool
            /// The ledger's jobs whose files neither the spare (when it matches) nor the output holds as the ledger
            /// lists them (`jobsWithFilesLost`), when the ledger describes the output: found on that core too, while
            /// the graph is made on one core (they were 5 ms of the render stage's start, on both).
            let filesLost: [Int]?

            static func reading(_ options: BuildOptions) -> Pending<CacheFiles>? {
                guard options.write, let folder = options.cacheFolder, !options.ignoreCache else { return nil }
                // A long-lived process patches its last build from memory instead of by the ledger, and keeps the
                // trees' records it swapped in.
                let readsLedger = options.memory?.lastBuild == nil, readsTrees = options.memory?.outputTrees == nil
                guard readsLedger || readsTrees else { return nil }
                return Pending {
                    options.memory?.waitForSaves()
                    // A long-lived process keeps the output's record as the spare's after the swap, folders and all.
                    let trees = readsTrees ? TreeRecordFile(folder: folder, output: options.output).read(outputFolders: options.memory != nil) : nil
                    let spare = SiteWriter(output: options.output).spare
                    let ledger = readsLedger ? LedgerFile(folder: folder, output: options.output).read() : nil
                    let spareMatches = trees?.spare.map { SiteWriter.isCasebookTree(spare) && $0.describes(spare) } ?? false
                    var lost: [Int]?
                    if let ledger, let output = trees?.output, ledger.stamp == output.stamp, output.isStamped(on: options.output) {
                        let cache = RenderCache(output: options.output, previous: output.files)
                        lost = BuildPipeline.jobsWithFilesLost(ledger.ledger, besides: [], cache, spare: spareMatches ? trees?.spare : nil)
                    }
                    return CacheFiles(trees: trees, ledger: ledger, spareMatches: spareMatches, filesLost: lost)
                }
            }
        }

        init(_ options: BuildOptions, markdownMemo: Pending<MarkdownMemo?>? = nil, cacheFiles: Pending<CacheFiles>? = nil) throws(BuildResult.Failure) {
            self.options = options
            markdownRead = markdownMemo
            cacheFolder = options.write ? options.cacheFolder : nil
            output = options.output
            ignoreCache = options.ignoreCache
            inspection = options.write ? nil : options.inspection
            guard options.write else {
                memory = options.memory
                cache = options.memory?.renderCache()
                let cards = options.memory?.cards
                cardsRead = .whenAsked { cards }
                writes = nil
                trees = nil
                outputRecord = nil
                treeFileParts = nil
                ledgerFile = nil
                previousLedger = nil
                filesLost = nil
                return
            }
            memory = options.memory
            let ledgerFile = options.cacheFolder.map { LedgerFile(folder: $0, output: options.output) }
            self.ledgerFile = ledgerFile
            let read = (cacheFiles ?? CacheFiles.reading(options))?.value
            trees = options.cacheFolder.map { TreeRecordFile(folder: $0, output: options.output) }
            let kept = options.memory?.outputTrees
            let records = kept.map { (output: Optional($0.output), spare: $0.spare) } ?? read?.trees.map { (output: $0.output, spare: $0.spare) }
            let writer = SiteWriter(output: options.output)
            let outputRecord = records?.output.flatMap { $0.isStamped(on: writer.output) ? $0 : nil }
            self.outputRecord = outputRecord
            treeFileParts = kept == nil && outputRecord != nil ? read?.trees?.parts : nil
            // What this process swapped in and no one changed since is as recorded.
            let watch = kept == nil ? nil : options.memory?.treeWatch
            let outputUnchanged = outputRecord != nil && watch?.isUnchanged(writer.output) == true
            cache = trees.map { _ in RenderCache(output: writer.output, previous: outputRecord?.files ?? [:], stamp: outputRecord?.stamp,
                                                               unchanged: outputUnchanged) }
            let previousLedger = read?.ledger.flatMap { $0.stamp == outputRecord?.stamp ? $0 : nil }
            self.previousLedger = previousLedger
            filesLost = kept == nil && previousLedger != nil ? read?.filesLost.map { ($0, read?.spareMatches == true) } : nil
            // The card cache (50 MB at N=10,000) is read on another core while the spare is checked against its
            // record; when the ledger may spare most pages, only if the build turns out to need it.
            let readCards: @Sendable () -> CardCache? = {
                options.memory?.cards ?? options.cacheFolder.map { CardCache(folder: $0, output: options.output, ignoringPrevious: options.ignoreCache) }
            }
            cardsRead = previousLedger == nil ? Pending(readCards) : .whenAsked(readCards)
            let begun: Result<SiteWriter.StagedSite, SiteWriter.Failure>
            let spareUnchanged = watch?.isUnchanged(writer.spare) == true || read?.spareMatches == true
            do { begun = .success(try writer.begin(spareRecord: records?.spare, unchanged: spareUnchanged)) } catch { begun = .failure(error) }
            switch begun {
            case .success(let site): staged = site
            case .failure(let error): throw .io(error.description)
            }
            writes = staged.map { WriteQueue($0) }
        }

        mutating func add(_ files: [OutputFile]) {
            guard let writes else {
                if let inspection { inspection.add(files) } else { kept += files }
                return
            }
            writes.add(files)
        }

        /// Writes data files kept or spliced from a build before, noting where their records lie for the ledger: on all
        /// cores once what was handed to `add` is written, as they are a few large files with nothing left to render
        /// meanwhile (the downloads spliced after a prose edit, 40 MB at N=10,000).
        mutating func add(_ data: DataFiles) {
            data.spliced.forEach { splicedLayouts.keep($0) }
            let files = data.files
            guard let staged, writes != nil else { return add(files) }
            waitForWrites()
            guard failure == nil else { return }
            do throws(SiteWriter.Failure) { try staged.add(files) } catch { failure = error }
        }

        /// Removes the staging folder unless it was swapped in, once the writer has stopped writing into it.
        mutating func discard() {
            waitForWrites()
            staged?.discard()
        }

        /// Waits until every file handed to `add` is on disk, and notes the first failure.
        mutating func waitForWrites() {
            if let writes, let error = writes.finish(), failure == nil { failure = error }
        }

        /// Swaps the staged site in; a no-op for in-memory builds.
        mutating func commit() throws(BuildResult.Failure) {
            waitForWrites()
            if let failure { throw .io(failure.description) }
            guard let staged else { return }
            self.staged = nil
            let stamp = cache?.stamp
            memory?.waitForSaves()
            ledgerFile?.remove()
            do {
                if let stamp, let trees {
                    guard let record = try staged.commitRecording(stamp: stamp) else { return }
                    memory?.rememberTrees(BuildMemory.OutputTrees(output: record, spare: outputRecord), output: staged.writer.output,
                                          spare: staged.writer.spare, staged: staged.footprint)
                    let save = saving(record, changes: staged.changesFromKnown, into: trees)
                    if let memory { memory.saveLater(save) } else { save() }
                } else {
                    try staged.commit(stamp: stamp)
                }
            } catch {
                throw .io(error.description)
            }
        }

        /// Keeps this build's ledger to save should the build succeed, with its content's `shape` and what `graph`, made
        /// from `content`, held at each place (taken when saved).
        mutating func keepLedger(inputs: PageDigest, shape: Pending<ContentShape>, _ ledger: PageLedger, graph: SiteGraph,
                                 content: SiteContent) {
            let drafts = options.drafts
            ledgerToSave = (inputs, shape, ledger, .whenAsked { PlacedItems(graph, content: content, shape: shape.value, drafts: drafts) })
        }

        /// Saves the record of the tree just swapped in as `record` (the old output's as the spare's) and the page
        /// ledger, for the next build. A long-lived process, which keeps both in memory for its own next build, leaves
        /// this to another thread (it took 25 ms of a rebuild at N=10,000) and the ledger's content shape with it.
        private func saving(_ record: TreeRecord, changes: TreeRecord.Changes?, into trees: TreeRecordFile) -> @Sendable () -> Void {
            let spare = outputRecord, parts = treeFileParts, ledgerFile = ledgerFile, saved = ledgerToSave
            let layouts = ledgerFile != nil && saved != nil ? layoutsToSave() : []
            // The two files on two cores: one after the other, they were the last 30 ms of a one-shot rebuild.
            return {
                DispatchQueue.concurrentPerform(iterations: 2) { file in
                    if file == 0 {
                        trees.save(output: record, spare: spare, read: parts, changes: changes)
                    } else if let ledgerFile, let saved {
                        ledgerFile.save(LedgerFile.Stored(stamp: record.stamp, inputs: saved.inputs, shape: saved.shape.value,
                                                          ledger: saved.ledger, data: layouts, places: saved.places.value))
                    }
                }
            }
        }

        /// The layouts of the spliced data files in the output just swapped in: those this build made or spliced, and
        /// the last ledger's for those it found unchanged by digest (a layout is checked against the file's bytes before
        /// it is used).
        private func layoutsToSave() -> [SplicedFile.Layout] {
            var layouts = splicedLayouts.all
            for layout in previousLedger?.data ?? [] where layouts[layout.path] == nil {
                if let cache, cache.madeSame(layout.path) { layouts[layout.path] = layout }
            }
            return layouts.values.sorted { $0.path < $1.path }
        }

        /// The Markdown memo a writing build keeps on disk (30 MB at N=10,000), read on another core from when the
        /// renderer settings are known while the graph is made; unless the output has a ledger: the build is then
        /// likely one after a prose edit, which makes a few views and looks up only their Markdown (see `DigestIndex`),
        /// and the memo is mapped when the views are made.
        static func readMarkdownMemo(_ options: BuildOptions, settings: String) -> Pending<MarkdownMemo?>? {
            guard options.write, options.memory == nil, let folder = options.cacheFolder else { return nil }
            let read: @Sendable () -> MarkdownMemo? = {
                MarkdownMemo(settings: settings, folder: folder, output: options.output, ignoringPrevious: options.ignoreCache)
            }
            return access(LedgerFile(folder: folder, output: options.output).path, F_OK) == 0 ? .whenAsked(read) : Pending(read)
        }

        /// The Markdown memo for these renderer settings: the long-lived process's, or one kept on disk.
        mutating func markdownMemo(settings: String) -> MarkdownMemo? {
            markdown = memory?.markdownMemo(settings: settings)
                ?? markdownRead?.value.flatMap { $0.settings == settings ? $0 : nil }
                ?? cacheFolder.map { MarkdownMemo(settings: settings, folder: $0, output: output, ignoringPrevious: ignoreCache) }
            return markdown
        }

        /// Markdown and cards are saved (in a long-lived process, kept) as soon as they are used: they are pure
        /// functions of their digests, so a later failure does not make them wrong, and a writing build then lets
        /// them go instead of holding them through the data files, where they raised the memory peak.
        mutating func markdownUsed(keepingUnused: Bool = false) {
            markdown?.finishBuild(keepingUnused: keepingUnused)
            markdown = nil
        }

        /// Called only by a build that asked for the cards (`cards`): one that did not would find none used and
        /// empty the cache. `keepingUnused`: the build printed only some of them.
        func cardsUsed(keepingUnused: Bool = false) {
            cards?.finishBuild(keepingUnused: keepingUnused)
        }

        /// After a successful build of a long-lived process: its pages are the ones the next build compares with.
        func finish() {
            if let memory, let cache { memory.remember(cache, build: lastBuild) }
        }
    }
}
