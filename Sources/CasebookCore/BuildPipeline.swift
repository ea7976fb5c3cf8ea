import Foundation

/// The build, stage by stage: load → validate → graph → render → write. Nothing is written unless
/// every stage before it succeeded without errors.
public enum BuildPipeline {
    public static func run(_ options: BuildOptions) -> BuildResult {
        var result = BuildResult()
        var clock = StageClock()
        let policy = OutputFolderPolicy(output: options.output, projectRoot: options.projectRoot,
                                        sourceFolders: [options.content, options.templates], force: options.force)
        if options.write {
            do { try policy.check() } catch { return result.failing(.usage(error.description)) }
        }

        let content: SiteContent
        do {
            let loaded = try ContentLoader(fileSystem: LocalFileSystem(root: options.content), root: options.content).load()
            content = loaded.0
            result.diagnostics.append(contentsOf: loaded.1)
        } catch {
            return result.failing(.usage("content folder '\(options.content)' not found (use --content to name another)"))
        }
        let templates: TemplateSet?
        do {
            let loaded = try TemplateSet.load(from: options.templates, fileSystem: LocalFileSystem(root: options.templates))
            templates = loaded.0
            result.diagnostics.append(contentsOf: loaded.1)
        } catch {
            return result.failing(.usage("templates folder '\(options.templates)' not found (use --templates to name another)"))
        }
        clock.lap("load")

        result.diagnostics.append(contentsOf: ContentValidator(includeDrafts: options.drafts).validate(content))
        let urls: URLBuilder
        do {
            urls = try URLBuilder(baseURL: options.baseURL ?? content.config.baseURL)
        } catch {
            if options.baseURL != nil { return result.failing(.usage(error.description)) }
            result.diagnostics.error(error.description, at: SourceLocation(file: options.content + "/site.yml"))
            return result
        }
        clock.lap("validate")
        guard !result.diagnostics.hasErrors, let templates else { return result }
        result.content = content

        let graph = SiteGraph(content: options.drafts ? content : content.withoutDrafts(), urls: urls)
        clock.lap("graph")

        let assets = AssetFiles.collect(from: options.templates, fileSystem: LocalFileSystem(root: options.templates))
        var staticDiagnostics = DiagnosticList()
        let statics = StaticFiles.collect(from: options.content, fileSystem: LocalFileSystem(root: options.content), &staticDiagnostics)
        let views = ViewCatalog(graph: graph, markdown: MarkdownRenderer(urls: urls, unsafeHTML: content.config.unsafeHTML))
        let renderer = SiteRenderer(graph: graph, views: views, templates: templates,
                                    stylesheetVersion: assets.first { $0.path == "assets/casebook.css" }.map { ContentHash.hex($0.bytes) })
        let pages = renderer.render()
        let data = DataExport(graph: graph).files() + [AtomFeed(graph: graph, views: views).file(),
                                                       SearchIndex(graph: graph, views: views).file(),
                                                       CalendarFile(graph: graph, views: views).file()]
            + Sitemap(graph: graph).files(pages: pages)
        let generated = pages + data + assets
        staticDiagnostics.append(contentsOf: StaticFiles.conflicts(statics, generated: generated, content: options.content))
        result.diagnostics.append(contentsOf: staticDiagnostics)
        if staticDiagnostics.hasErrors { return result }
        let files = generated + statics
        result.pageCount = pages.count
        result.dataFileCount = data.count
        result.files = files
        clock.lap("render")

        if options.write {
            do { try SiteWriter(output: options.output).write(files) } catch { return result.failing(.io(error.description)) }
        }
        clock.lap("write")
        result.timings = clock.laps
        return result
    }
}

/// Where to read and write, and how; the CLI fills it from its flags.
public struct BuildOptions: Sendable {
    public var content = "Content"
    public var templates = "Templates"
    public var output = "Site"
    /// Overrides `base_url` from `site.yml`.
    public var baseURL: String?
    public var drafts = false
    public var force = false
    /// False builds in memory only (for tests and `casebook check`).
    public var write = true
    public var projectRoot = FileManager.default.currentDirectoryPath

    public init() {}
}

/// What a build produced or why it stopped.
public struct BuildResult: Sendable {
    public enum Failure: Error, Equatable, Sendable {
        /// Bad flags, missing folders, a refused output folder: exit code 2.
        case usage(String)
        /// Writing failed: exit code 2.
        case io(String)
    }

    public var diagnostics = DiagnosticList()
    public var failure: Failure?
    public var pageCount = 0
    /// JSON and CSV downloads, feeds and other machine-readable files.
    public var dataFileCount = 0
    public var files: [OutputFile] = []
    /// The content the site was built from, when loading succeeded without errors.
    public var content: SiteContent?
    public var timings: [(stage: String, seconds: Double)] = []

    /// 0 when the site was built, 1 for content errors, 2 for usage and IO errors.
    public var exitCode: Int32 {
        if failure != nil { return 2 }
        return diagnostics.hasErrors ? 1 : 0
    }

    func failing(_ failure: Failure) -> BuildResult {
        var copy = self
        copy.failure = failure
        return copy
    }
}

/// Measures each stage's wall time for `--timings`.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var laps: [(stage: String, seconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((stage, Double(now - last) / 1e9))
        last = now
    }
}
