import CasebookCore

/// The panel that lays a failed build's diagnostics over the page, where the writer is looking. Styled
/// inline, as the site's stylesheet may be what is broken; every piece of text is escaped.
enum ErrorOverlay {
    static func html(_ reports: [DiagnosticReport]) -> String {
        let errors = reports.filter { $0.diagnostic.severity == .error }
        let heading = errors.count == 1 ? "Build failed: 1 error" : "Build failed: \(errors.count) errors"
        var items = ""
        for report in reports {
            let diagnostic = report.diagnostic
            let color = diagnostic.severity == .error ? "#ffb4b4" : "#ffe08a"
            items += "<li style=\"margin:0 0 1em\"><code style=\"color:#cfe3ff\">"
            items += HTML.escape(diagnostic.location?.description ?? "casebook") + "</code> "
            items += "<strong style=\"color:\(color)\">\(diagnostic.severity.rawValue):</strong> " + HTML.escape(diagnostic.message)
            if let line = report.sourceLine {
                let caret = report.caret.map { "\n" + $0 } ?? ""
                items += "<pre style=\"margin:.4em 0 0;padding:.5em;background:#000;color:#f0f0f0;overflow:auto;font:inherit\">"
                items += HTML.escape(line + caret) + "</pre>"
            }
            items += "</li>"
        }
        return """
            <div id="casebook-build-errors" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;\
            background:#141418;color:#f5f5f5;font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;\
            padding:2em"><h2 style="margin:0 0 .5em;font-size:1.4em;color:#ffb4b4">\(heading)</h2>\
            <p style="margin:0 0 1.5em">The preview keeps the last good build. This notice goes away when the \
            content builds again.</p><ol style="padding-left:1.5em">\(items)</ol></div>

            """
    }
}
