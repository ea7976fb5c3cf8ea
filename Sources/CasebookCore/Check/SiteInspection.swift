import Foundation

/// What `casebook check` keeps of each page as it is built — its ids, its links, what the page audit found —
/// so that the pages themselves need not be held until the end: at 10,000 events they were 700 MB.
public final class SiteInspection: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []
    private var ids: [String: Set<String>] = [:]
    /// Each link once, by number: the same navigation links appear on every page.
    private var linkTexts: [String] = []
    private var linkNumbers: [String: Int] = [:]
    private var links: [(page: String, link: Int)] = []
    private var problems: [(page: String, message: String)] = []

    public init() {}

    func add(_ files: [OutputFile]) {
        let found = files.parallelMap { file -> PageFindings? in
            guard file.path.hasSuffix(".html") else { return nil }
            let html = file.text
            return PageFindings(ids: Set(LinkChecker.attributeValues("id", in: html)),
                                links: LinkChecker.attributeValues("href", in: html) + LinkChecker.attributeValues("src", in: html),
                                problems: PageAudit().problems(in: [file]))
        }
        lock.withLock {
            for (file, page) in zip(files, found) {
                paths.insert(file.path)
                guard let page else { continue }
                ids[file.path] = page.ids
                problems += page.problems
                for link in page.links {
                    let number = linkNumbers[link] ?? {
                        linkTexts.append(link)
                        linkNumbers[link] = linkTexts.count - 1
                        return linkTexts.count - 1
                    }()
                    links.append((file.path, number))
                }
            }
        }
    }

    /// Internal links and `#anchors` that lead nowhere, in the order the pages came.
    func brokenLinks(basePath: String) -> [LinkChecker.BrokenLink] {
        let checker = LinkChecker(basePath: basePath)
        return lock.withLock {
            links.compactMap { page, number in
                let link = linkTexts[number]
                guard let (target, fragment) = checker.resolve(link, from: page) else { return nil }
                guard paths.contains(target) else {
                    return LinkChecker.BrokenLink(page: page, link: link, reason: "no file \(target) in the site")
                }
                if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), ids[target]?.contains(fragment) != true {
                    return LinkChecker.BrokenLink(page: page, link: link, reason: "no element with id '\(fragment)' on \(target)")
                }
                return nil
            }
        }
    }

    private struct PageFindings: Sendable {
        let ids: Set<String>
        let links: [String]
        let problems: [(page: String, message: String)]
    }

    /// Pages without a title or description, images without alt text.
    var auditProblems: [(page: String, message: String)] { lock.withLock { problems } }
}
