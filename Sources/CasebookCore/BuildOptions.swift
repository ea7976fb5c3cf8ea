import Foundation

/// Where to read and write, and how; the CLI fills it from its flags.
public struct BuildOptions: Sendable {
    public var content = "Content"
    public var templates = "Templates"
    public var output = "Site"
    /// Overrides `base_url` from `site.yml`.
    public var baseURL: String?
    /// Replaces the base URL's scheme and host, keeping its path: the preview server's own address, so that
    /// feeds and canonical links point at the preview.
    public var origin: String?
    /// Where page digests are kept between builds (`.casebook-cache/`), so a rebuild renders only pages that
    /// changed; nil renders every page.
    public var cacheFolder: String?
    /// Renders every page and card but still records digests for the next build.
    public var ignoreCache = false
    /// Kept by a long-lived process between its builds: in memory (`write == false`, `casebook serve`), an unchanged
    /// page comes back as `OutputFile.unchanged` for the caller to take from the files it kept; written
    /// (`casebook build --watch`), the last build is patched after a prose edit and its data files spliced.
    public var memory: BuildMemory?
    /// For an in-memory build: each file is handed to it as it is made and then dropped instead of kept in
    /// the result (`casebook check` of a big site).
    public var inspection: SiteInspection?
    public var drafts = false
    public var force = false
    /// False builds in memory only (for tests and `casebook check`).
    public var write = true
    /// For an in-memory build: leaves the data files (downloads, search index, calendar, feed) to `BuildResult.data`,
    /// for the caller to make once it has shown the pages (`casebook serve` reloads the browser first).
    public var deferData = false
    public var projectRoot = FileManager.default.currentDirectoryPath
    /// For a process that exits after this build (`casebook build`): what the build read and made is left for the
    /// system to reclaim at exit rather than freed piece by piece (`ExitReclaim`).
    public var leavesMemoryToExit = false

    public init() {}
}
