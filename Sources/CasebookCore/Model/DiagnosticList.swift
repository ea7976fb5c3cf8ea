/// Collects diagnostics from every stage so they can all be reported at once, sorted by file and line.
public struct DiagnosticList: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) {
        self.items = items
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        items.append(diagnostic)
    }

    public mutating func append(contentsOf other: DiagnosticList) {
        items.append(contentsOf: other.items)
    }

    public mutating func error(_ message: String, at location: SourceLocation?) {
        items.append(.error(message, at: location))
    }

    public mutating func warning(_ message: String, at location: SourceLocation?) {
        items.append(.warning(message, at: location))
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errorCount: Int { items.filter { $0.severity == .error }.count }
    public var warningCount: Int { items.filter { $0.severity == .warning }.count }

    /// Diagnostics in reporting order: by file, line and column; problems without a file first.
    public var sorted: [Diagnostic] {
        items.enumerated().sorted { lhs, rhs in
            let (l, r) = (lhs.element, rhs.element)
            switch (l.location, r.location) {
            case (nil, nil): break
            case (nil, _): return true
            case (_, nil): return false
            case let (a?, b?) where a != b: return a < b
            default: break
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
