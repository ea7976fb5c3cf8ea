@testable import CasebookServer
import Testing

@Suite struct RequestTargetTests {
    let files: Set<String> = ["index.html", "timeline/index.html", "assets/casebook.css", "feed.xml", "404.html"]

    func resolve(_ target: String, base: String = "/") -> RequestTarget {
        RequestTarget.resolve(target, basePath: base, exists: files.contains)
    }

    @Test func foldersServeTheirIndexAndFilesThemselves() {
        #expect(resolve("/") == .file("index.html"))
        #expect(resolve("/timeline/") == .file("timeline/index.html"))
        #expect(resolve("/timeline/?party=aws") == .file("timeline/index.html"))
        #expect(resolve("/assets/casebook.css?v=abc") == .file("assets/casebook.css"))
        #expect(resolve("/feed.xml") == .file("feed.xml"))
    }

    @Test func aFolderWithoutItsSlashRedirectsKeepingTheQuery() {
        #expect(resolve("/timeline") == .redirect("/timeline/"))
        #expect(resolve("/timeline?party=aws") == .redirect("/timeline/?party=aws"))
    }

    @Test func missingFilesAndFoldersWithoutIndexAreNotFound() {
        #expect(resolve("/assets/") == .notFound)
        #expect(resolve("/nope/") == .notFound)
        #expect(resolve("/timeline//") == .notFound)
        #expect(resolve("/index.html/") == .notFound)
    }

    @Test func traversalIsForbiddenInEveryEncoding() {
        for attempt in ["/../etc/passwd", "/assets/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E%2Fetc%2Fpasswd",
                        "/assets/%2e%2e/%2e%2e/x", "/..%5c..%5cwindows", "/a\\..\\b", "/%00", "/%zz", "/./index.html",
                        "/%c0%ae%c0%ae/etc/passwd"] {
            #expect(resolve(attempt) == .forbidden, "\(attempt)")
        }
        #expect(resolve("etc/passwd") == .forbidden)
    }

    @Test func aSubPathSiteIsServedOnlyUnderItsBase() {
        #expect(resolve("/x/timeline/", base: "/x/") == .file("timeline/index.html"))
        #expect(resolve("/x/", base: "/x/") == .file("index.html"))
        #expect(resolve("/x", base: "/x/") == .redirect("/x/"))
        #expect(resolve("/timeline/", base: "/x/") == .notFound)
        #expect(resolve("/xy/timeline/", base: "/x/") == .notFound)
    }

    @Test func contentTypesAreThoseOfAStaticHost() {
        #expect(ContentType.of("timeline/index.html") == "text/html; charset=utf-8")
        #expect(ContentType.of("assets/casebook.css") == "text/css; charset=utf-8")
        #expect(ContentType.of("data/timeline.csv") == "text/csv; charset=utf-8")
        #expect(ContentType.of("timeline.ics") == "text/calendar; charset=utf-8")
        #expect(ContentType.of("CNAME") == "application/octet-stream")
    }
}
