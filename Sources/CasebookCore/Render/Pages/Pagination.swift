/// A long list cut into numbered pages of `paginate_by` items: page 1 at the list's own route, page N at
/// `…/page/N/`. Knows which page holds an item, so other pages can link straight to it.
struct Pagination: Sendable {
    let list: Route
    /// The items of each page, as positions in the list; a list with no items still has one (empty) page.
    let pages: [Range<Int>]
    private let size: Int

    init(list: Route, count: Int, size: Int) {
        self.list = list
        let size = size > 0 ? size : max(count, 1)
        self.size = size
        pages = count == 0 ? [0..<0] : stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    /// The page number (from 1) that shows the item at `position`.
    func number(of position: Int) -> Int { position / size + 1 }

    func route(_ number: Int) -> Route { list.numbered(number) }

    /// The link to an item's anchor on whichever page shows it.
    func link(to position: Int, anchor: String, urls: URLBuilder) -> String {
        urls.path(route(number(of: position))) + "#" + anchor
    }

    /// The page links for page `number`, each labelled by what its page holds (`labels`, one per page:
    /// "Mar 4, 2019 – Jun 12, 2019"); nil when the list fits on one page.
    func pager(_ number: Int, labels: [String], urls: URLBuilder) -> Pager? {
        guard pages.count > 1 else { return nil }
        let links = pages.indices.map { index in
            Pager.Link(number: index + 1, label: labels[index], url: urls.path(route(index + 1)), current: index + 1 == number)
        }
        return Pager(position: "Page \(number) of \(pages.count)", current: links[number - 1],
                     previous: number > 1 ? links[number - 2] : nil,
                     next: number < links.count ? links[number] : nil, pages: links)
    }

    /// A page's meta description: the list's, then which page this is and what it holds.
    static func description(_ text: String, _ pager: Pager?) -> String {
        text + (pager.map { ". \($0.position): \($0.current.label)." } ?? ".")
    }

    /// "Mar 4, 2019", or "Mar 4, 2019 – Jun 12, 2019" when the first and last differ.
    static func span(_ first: String, _ last: String) -> String {
        first == last ? first : "\(first) – \(last)"
    }
}
