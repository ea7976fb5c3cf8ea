/// `Content/static/**`, copied to the site root as it is: images, `CNAME`, `.nojekyll`, `.well-known/` and
/// other files a static host wants. A static file may not replace a generated one.
enum StaticFiles {
    static func collect(from content: String, fileSystem: FileSystem, _ diagnostics: inout DiagnosticList) -> [OutputFile] {
        TreeFiles.collect(from: content + "/static", to: "", keepHidden: true, fileSystem: fileSystem, &diagnostics)
    }

    /// Errors for static files that would replace a page, a data file or an asset.
    /// Hashes the few static paths, not the 22,000 generated ones of a big tracker.
    static func conflicts(_ files: [OutputFile], generated: some Sequence<String>, content: String) -> DiagnosticList {
        var diagnostics = DiagnosticList()
        guard !files.isEmpty else { return diagnostics }
        let statics = Set(files.map(\.path))
        let taken = Set(generated.filter(statics.contains))
        for file in files where taken.contains(file.path) {
            diagnostics.error("static file would replace the generated '\(file.path)'; rename or remove it",
                              at: SourceLocation(file: content + "/static/" + file.path))
        }
        return diagnostics
    }
}
