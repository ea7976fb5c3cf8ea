import CasebookCore
import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle

/// Answers requests as a static host would — pretty URLs, `index.html` for folders, the site's 404 page,
/// no listings, nothing outside the site — plus the live-reload script and event stream.
struct PreviewResponder: Sendable {
    let state: PreviewState
    let events: LiveEvents

    func respond(to request: Request) async throws -> Response {
        let target = request.head.path ?? "/"
        if target.prefix(while: { $0 != "?" }) == LivePage.eventsPath { return eventStream() }
        guard request.method == .get || request.method == .head else {
            var headers = Self.headers(type: "text/plain; charset=utf-8")
            headers[.allow] = "GET, HEAD"
            return Response(status: .methodNotAllowed, headers: headers, body: Self.body("Method not allowed\n"))
        }
        if target.hasPrefix(LivePage.scriptPath) {
            return Response(status: .ok, headers: Self.headers(type: "text/javascript; charset=utf-8"),
                            body: Self.body(LivePage.script))
        }
        var snapshot = state.current
        if snapshot.files.isEmpty && snapshot.pending.isEmpty {
            let page = snapshot.failed ? LivePage.errorPage(snapshot) : Array("Building…\n".utf8)
            return Response(status: .serviceUnavailable, headers: Self.headers(type: ContentType.of("index.html")),
                            body: Self.body(page))
        }
        switch RequestTarget.resolve(target, basePath: snapshot.basePath, exists: { [snapshot] in
            snapshot.files[$0] != nil || snapshot.pending.contains($0)
        }) {
        case .file(let path):
            // A data file still being made after a rebuild is answered once it is made.
            while state.current.pending.contains(path) { try await Task.sleep(for: .milliseconds(5)) }
            if snapshot.pending.contains(path) { snapshot = state.current }
            return file(path, status: .ok, snapshot)
        case .redirect(let location):
            var headers = Self.headers(type: "text/plain; charset=utf-8")
            headers[.location] = location
            return Response(status: .movedPermanently, headers: headers, body: Self.body("Moved to \(location)\n"))
        case .forbidden:
            return Response(status: .forbidden, headers: Self.headers(type: "text/plain; charset=utf-8"),
                            body: Self.body("Forbidden\n"))
        case .notFound:
            if snapshot.files["404.html"] != nil { return file("404.html", status: .notFound, snapshot) }
            return Response(status: .notFound, headers: Self.headers(type: "text/plain; charset=utf-8"),
                            body: Self.body("Not found\n"))
        }
    }

    private func file(_ path: String, status: HTTPResponse.Status, _ snapshot: PreviewState.Snapshot) -> Response {
        var bytes = snapshot.files[path]?.bytes ?? []
        if path.hasSuffix(".html") { bytes = LivePage.inject(into: bytes, snapshot: snapshot) }
        return Response(status: status, headers: Self.headers(type: ContentType.of(path)), body: Self.body(bytes))
    }

    /// Server-Sent Events: a `hello` with the current build's number, then every rebuild, until the server stops.
    private func eventStream() -> Response {
        let subscription = events.subscribe()
        let generation = state.current.generation
        var headers = Self.headers(type: "text/event-stream; charset=utf-8")
        headers[.connection] = "keep-alive"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 500\nevent: hello\ndata: \(generation)\n\n"))
            // The server waits for open responses when it stops; this one ends as soon as stopping begins.
            try await withGracefulShutdownHandler {
                for await event in subscription.stream { try await writer.write(ByteBuffer(string: event.wireFormat)) }
            } onGracefulShutdown: {
                subscription.end()
            }
            try await writer.finish(nil)
        })
    }

    /// No caching: a preview page must never be stale after a rebuild.
    private static func headers(type: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        return headers
    }

    private static func body(_ text: String) -> ResponseBody { body(Array(text.utf8)) }

    private static func body(_ bytes: [UInt8]) -> ResponseBody { ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)) }
}
