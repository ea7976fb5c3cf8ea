import CasebookCore
import Testing
@testable import CasebookServer

/// A build's data files are made after its pages are published: until then a request for one waits, and the old
/// bytes stand in for what the responder needs to resolve paths.
@Suite struct PreviewStateTests {
    static func file(_ path: String, _ text: String) -> OutputFile { OutputFile(path: path, text: text) }

    @Test func dataFilesLeftForLaterArePendingUntilMadeAndThoseOfAReplacedBuildAreDropped() {
        let state = PreviewState()
        let first = DeferredFiles(paths: ["data/a.json"]) { _ in [Self.file("data/a.json", "one")] }
        state.publish([Self.file("index.html", "home")], later: first, warnings: [], basePath: "/")
        #expect(state.current.pending == ["data/a.json"] && state.current.files["data/a.json"] == nil)
        state.makePendingFiles()
        #expect(state.current.pending.isEmpty && state.current.files["data/a.json"]?.bytes == Array("one".utf8))

        // The next build keeps the old bytes while its own are made.
        let second = DeferredFiles(paths: ["data/a.json"]) { _ in [Self.file("data/a.json", "two")] }
        state.publish([Self.file("index.html", "home 2")], later: second, warnings: [], basePath: "/")
        #expect(state.current.pending == ["data/a.json"] && state.current.files["data/a.json"]?.bytes == Array("one".utf8))
        state.makePendingFiles()
        #expect(state.current.files["data/a.json"]?.bytes == Array("two".utf8) && state.current.files["index.html"]?.bytes == Array("home 2".utf8))

        // Files made for a build that another replaced while they were being made are dropped; the new build's follow.
        let fourth = DeferredFiles(paths: ["data/a.json"]) { _ in [Self.file("data/a.json", "four")] }
        let third = DeferredFiles(paths: ["data/a.json"]) { abandoned in
            #expect(!abandoned())
            state.publish([Self.file("index.html", "home 4")], later: fourth, warnings: [], basePath: "/")
            #expect(abandoned(), "the rest of a replaced build's files is skipped")
            return [Self.file("data/a.json", "three")]
        }
        state.publish([Self.file("index.html", "home 3")], later: third, warnings: [], basePath: "/")
        state.makePendingFiles()
        #expect(state.current.files["data/a.json"]?.bytes == Array("two".utf8) && state.current.pending == ["data/a.json"])
        state.makePendingFiles()
        #expect(state.current.files["data/a.json"]?.bytes == Array("four".utf8) && state.current.pending.isEmpty)
    }
}
