/// What a page template receives: the layout's data and the page's own content.
public struct PageContext<Content>: @unchecked Sendable {
    public let layout: LayoutView
    public let content: Content
}

/// A page or file ready to write, at its path under the output folder.
public struct OutputFile: Sendable, Equatable {
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
