import Foundation
import Testing
@testable import CasebookCore

/// Cache files name the binary that wrote them: another build of Casebook may render the same content differently.
@Suite struct RenderCacheTests {
    @Test func theBinaryIdentityIsTheRunningExecutablesPathSizeAndTime() throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        var info = stat()
        try #require(stat(executable, &info) == 0)
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        #expect(RenderCache.binaryIdentity() == "\(executable) \(info.st_size) \(modified.tv_sec).\(modified.tv_nsec)")
    }

    /// A build that keeps the last build's pages and makes a few again takes the last stamp's sums and replaces those
    /// pages' terms: its stamp is the one a count of all its pages gives, and a stamp it cannot read is counted whole.
    @Test func aStampKeptFromTheLastBuildIsTheWholeCount() throws {
        let digest = { (n: UInt64) in PageDigest(high: n, low: n &* 31) }
        var pages = Dictionary(uniqueKeysWithValues: (0..<50).map { ("events/\($0)/index.html", digest(UInt64($0) + 1)) })
        pages["feed.xml"] = TreeRecord.comparedByBytes
        pages["data/timeline.json"] = digest(99)
        pages["static.html"] = TreeRecord.comparedByBytes
        func stamp(_ pages: [String: PageDigest]) -> String {
            let cache = RenderCache(output: "/nonexistent", previous: [:])
            for (path, digest) in pages { _ = cache.unchanged(path, digest) }
            return cache.stamp
        }
        let last = stamp(pages)
        #expect(PageStamp(last)?.description == last && PageStamp(last)?.count == 50)
        var made = pages
        made["events/3/index.html"] = digest(1_000)
        made["events/new/index.html"] = digest(1_001)
        made["data/timeline.json"] = digest(1_002)
        for previousStamp in [last, "0123abcd", "1-2"] {
            let cache = RenderCache(output: "/nonexistent", previous: pages, stamp: previousStamp)
            cache.keepPrevious()
            for path in ["events/3/index.html", "events/new/index.html", "data/timeline.json", "events/4/index.html"] {
                _ = cache.unchanged(path, made[path]!)
            }
            #expect(cache.stamp == stamp(made), "after \(previousStamp)")
        }
        #expect(stamp(made) != last)
    }
}
