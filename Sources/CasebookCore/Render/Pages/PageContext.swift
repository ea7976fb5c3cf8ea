/// What a page template receives: the layout's data and the page's own content.
public struct PageContext<Content>: @unchecked Sendable {
    public let layout: LayoutView
    public let content: Content
}

extension PageContext: Encodable where Content: Encodable {}

/// A page or file ready to write, at its path under the output folder.
public struct OutputFile: Sendable, Equatable {
    public let path: String
    public let bytes: [UInt8]
    /// The page is exactly what the current output holds at `path` (its digest did not change), so it was not
    /// rendered and has no bytes here: the writer links the existing file.
    public let unchanged: Bool

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        unchanged = false
    }

    init(unchangedAt path: String) {
        self.path = path
        bytes = []
        unchanged = true
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
