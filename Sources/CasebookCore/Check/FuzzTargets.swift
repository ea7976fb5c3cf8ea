import Foundation

/// The code paths the fuzzer exercises, kept in the library so regression tests can replay crashing inputs.
public enum FuzzTargets {
    public static let names = ["frontmatter", "yaml", "date", "markdown"]

    public static var selected: String {
        ProcessInfo.processInfo.environment["CASEBOOK_FUZZ_TARGET"] ?? "frontmatter"
    }

    private static let urls: URLBuilder? = try? URLBuilder(baseURL: "/base/")

    public static func run(_ target: String, _ data: Data) {
        switch target {
        case "yaml":
            load(["Content/site.yml": Data("title: Fuzz\n".utf8), "Content/timeline/fuzz.yml": data,
                  "Content/sources/s.md": Data("---\ntitle: S\npublisher: P\npublished: 2021\n---\n".utf8)])
        case "date":
            let text = String(decoding: data, as: UTF8.self)
            _ = PartialDate.parse(text)
            _ = TimeOfDay(text)
            if case .success(let date) = PartialDate.parse(text) { _ = DateLabel.view(date) }
        case "markdown":
            guard let urls else { return }
            let text = String(decoding: data, as: UTF8.self)
            _ = MarkdownRenderer(urls: urls, unsafeHTML: data.first.map { $0 & 1 == 1 } ?? false).render(text, topHeadingLevel: 2)
            _ = MarkdownRenderer(urls: urls, unsafeHTML: false).renderInline(text)
        default:
            load(["Content/site.yml": Data("title: Fuzz\n".utf8), "Content/parties/fuzz.md": data,
                  "Content/cases/fuzz.md": data, "Content/pages/fuzz.md": data])
        }
    }

    /// Loads and validates an in-memory site, as a build would, and discards the result.
    private static func load(_ files: [String: Data]) {
        guard let (content, _) = try? ContentLoader(fileSystem: InMemoryFileSystem(data: files), root: "Content").load() else { return }
        _ = ContentValidator(includeDrafts: true).validate(content)
    }
}
