/// The theme's static files (`Templates/assets/**`), copied to `assets/` in the output as they are.
enum AssetFiles {
    static func collect(from templates: String, fileSystem: FileSystem) -> [OutputFile] {
        var files: [OutputFile] = []
        func walk(_ folder: String, _ relative: String) {
            for entry in fileSystem.directoryEntries(at: folder) ?? [] where !entry.hasPrefix(".") {
                let path = folder + "/" + entry
                switch fileSystem.kind(at: path) {
                case .directory?: walk(path, relative + entry + "/")
                case .file?: if let data = try? fileSystem.readFile(at: path) { files.append(OutputFile(path: relative + entry, bytes: Array(data))) }
                default: continue
                }
            }
        }
        walk(templates + "/assets", "assets/")
        return files
    }
}
