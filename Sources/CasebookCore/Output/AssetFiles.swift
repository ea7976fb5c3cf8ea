/// The theme's static files (`Templates/assets/**`), copied to `assets/` in the output as they are.
enum AssetFiles {
    static func collect(from templates: String, fileSystem: FileSystem, _ diagnostics: inout DiagnosticList) -> [OutputFile] {
        var files: [OutputFile] = []
        func walk(_ folder: String, _ relative: String, _ diagnostics: inout DiagnosticList) {
            for entry in fileSystem.directoryEntries(at: folder) ?? [] where !entry.hasPrefix(".") {
                let path = folder + "/" + entry
                switch fileSystem.kind(at: path) {
                case .directory?: walk(path, relative + entry + "/", &diagnostics)
                case .file?:
                    do { files.append(OutputFile(path: relative + entry, bytes: Array(try fileSystem.readFile(at: path)))) } catch {
                        diagnostics.error("cannot read asset: \(error.localizedDescription)", at: SourceLocation(file: path))
                    }
                case .brokenOrEscapingLink?:
                    diagnostics.error("symbolic link points outside the templates folder or nowhere; it is not followed",
                                      at: SourceLocation(file: path))
                case nil:
                    continue
                }
            }
        }
        walk(templates + "/assets", "assets/", &diagnostics)
        return files
    }
}
