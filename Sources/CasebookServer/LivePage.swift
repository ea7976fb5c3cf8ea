import CasebookCore

/// What serve mode adds to every HTML page, and only there: the live-reload script and, while the latest
/// build has errors, the overlay that lists them. `casebook build` output never contains either.
enum LivePage {
    static let scriptPath = "/__casebook/live.js"
    static let eventsPath = "/__casebook/events"

    /// The page with the script (and the overlay when `snapshot` failed) inserted before its last `</body>`.
    static func inject(into page: [UInt8], snapshot: PreviewState.Snapshot) -> [UInt8] {
        var addition = "<script src=\"\(scriptPath)\" data-generation=\"\(snapshot.generation)\" defer></script>\n"
        if snapshot.failed { addition = ErrorOverlay.html(snapshot.diagnostics) + addition }
        let marker = Array("</body>".utf8)
        guard let end = lastRange(of: marker, in: page) else { return page + Array(addition.utf8) }
        return Array(page[..<end]) + Array(addition.utf8) + Array(page[end...])
    }

    /// A whole page for when no build has succeeded yet, so there is no page to lay the overlay on.
    static func errorPage(_ snapshot: PreviewState.Snapshot) -> [UInt8] {
        let page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Build failed · casebook serve</title></head><body></body></html>
            """
        return inject(into: Array(page.utf8), snapshot: snapshot)
    }

    private static func lastRange(of marker: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= marker.count else { return nil }
        var start = bytes.count - marker.count
        while start >= 0 {
            if bytes[start] == marker[0], Array(bytes[start..<start + marker.count]) == marker { return start }
            start -= 1
        }
        return nil
    }

    /// Reloads on `reload`, swaps stylesheets on `css`, and reloads after a reconnect that missed a build.
    static let script = """
        (() => {
          "use strict";
          const me = document.currentScript;
          let generation = me ? me.dataset.generation : null;
          const events = new EventSource("\(eventsPath)");
          events.addEventListener("hello", (event) => {
            if (generation !== null && event.data !== generation) location.reload();
          });
          events.addEventListener("reload", () => location.reload());
          events.addEventListener("css", (event) => {
            const [next, ...paths] = event.data.split(" ");
            generation = next;
            for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
              const url = new URL(link.href, location.href);
              if (paths.some((path) => url.pathname.endsWith("/" + path))) {
                url.searchParams.set("live", next);
                link.href = url.href;
              }
            }
          });
        })();

        """
}
