import Testing
@testable import CasebookCore

@Suite struct URLBuilderTests {
    @Test func pathsLiveUnderTheBasePath() throws {
        let urls = try URLBuilder(baseURL: "https://Example.org/trackers/parler")
        #expect(urls.basePath == "/trackers/parler/")
        #expect(urls.path(.party("parler")) == "/trackers/parler/parties/parler/")
        #expect(urls.absolute(.home) == "https://example.org/trackers/parler/")
        #expect(try URLBuilder(baseURL: "/").path(.event("x")) == "/events/x/")
        #expect(try URLBuilder(baseURL: "/x").path(.file("assets/casebook.css")) == "/x/assets/casebook.css")
    }

    @Test func rejectsUnsafeBaseURLs() {
        for bad in ["x/", "/a/../b/", "/a b/", "https:///x", "/\"onload=/", "javascript:alert(1)"] {
            #expect(throws: URLBuilder.Failure.self, "\(bad)") { try URLBuilder(baseURL: bad) }
        }
    }

    @Test func routesWriteIndexFiles() {
        #expect(Route.home.outputPath == "index.html")
        #expect(Route.topic("due-process").outputPath == "topics/due-process/index.html")
        #expect(Route.notFound.outputPath == "404.html")
    }
}
