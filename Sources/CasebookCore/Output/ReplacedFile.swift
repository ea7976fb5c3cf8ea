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

    /// Adds `bytes` at the end of the file at `path` (which must exist); a failed append is cut off, else the file
    /// would read as damaged. False when nothing was added.
    static func append(_ path: String, _ bytes: [UInt8]) -> Bool {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return false }
        #if canImport(Glibc)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        #else
        let written = bytes.withUnsafeBytes { Darwin.write(descriptor, $0.baseAddress, $0.count) }
        #endif
        if written == bytes.count { return true }
        _ = ftruncate(descriptor, info.st_size)
        return false
    }
}
