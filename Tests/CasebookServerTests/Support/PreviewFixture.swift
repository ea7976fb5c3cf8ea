import CasebookServer
import Foundation
@testable import CasebookCore

/// A temp copy of the minimal fixture site served by a running preview server on an ephemeral port.
final class PreviewFixture: @unchecked Sendable {
    let root: URL
    let client: RawHTTPClient
    let siteURL: String
    private let task: Task<Void, any Error>

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A new temp folder holding copies of the minimal fixture's `Content/` and the repository's `Templates/`.
    static func copyOfMinimalSite(named prefix: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["Content": "Tests/Fixtures/minimal-site/Content", "Templates": "Templates"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(folder.value),
                                             to: root.appendingPathComponent(folder.key))
        }
        return root
    }

    init(baseURL: String? = nil, polling: Bool = false) async throws {
        root = try Self.copyOfMinimalSite(named: "casebook-serve")
        var options = PreviewServer.Options()
        options.build.content = root.appendingPathComponent("Content").path
        options.build.templates = root.appendingPathComponent("Templates").path
        options.build.output = root.appendingPathComponent("Site").path
        options.build.baseURL = baseURL
        options.port = 0
        options.polling = polling
        let server = PreviewServer(options: options, log: { _ in })
        let (ready, readyContinuation) = AsyncStream<String>.makeStream()
        task = Task { try await server.run(signals: false) { url in readyContinuation.yield(url) } }
        var iterator = ready.makeAsyncIterator()
        guard let url = await iterator.next() else { throw RawHTTPClient.Failure.connect }
        siteURL = url
        let port = Int(url.split(separator: ":").last?.prefix { $0.isNumber } ?? "") ?? 0
        client = RawHTTPClient(port: port)
    }

    func file(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// Rewrites a file by replacing text in it, as an editor's save would.
    func edit(_ relative: String, replacing old: String, with new: String) throws {
        let url = file(relative)
        let text = try String(contentsOf: url, encoding: .utf8)
        precondition(text.contains(old), "fixture text '\(old)' not found in \(relative)")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: false, encoding: .utf8)
    }

    func stop() async {
        task.cancel()
        _ = await task.result
        try? FileManager.default.removeItem(at: root)
    }
}
