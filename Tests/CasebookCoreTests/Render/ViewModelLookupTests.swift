import Testing
@testable import CasebookCore

/// Each view model answers a template's lookup of every one of its fields (the direct lookups replace Mirror
/// for speed, so a field left out of a switch would print as nothing).
@Suite struct ViewModelLookupTests {
    /// The value with any optional wrapping removed, described, so lookups and fields compare as text.
    static func describe(_ value: Any?) -> String {
        guard let value else { return "nil" }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional { return mirror.children.first.map { describe($0.value) } ?? "nil" }
        return String(describing: value)
    }

    func check(_ value: some TemplateValue, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            #expect(Self.describe(value.field(label)) == Self.describe(child.value), "\(type(of: value)).\(label)",
                    sourceLocation: sourceLocation)
        }
        #expect(value.field("no-such-field") == nil)
    }

    @Test func everyFieldIsReachable() throws {
        let views = FixtureGraph.minimalViews
        for event in views.events {
            check(event)
            check(event.date)
            event.citations.forEach { check($0) }
            event.cases.forEach { check($0) }
        }
        for quote in views.quotes {
            check(quote)
            quote.variants.forEach { check($0) }
        }
        for view in views.cases.values {
            check(view)
            view.roles.forEach { check($0) }
        }
        views.parties.values.forEach { check($0) }
        views.sources.values.forEach { check($0) }
        #expect(views.quotes.contains { !$0.variants.isEmpty }, "the fixture should exercise variants")
    }
}
