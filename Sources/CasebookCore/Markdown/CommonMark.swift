import CCmark
import Foundation

/// The only place that talks to libcmark: parses Markdown, edits the node tree (link URLs, heading ids),
/// renders HTML and collects plain text. Every pointer cmark hands out is freed before returning.
enum CommonMark {
    struct Options {
        var smartPunctuation = true
        var unsafeHTML = false
        /// The level the document's highest heading becomes, so headings nest under the page's own
        /// (a `#` in a case description sits below the page's h1 and the section's h2).
        var topHeadingLevel: Int32 = 1
    }

    struct Output {
        var html: String
        var plainText: String
        var headings: [MarkdownHeading]
        /// The plain text of the first paragraph, for excerpts and descriptions.
        var firstParagraph: String?
        /// True when the document is one paragraph (so it can be shown inline without the `<p>`).
        var isSingleParagraph: Bool
    }

    /// - Parameters:
    ///   - rewriteURL: called for every link and image destination; its result replaces the URL.
    ///   - headingID: called with each heading's plain text; its result becomes the heading's `id`.
    static func render(_ markdown: String, options: Options, rewriteURL: (String) -> String,
                       headingID: (String) -> String) -> Output {
        var flags = CMARK_OPT_VALIDATE_UTF8
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        if options.unsafeHTML { flags |= CMARK_OPT_UNSAFE }
        let parsed = markdown.withCString { cmark_parse_document($0, strlen($0), flags) }
        guard let document = parsed else {
            return Output(html: "", plainText: "", headings: [], firstParagraph: nil, isSingleParagraph: false)
        }
        defer { cmark_node_free(document) }

        var plain = ""
        var headingNodes: [(node: OpaquePointer, level: Int32, text: String)] = []
        var headingText: String?
        var paragraphText: String?
        var firstParagraph: String?
        if let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let entering = event == CMARK_EVENT_ENTER
                switch cmark_node_get_type(node) {
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    if entering {
                        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                        _ = rewriteURL(url).withCString { cmark_node_set_url(node, $0) }
                    }
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                    let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                    plain += literal
                    headingText? += literal
                    paragraphText? += literal
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    plain += " "
                    headingText? += " "
                    paragraphText? += " "
                case CMARK_NODE_HEADING:
                    if entering {
                        headingText = ""
                    } else {
                        headingNodes.append((node, cmark_node_get_heading_level(node), headingText ?? ""))
                        headingText = nil
                        plain += "\n"
                    }
                case CMARK_NODE_PARAGRAPH:
                    if entering {
                        paragraphText = ""
                    } else {
                        if firstParagraph == nil, let text = paragraphText, !text.isEmpty { firstParagraph = text }
                        paragraphText = nil
                        plain += "\n"
                    }
                default:
                    break
                }
            }
        }

        var headings: [MarkdownHeading] = []
        let shift = max(0, options.topHeadingLevel - (headingNodes.map(\.level).min() ?? 1))
        for heading in headingNodes {
            let id = headingID(heading.text)
            let level = min(6, heading.level + shift)
            headings.append(MarkdownHeading(level: Int(level), id: id, text: heading.text))
            replaceHeading(heading.node, level: level, id: id)
        }

        let first = cmark_node_first_child(document)
        let single = first != nil && cmark_node_next(first) == nil && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH
        var html = ""
        if let rendered = cmark_render_html(document, flags) {
            html = String(cString: rendered)
            free(rendered)
        }
        return Output(html: html, plainText: plain.trimmingWhitespace,
                      headings: headings, firstParagraph: firstParagraph, isSingleParagraph: single)
    }

    /// Swaps a heading for a custom block that prints `<hN id="...">` around the heading's own inline nodes,
    /// since cmark's HTML renderer has no attributes. The id is already a safe slug.
    private static func replaceHeading(_ heading: OpaquePointer, level: Int32, id: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        _ = "<h\(level) id=\"\(id)\">".withCString { cmark_node_set_on_enter(block, $0) }
        _ = "</h\(level)>".withCString { cmark_node_set_on_exit(block, $0) }
        while let child = cmark_node_first_child(heading) {
            cmark_node_unlink(child)
            if cmark_node_append_child(block, child) == 0 { cmark_node_free(child) }
        }
        if cmark_node_replace(heading, block) == 1 {
            cmark_node_free(heading)
        } else {
            cmark_node_free(block)
        }
    }
}

/// A heading found in a Markdown document, with the id it was given.
public struct MarkdownHeading: Hashable, Sendable {
    public let level: Int
    public let id: String
    public let text: String
}
