/// A long-lived process's build after a prose edit (`ProseEdit`): its last build with the edited items' views (and
/// events' and quotes' cards) made again, only the pages that read them, and the edited records spliced into its data
/// files.
/// Every other page is reported unchanged without being built or digested, which is what lets a preview of a big
/// tracker reload at once. The process is a preview building in memory, or `casebook build --watch` writing into its
/// output folder.
extension BuildPipeline {
    /// Builds by patching the last build; false, having done nothing, when there is none or more than prose changed.
    static func patch(_ input: Input, _ options: BuildOptions, _ result: inout BuildResult,
                      _ clock: inout StageClock) throws(BuildResult.Failure) -> Bool {
        guard let memory = options.memory, let last = memory.lastBuild, let templates = input.templates,
              !result.diagnostics.hasErrors,
              last.inputs == LastBuild.Inputs(options, templates: templates, assets: input.assets, statics: input.statics),
              let edit = ProseEdit(from: last.content, to: input.content)
        else { return false }
        // The checks of `ContentValidator` read ids and references only, which a prose edit leaves as they were.
        clock.lap("validate")
        let graph = last.graph.replacing(events: placed(edit.replacedEvents, last.eventIndex),
                                         quotes: placed(edit.replacedQuotes, last.quoteIndex), cases: edit.replacedCases,
                                         parties: edit.replacedParties, sources: edit.replacedSources, pages: edit.replacedPages)
        let edited = EditedItems(edit.reworded, in: graph, eventIndex: last.eventIndex, quoteIndex: last.quoteIndex)
        let (events, quotes) = (edited.events, edited.quotes)
        clock.lap("graph")

        var output = try Output(options, cacheFiles: input.cacheFiles)
        defer { output.discard() }
        let settings = MarkdownRenderer.settings(graph.urls, graph.config.unsafeHTML)
        let markdown = MarkdownRenderer(urls: graph.urls, unsafeHTML: graph.config.unsafeHTML, memo: memory.markdownMemo(settings: settings))
        let views = last.views.replacing(edited, graph: graph, markdown: markdown)
        let renderer = SiteRenderer(patching: last.renderer, graph: graph, views: views, events: events, quotes: quotes,
                                    cache: output.cache, cards: output.cards)
        let jobs = renderer.jobs()
        guard jobs.count == last.ledger.jobCount else { return false }
        let ledger = last.ledger.copy()
        var again = ledger.jobs(reading: edited)
        output.cache?.keepPrevious()
        // A writing build (`casebook build --watch`) also makes what the output folder lost since it was written,
        // unless it knows no one changed the folder since (then the ledger's pages are the output's).
        if options.write, let cache = output.cache, !cache.outputUnchanged {
            again = jobsWithFilesLost(ledger, besides: again, cache, spare: output.staged?.known)
        }
        var pagePaths: [String] = []
        result.pagesPatched = ledger.run(again, of: jobs) { files in
            pagePaths += files.map(\.path)
            output.add(files)
        }
        result.content = input.content
        result.basePath = graph.urls.basePath
        let previousData = last.data
        // Downloads made again are made whole, as this process's whole builds make them: they are kept for its next build.
        let data = Pending.whenAsked { previousData.value.patched(graph, views, edited, cache: nil) }
        result.dataSpliced = true
        guard renderData(graph, views, input, pagePaths: pagePaths, kept: data, into: &output, &result) else { return true }
        output.lastBuild = last.patched(content: input.content, shape: input.shape, graph: graph, views: views, renderer: renderer,
                                        ledger: ledger, data: data)
        if output.ledgerFile != nil, let shape = input.shape {
            output.keepLedger(inputs: last.inputs.digest, shape: shape, ledger, graph: graph, content: input.content)
        }
        clock.lap("render")
        try output.commit()
        output.finish()
        BuildMemory.letGo(last)
        clock.lap("write")
        return true
    }

    /// Items by their index in the graph; drafts left out of the graph have none.
    private static func placed<Item>(_ items: [String: Item], _ index: [String: Int]) -> [Int: Item] {
        Dictionary(uniqueKeysWithValues: items.compactMap { id, item in index[id].map { ($0, item) } })
    }
}
