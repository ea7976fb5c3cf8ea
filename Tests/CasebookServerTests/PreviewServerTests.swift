@testable import CasebookServer
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Starts the real preview server on an ephemeral port over a temp copy of the minimal fixture.
@Suite(.serialized, .timeLimit(.minutes(2))) struct PreviewServerTests {
    @Test func servesTheSiteAsAStaticHostWould() async throws {
        let preview = try await PreviewFixture()
        let client = preview.client
        let home = try await client.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.headers["cache-control"] == "no-store")
        #expect(home.body.contains("<script src=\"/__casebook/live.js\""))
        #expect(try await client.get("/timeline/").body.contains("Example sues Sample"))
        let redirect = try await client.get("/timeline?party=sample")
        #expect(redirect.status == 301)
        #expect(redirect.headers["location"] == "/timeline/?party=sample")
        let missing = try await client.get("/no-such-page/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("<h1"))
        #expect(try await client.get("/assets/casebook.css").headers["content-type"] == "text/css; charset=utf-8")
        #expect(try await client.get("/assets/").status == 404)
        #expect(try await client.get("/", method: "POST").status == 405)
        let script = try await client.get("/__casebook/live.js")
        #expect(script.status == 200 && script.body.contains("EventSource"))
        #expect(!FileManager.default.fileExists(atPath: preview.file("Site").path))
        await preview.stop()
    }

    @Test func traversalAttemptsNeverLeaveTheSite() async throws {
        let preview = try await PreviewFixture()
        for attempt in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2fContent/site.yml",
                        "/..%5c..%5cetc%5cpasswd", "/%00"] {
            let reply = try await preview.client.get(attempt)
            #expect(reply.status == 403 || reply.status == 404, "\(attempt)")
            #expect(!reply.body.contains("root:"), "\(attempt)")
        }
        await preview.stop()
    }

    @Test func aSymlinkOutOfTheContentIsNeverServed() async throws {
        let preview = try await PreviewFixture()
        let events = try await preview.client.openEventStream()
        try await events.read(until: "event: hello", timeout: 10)
        try FileManager.default.createSymbolicLink(atPath: preview.file("Content/static/passwd").path,
                                                   withDestinationPath: "/etc/passwd")
        try await events.read(until: "event: reload", timeout: 20)
        let reply = try await preview.client.get("/passwd")
        #expect(reply.status == 404)
        #expect(!reply.body.contains("root:"))
        #expect(reply.body.contains("casebook-build-errors"))
        await preview.stop()
    }

    @Test(arguments: [false, true]) func anEditReloadsOpenPagesWithTheNewContent(polling: Bool) async throws {
        let preview = try await PreviewFixture(polling: polling)
        let events = try await preview.client.openEventStream()
        try await events.read(until: "event: hello", timeout: 10)
        let untouched = try await preview.client.get("/about/").body
        try preview.edit("Content/timeline/2021.yml", replacing: "title: Example sues Sample", with: "title: Example sues Sample again")
        try await events.read(until: "event: reload", timeout: 20)
        #expect(try await preview.client.get("/events/lawsuit-filed/").body.contains("Example sues Sample again"))
        // The data files are made after the reload; asked for at once, they are answered once made, never stale.
        for path in ["/data/timeline.json", "/data/timeline.csv", "/search-index.json", "/feed.xml", "/timeline.ics"] {
            #expect(try await preview.client.get(path).body.contains("Example sues Sample again"), "\(path)")
        }
        // Not rendered again: the page the edit does not touch is served from the build before, whole (only the
        // live-reload script's build number moves on).
        let after = try await preview.client.get("/about/").body
        #expect(untouched.contains("</html>") && untouched.contains("data-generation=\"1\""))
        #expect(after == untouched.replacingOccurrences(of: "data-generation=\"1\"", with: "data-generation=\"2\""))
        await preview.stop()
    }

    /// A save that truncates the file and writes it in two parts, the second long after the debounce, is built
    /// once, when the writer closes the file: never half-written (here the half would be a YAML error).
    @Test func aSaveStillBeingWrittenIsBuiltWhenItsFileIsClosed() async throws {
        let preview = try await PreviewFixture()
        let events = try await preview.client.openEventStream()
        let seen = try await events.read(until: "event: hello", timeout: 10).count
        let url = preview.file("Content/timeline/2021.yml")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "title: Example sues Sample",
                                                                                    with: "title: Example sues Sample again")
        let half = text.utf8.count / 2
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.utf8.prefix(half)))
        await #expect(throws: RawHTTPClient.Failure.self, "no build while the file is open") {
            try await events.read(until: "event: reload", after: seen, timeout: 0.6)
        }
        try handle.write(contentsOf: Data(text.utf8.dropFirst(half)))
        try handle.close()
        try await events.read(until: "event: reload", after: seen, timeout: 20)
        let page = try await preview.client.get("/events/lawsuit-filed/").body
        #expect(page.contains("Example sues Sample again") && !page.contains("casebook-build-errors"))
        await preview.stop()
    }

    @Test func aBuildErrorShowsOverThePageUntilItIsFixed() async throws {
        let preview = try await PreviewFixture()
        let events = try await preview.client.openEventStream()
        try await events.read(until: "event: hello", timeout: 10)
        try preview.edit("Content/timeline/2021.yml", replacing: "parties: [sample, example]", with: "parties: [sampel, example]")
        let seen = try await events.read(until: "event: reload", timeout: 20).count
        let broken = try await preview.client.get("/timeline/")
        #expect(broken.status == 200)
        #expect(broken.body.contains("id=\"casebook-build-errors\""))
        #expect(broken.body.contains("2021.yml:6:13</code> <strong style=\"color:#ffb4b4\">error:</strong> unknown party &#39;sampel&#39; (did you mean &#39;sample&#39;?)"))
        #expect(broken.body.contains("  parties: [sampel, example]\n            ^</pre>"))
        #expect(broken.body.contains("Example sues Sample"), "the last good build stays under the overlay")

        try preview.edit("Content/timeline/2021.yml", replacing: "parties: [sampel, example]", with: "parties: [sample, example]")
        try await events.read(until: "event: reload", after: seen, timeout: 20)
        #expect(!(try await preview.client.get("/timeline/").body.contains("casebook-build-errors")))
        await preview.stop()
    }

    @Test func aStylesheetSavedAloneIsSwappedWithoutAReload() async throws {
        let preview = try await PreviewFixture()
        let events = try await preview.client.openEventStream()
        try await events.read(until: "event: hello", timeout: 10)
        let css = preview.file("Templates/assets/casebook.css")
        let handle = try FileHandle(forWritingTo: css)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\n.casebook-test-marker { color: red; }\n".utf8))
        try handle.close()
        let stream = try await events.read(until: "assets/casebook.css\n\n", timeout: 20)
        #expect(stream.contains("event: css\n"))
        #expect(!stream.contains("event: reload"))
        #expect(try await preview.client.get("/assets/casebook.css").body.contains(".casebook-test-marker"))
        await preview.stop()
    }

    @Test func aSubPathSiteIsServedUnderItsBasePath() async throws {
        let preview = try await PreviewFixture(baseURL: "/trackers/x/")
        #expect(preview.siteURL.hasSuffix("/trackers/x/"))
        let home = try await preview.client.get("/trackers/x/")
        #expect(home.status == 200)
        #expect(home.body.contains("href=\"/trackers/x/timeline/\""))
        #expect(home.body.contains("\(preview.siteURL)\""), "canonical and feed URLs point at the preview")
        #expect(try await preview.client.get("/timeline/").status == 404)
        #expect(try await preview.client.get("/trackers/x").status == 301)
        await preview.stop()
    }

    @Test func stoppingEndsOpenEventStreams() async throws {
        let preview = try await PreviewFixture()
        let events = try await preview.client.openEventStream()
        try await events.read(until: "event: hello", timeout: 10)
        await preview.stop()
        await #expect(throws: Never.self) { try await events.readAll(timeout: 10) }
    }
}

