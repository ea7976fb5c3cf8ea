/// Copies a folder tree into output files as it is: the theme's `assets/` and the content's `static/`.
/// Links that leave the folder they were read from are reported, not followed.
enum TreeFiles {
    /// - Parameters:
    ///   - prefix: where the files go in the output (`assets/`, or the site root for `""`).
    ///   - keepHidden: copy dot-entries too (`.well-known/`, `.nojekyll` for static files).
    static func collect(from folder: String, to prefix: String, keepHidden: Bool, fileSystem: FileSystem,
                        _ diagnostics: inout DiagnosticList) -> [OutputFile] {
        var files: [OutputFile] = []
        func walk(_ folder: String, _ relative: String, _ diagnostics: inout DiagnosticList) {
            for listed in fileSystem.directoryEntries(at: folder) ?? []
            where (keepHidden || !listed.name.hasPrefix(".")) && listed.name != ".DS_Store" && listed.name != OutputFolderPolicy.marker {
                let entry = listed.name, path = folder + "/" + entry
                switch listed.kind {
                case .directory?: walk(path, relative + entry + "/", &diagnostics)
                case .file?:
                    do { files.append(OutputFile(path: relative + entry, bytes: Array(try fileSystem.readFile(at: path)))) } catch {
                        diagnostics.error("cannot read file: \(error.localizedDescription)", at: SourceLocation(file: path))
                    }
                case .brokenOrEscapingLink?:
                    diagnostics.error("symbolic link points outside the folder being copied, or nowhere; it is not followed",
                                      at: SourceLocation(file: path))
                case nil:
                    continue
                }
            }
        }
        walk(folder, prefix, &diagnostics)
        return files
    }
}
