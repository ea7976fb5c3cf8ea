import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the cache files in `.casebook-cache/` are written: streamed into a temporary file beside `path`, then renamed
/// over it, so a reader sees the old file or the whole new one. A file that cannot be written is left as it was:
/// a cache that is not saved only makes the next build slower.
enum ReplacedFile {
    /// Writes `header`, then whatever `body` writes to the stream; `body` returns false when a write failed.
    static func write(_ path: String, header: String, _ body: (UnsafeMutablePointer<FILE>) -> Bool) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard let stream = fopen(temporary, "wb") else { return }
        let ok = fputs(header, stream) >= 0 && body(stream)
        if fclose(stream) == 0, ok, rename(temporary, path) == 0 { return }
        unlink(temporary)
    }
}
