import Foundation

/// Cache files whose output or content folder is gone. Every writing build keeps tree records, a page ledger and a
/// card and Markdown cache per output folder (about 80 MB at 10,000 events) and a load cache per content folder;
/// without this, `.casebook-cache/` grew with every folder ever built into (`--output /tmp/preview`, a moved project).
enum StaleCacheFiles {
    /// Temporary files of a cache write are this old before they count as left by a killed build, and cache files
    /// of an output with no page cache yet (its first build is still running, or failed) before they count as orphans.
    static let graceSeconds: TimeInterval = 3600

    /// Removes from `folder`: each output's caches once the output no longer holds a Casebook site, each content
    /// folder's load cache once the folder is gone, caches named by another key than their folder's (left by an
    /// earlier Casebook), orphans and old temporary files. `now` is for tests.
    static func remove(in folder: String, now: Date = Date()) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else { return }
        func path(_ name: String) -> String { folder + "/" + name }
        func isOld(_ name: String) -> Bool {
            guard let modified = (try? manager.attributesOfItem(atPath: path(name)))?[.modificationDate] as? Date else { return false }
            return now.timeIntervalSince(modified) > graceSeconds
        }
        func remove(_ name: String) { try? manager.removeItem(atPath: path(name)) }

        var liveOutputKeys: Set<String> = [], goneOutputKeys: Set<String> = []
        for name in names where !name.contains(".tmp-") {
            guard let key = key(of: name, prefixes: ["trees-"]) else { continue }
            // Line 3 of the tree records names their output; records under another key than that output's are
            // from a Casebook that named its caches another way, and no build will read them again.
            if let output = headerValue("output", in: path(name), line: 2), SiteWriter.isCasebookTree(output),
               RenderCache.outputKey(output) == key {
                liveOutputKeys.insert(key)
            } else {
                goneOutputKeys.insert(key)
                remove(name)
            }
        }
        for name in names {
            if name.contains(".tmp-") {
                if isOld(name) { remove(name) }
            } else if name.hasPrefix("pages-") && name.hasSuffix(".txt") {
                remove(name)  // page digests of Casebook before the tree records, which now hold them
            } else if let key = key(of: name, prefixes: ["cards-", "markdown-", "ledger-"]) {
                if goneOutputKeys.contains(key) || !liveOutputKeys.contains(key) && isOld(name) { remove(name) }
            } else if let key = key(of: name, prefixes: ["loads-"]) {
                let content = headerValue("content", in: path(name), line: 2)
                var isFolder: ObjCBool = false
                if content.map({
                    !manager.fileExists(atPath: $0, isDirectory: &isFolder) || !isFolder.boolValue || RenderCache.outputKey($0) != key
                }) ?? isOld(name) {
                    remove(name)
                }
            }
        }
    }

    /// The key in `cards-<key>.bin`-style names.
    private static func key(of name: String, prefixes: [String]) -> String? {
        guard name.hasSuffix(".bin"), let prefix = prefixes.first(where: name.hasPrefix) else { return nil }
        return String(name.dropFirst(prefix.count).dropLast(".bin".count))
    }

    /// The value of the header line `<field> <value>` at 0-based `line`, read from the file's first 4 KB.
    private static func headerValue(_ field: String, in path: String, line: Int) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
        let lines = head.split(separator: "\n", maxSplits: line + 1, omittingEmptySubsequences: false)
        guard lines.count > line + 1, lines[line].hasPrefix(field + " ") else { return nil }
        return String(lines[line].dropFirst(field.count + 1))
    }
}
