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
}
