/// A view whose card prints a list of citations, rendered once per view by the renderer (`partials/citations`).
protocol CitingView: Encodable, Sendable {
    var citationsHTML: String { get set }
}

extension EventView: CitingView {}
extension QuoteView: CitingView {}
