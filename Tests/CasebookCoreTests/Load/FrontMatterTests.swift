import Foundation
import Testing
@testable import CasebookCore

@Suite struct FrontMatterTests {
    @Test func splitsYAMLAndBodyKeepingLineNumbers() throws {
        let split = try FrontMatter.split("---\ntitle: A\nkind: b\n---\nBody line\nmore\n").get()
        #expect(split.yaml == "title: A\nkind: b")
        #expect(split.body == "Body line\nmore\n")
        #expect(split.bodyLine == 5)
        #expect(split.yamlLineOffset == 1)
    }

    @Test func reportsMissingAndUnterminatedFrontMatter() {
        #expect(FrontMatter.split("title: A\n") == .failure(.missing))
        #expect(FrontMatter.split("---\ntitle: A\n") == .failure(.unterminated))
        #expect(FrontMatter.split("").isFailure)
    }

    @Test func decodesUTF8DroppingByteOrderMarkAndCRLF() throws {
        let file = try TextFile.decode(Data([0xEF, 0xBB, 0xBF] + Array("a\r\nb".utf8)), path: "x").get()
        #expect(file.text == "a\nb")
        let mixed = try TextFile.decode(Data("\r\r\nx\ry\r\n\r".utf8), path: "x").get()
        #expect(mixed.text == "\r\nx\ry\n\r", "only CR LF pairs become LF; lone CRs stay")
    }

    @Test func locatesTheFirstInvalidByte() {
        let data = Data(Array("ok\nab".utf8) + [0xFF] + Array("c".utf8))
        guard case .failure(let diagnostic) = TextFile.decode(data, path: "Content/x.yml") else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.description == "Content/x.yml:2:3: error: file is not valid UTF-8")
    }
}

extension Result {
    var isFailure: Bool { !isSuccess }
}
