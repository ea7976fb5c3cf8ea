import Foundation
import Testing
@testable import CasebookCore

/// The shipped tracker's citation rule: every event and quote cites a source, and every quotation appears
/// word for word (up to typographic quotes and white space) in each article it cites. The articles are read
/// from `../shared/seeds/` beside the repository; without them the comparison is skipped with a message.
/// A quotation that an article prints in pieces (around its own words) is written with the pieces joined by "…".
@Suite struct RealContentCitationTests {
    static let seeds = Fixtures.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")

    func content() throws -> SiteContent? {
        let root = Fixtures.path("Content")
        guard FileManager.default.fileExists(atPath: root + "/site.yml") else { return nil }
        let (content, diagnostics) = try ContentLoader(fileSystem: LocalFileSystem(root: root), root: root).load()
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        return content
    }

    /// Straight quotes for typographic ones, one space for any run of white space.
    static func normalize(_ text: String) -> String {
        WordDiff.normalize(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func everyEventAndQuoteCitesAKnownSource() throws {
        guard let content = try content() else { return }
        let sources = Set(content.sources.map(\.id))
        for event in content.events {
            #expect(!event.sources.isEmpty, "\(event.id)")
            #expect(event.sources.allSatisfy { sources.contains($0.source.id) }, "\(event.id)")
        }
        for quote in content.quotes {
            #expect(!quote.sources.isEmpty, "\(quote.id)")
            #expect(quote.sources.allSatisfy { sources.contains($0.source.id) }, "\(quote.id)")
        }
        #expect(content.events.count >= 15)
        #expect(content.quotes.count >= 10)
    }

    @Test func everyQuotationAppearsVerbatimInEachArticleItCites() throws {
        guard let content = try content() else { return }
        guard let files = try? FileManager.default.contentsOfDirectory(at: Self.seeds, includingPropertiesForKeys: nil),
              !files.isEmpty else {
            print("RealContentCitationTests: skipped the verbatim check: no articles at \(Self.seeds.path)")
            return
        }
        let articles = files.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
        // Each source is matched to the article that prints its title as a line of its own.
        var articleBySource: [String: String] = [:]
        for source in content.sources {
            let matches = articles.filter { article in
                article.split(separator: "\n").contains { Self.normalize(String($0)) == Self.normalize(source.title) }
            }
            #expect(matches.count == 1, "source '\(source.id)' should match exactly one article by its title")
            articleBySource[source.id] = matches.first.map(Self.normalize)
        }
        var checked = 0
        for quote in content.quotes {
            for citation in quote.sources {
                guard let article = articleBySource[citation.source.id] else { continue }
                // Pieces an article prints apart (split around its own words) are joined with "…"; each piece must be verbatim.
                for piece in (citation.wording ?? quote.text).components(separatedBy: "…") {
                    let wording = Self.normalize(piece.trimmingCharacters(in: .whitespaces))
                    guard !wording.isEmpty else { continue }
                    let verbatim = article.contains(wording)
                    #expect(verbatim, "quote '\(quote.id)' is not verbatim in '\(citation.source.id)': \(wording)")
                }
                checked += 1
            }
        }
        #expect(checked >= content.quotes.count)
    }
}
