import Foundation
import Testing
@testable import CasebookCore

/// A long-lived process patches its last build after a prose edit; the site must come out as a fresh build's.
@Suite struct BuildPipelinePatchTests {
    /// One change to one line of a list file.
    struct Edit {
        let file: URL
        let line: Int
        let change: (String) -> String
        /// A prose edit is patched; any other change builds the site whole.
        let prose: Bool
    }

    /// Every title, text, summary, context, disputed, wording and locator line of the timeline and quote files (every
    /// `stride`-th of them), each edited in turn on top of the edits before, with a date changed along the way and, last, a
    /// line added to a summary (moving every item below it). Each build, patched or not, equals
    /// a fresh build of the same content, file for file.
    @Test(arguments: [("Tests/Fixtures/minimal-site/Content", 1), ("Content", 11)])
    func everyProseEditIsPatchedAndEqualsAFreshBuild(content: String, stride: Int) throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (session, fresh) = try Self.sessionAndFreshBuild(of: content, in: root)

        var site = try Self.table(BuildPipeline.run(session), over: [:])
        let edits = try Self.edits(in: root.appendingPathComponent("Content"), stride: stride)
        #expect(edits.filter(\.prose).count >= 4 && edits.contains { !$0.prose })
        for edit in edits {
            var lines = try String(contentsOf: edit.file, encoding: .utf8).components(separatedBy: "\n")
            lines[edit.line] = edit.change(lines[edit.line])
            try lines.joined(separator: "\n").write(to: edit.file, atomically: true, encoding: .utf8)
            let where_ = "\(edit.file.lastPathComponent):\(edit.line + 1)"

            let patched = BuildPipeline.run(session)
            #expect(patched.exitCode == 0, "\(where_): \(patched.diagnostics.sorted.map(\.description))")
            if edit.prose {
                #expect(patched.pagesPatched.map { $0 > 0 && $0 < patched.pageCount / 2 } == true,
                        "\(where_): patched \(String(describing: patched.pagesPatched)) of \(patched.pageCount) pages")
            } else {
                #expect(patched.pagesPatched == nil, "\(where_): a change of structure builds the site whole")
            }
            site = try Self.table(patched, over: site)
            let whole = try Self.table(BuildPipeline.run(fresh), over: [:])
            #expect(site.keys.sorted() == whole.keys.sorted(), "\(where_)")
            for (path, bytes) in whole where site[path] != bytes {
                Issue.record("\(where_): \(path) differs from a fresh build's")
            }
        }
    }

    /// Options for a long-lived process's builds of a copy of `content` in `root`, and for fresh builds of that copy.
    static func sessionAndFreshBuild(of content: String, in root: URL) throws -> (session: BuildOptions, fresh: BuildOptions) {
        try FileManager.default.copyItem(atPath: Fixtures.path(content), toPath: root.appendingPathComponent("Content").path)
        var session = BuildOptions()
        session.content = root.appendingPathComponent("Content").path
        session.templates = Fixtures.templates
        session.output = root.appendingPathComponent("Site").path
        session.projectRoot = root.path
        session.write = false
        session.memory = BuildMemory()
        var fresh = session
        fresh.memory = nil
        return (session, fresh)
    }

    /// The files of a build, an unchanged one taking its bytes from the build before.
    static func table(_ result: BuildResult, over previous: [String: [UInt8]]) throws -> [String: [UInt8]] {
        try #require(result.exitCode == 0)
        var table: [String: [UInt8]] = [:]
        for file in result.files {
            table[file.path] = file.unchanged ? try #require(previous[file.path], "\(file.path) unchanged but never made") : file.bytes
        }
        return table
    }

    static func edits(in content: URL, stride: Int) throws -> [Edit] {
        var prose: [Edit] = [], structure: [Edit] = [], blocks: [Edit] = []
        for folder in ["timeline", "quotes"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent(folder).path).sorted()
            for name in files where name.hasSuffix(".yml") {
                let file = content.appendingPathComponent(folder).appendingPathComponent(name)
                let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
                for (number, line) in lines.enumerated() {
                    let field = line.drop { $0 == " " || $0 == "-" }.prefix { $0 != ":" }
                    switch field {
                    case "title", "text", "summary", "context", "disputed", "wording", "locator":
                        let value = line.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
                        if ["|", ">", "|-", ">-"].contains(value) {
                            prose.append(Edit(file: file, line: number + 1, change: { $0 + " edited" }, prose: true))
                            if folder == "timeline" { blocks.append(prose[prose.count - 1]) }
                        } else if let last = value.last, last == "\"" || last == "'" {
                            prose.append(Edit(file: file, line: number, change: { String($0.dropLast()) + " edited" + String(last) }, prose: true))
                        } else if !value.isEmpty, !value.hasPrefix("[") {
                            prose.append(Edit(file: file, line: number, change: { $0 + " edited" }, prose: true))
                        }
                    case "date" where structure.isEmpty:
                        structure.append(Edit(file: file, line: number, change: { $0.replacingOccurrences(of: "2021", with: "2019") }, prose: false))
                    default: break
                    }
                }
            }
        }
        var sampled = Swift.stride(from: 0, to: prose.count, by: stride).map { prose[$0] }
        sampled.insert(contentsOf: structure, at: sampled.count / 3)
        // A summary one line longer moves every item below it in its file: a prose edit still. Last, since it moves
        // the lines the edits before name.
        if let block = blocks.first {
            sampled.append(Edit(file: block.file, line: block.line, change: { line in
                let indent = line.prefix { $0 == " " }
                return line + "\n" + indent + "A line more."
            }, prose: true))
        }
        return sampled
    }
}

extension BuildPipelinePatchTests {
    /// A page made again by one patch and back as it was after the next: the second patch must not take the page
    /// for the one the build before last made.
    @Test func anEditUndoneIsPatchedBack() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content")
        let (session, fresh) = try Self.sessionAndFreshBuild(of: "Tests/Fixtures/minimal-site/Content", in: root)
        let edit = try #require(Self.edits(in: content, stride: 1).first { $0.prose })
        let original = try String(contentsOf: edit.file, encoding: .utf8)
        var lines = original.components(separatedBy: "\n")
        lines[edit.line] = edit.change(lines[edit.line])

        var site = try Self.table(BuildPipeline.run(session), over: [:])
        for text in [lines.joined(separator: "\n"), original] {
            try text.write(to: edit.file, atomically: true, encoding: .utf8)
            let patched = BuildPipeline.run(session)
            #expect(patched.pagesPatched != nil)
            site = try Self.table(patched, over: site)
            let whole = try Self.table(BuildPipeline.run(fresh), over: [:])
            for (path, bytes) in whole where site[path] != bytes {
                Issue.record("\(path) differs from a fresh build's")
            }
        }
    }
}
