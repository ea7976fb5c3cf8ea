/// `casebook check`: builds in memory and reports what a reader or a search engine would trip over —
/// broken links and anchors, pages without a title or description, images without alt text — plus
/// orphaned sources and parties, all in compiler style.
public enum SiteCheck {
    public static func run(_ options: BuildOptions) -> BuildResult {
        var options = options
        options.write = false
        let inspection = SiteInspection()
        options.inspection = inspection
        var result = BuildPipeline.run(options)
        guard result.failure == nil, !result.diagnostics.hasErrors, let content = result.content else { return result }
        let base = (try? URLBuilder(baseURL: options.baseURL ?? content.config.baseURL))?.basePath ?? "/"
        func at(_ page: String) -> SourceLocation { SourceLocation(file: options.output + "/" + page) }
        for link in inspection.brokenLinks(basePath: base) {
            result.diagnostics.error("broken link '\(link.link)': \(link.reason)", at: at(link.page))
        }
        for problem in inspection.auditProblems {
            result.diagnostics.error(problem.message, at: at(problem.page))
        }
        result.diagnostics.append(contentsOf: OrphanAudit().warnings(options.drafts ? content : content.withoutDrafts()))
        return result
    }
}
