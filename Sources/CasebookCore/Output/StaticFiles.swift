/// `Content/static/**`, copied to the site root as it is: images, `CNAME`, `.nojekyll`, `.well-known/` and
/// other files a static host wants. A static file may not replace a generated one.
enum StaticFiles {
    static func collect(from content: String, fileSystem: FileSystem, _ diagnostics: inout DiagnosticList) -> [OutputFile] {
        var files: [OutputFile] = []
        func walk(_ folder: String, _ relative: String, _ diagnostics: inout DiagnosticList) {
            for entry in fileSystem.directoryEntries(at: folder) ?? [] where entry != ".DS_Store" && entry != OutputFolderPolicy.marker {
                let path = folder + "/" + entry
                switch fileSystem.kind(at: path) {
                case .directory?: walk(path, relative + entry + "/", &diagnostics)
                case .file?:
                    do { files.append(OutputFile(path: relative + entry, bytes: Array(try fileSystem.readFile(at: path)))) } catch {
                        diagnostics.error("cannot read static file: \(error.localizedDescription)", at: SourceLocation(file: path))
                    }
                case .brokenOrEscapingLink?:
                    diagnostics.error("symbolic link points outside the content folder or nowhere; it is not followed", at: SourceLocation(file: path))
                case nil:
                    continue
                }
            }
        }
        walk(content + "/static", "", &diagnostics)
        return files
    }

    /// Errors for static files that would replace a page, a data file or an asset.
    static func conflicts(_ files: [OutputFile], generated: [OutputFile], content: String) -> DiagnosticList {
        let taken = Set(generated.map(\.path))
        var diagnostics = DiagnosticList()
        for file in files where taken.contains(file.path) {
            diagnostics.error("static file would replace the generated '\(file.path)'; rename or remove it",
                              at: SourceLocation(file: content + "/static/" + file.path))
        }
        return diagnostics
    }
}