@Suite struct PortChoiceTests {
    /// Listens on a free loopback port for the length of a test.
    final class Listener {
        let descriptor: Int32
        let port: Int

        init() throws {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            self.descriptor = descriptor
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, length) == 0 && listen(descriptor, 1) == 0 && getsockname(descriptor, $0, &length) == 0
                }
            }
            guard bound else { throw RawHTTPClient.Failure.connect }
            port = Int(UInt16(bigEndian: address.sin_port))
        }

        deinit { close(descriptor) }
    }

    func server(port: Int, tryNext: Bool) -> PreviewServer {
        var options = PreviewServer.Options()
        options.port = port
        options.tryNextPorts = tryNext
        return PreviewServer(options: options, log: { _ in })
    }

    @Test func aTakenPortThatWasAskedForIsAClearError() throws {
        let listener = try Listener()
        let error = #expect(throws: PreviewServer.Failure.self) { try server(port: listener.port, tryNext: false).choosePort() }
        #expect(error?.description == "port \(listener.port) on 127.0.0.1 is already in use; choose another with --port, or stop the program using it")
    }

    @Test func aTakenDefaultPortMovesOnToTheNextFreeOne() throws {
        let listener = try Listener()
        let chosen = try server(port: listener.port, tryNext: true).choosePort()
        #expect(chosen > listener.port && chosen < listener.port + 20)
    }
}
