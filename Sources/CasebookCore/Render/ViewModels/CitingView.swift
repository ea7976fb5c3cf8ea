/// A view whose card prints a list of citations (`partials/citations`), which the renderer renders at most once per view.
protocol CitingView: Encodable, Sendable, TemplateValue {
    var citationsHTML: LazyHTML? { get set }
}

extension EventView: CitingView {}
extension QuoteView: CitingView {}
