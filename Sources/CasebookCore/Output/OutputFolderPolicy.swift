import Foundation

/// Decides whether a folder may be used as the build output, since every build replaces it whole.
/// Users of other generators have wiped projects by pointing the output flag at the wrong folder.
public struct OutputFolderPolicy: Sendable {
    /// The file that marks a folder as written by Casebook.
    public static let marker = ".casebook-site"

    public let output: String
    /// The output may sit inside the project but must not be it or contain it.
    public let projectRoot: String
    /// `Content/` and `Templates/`: the output must not be, contain, or sit inside them.
    public let sourceFolders: [String]
    public let force: Bool

    public init(output: String, projectRoot: String, sourceFolders: [String], force: Bool) {
        self.output = Self.canonical(output)
        self.projectRoot = Self.canonical(projectRoot)
        self.sourceFolders = sourceFolders.map(Self.canonical)
        self.force = force
    }

    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case dangerous(String, reason: String)
        case notOurs(String)
        case notAFolder(String)

        public var description: String {
            switch self {
            case let .dangerous(path, reason):
                return "refusing to use '\(path)' as the output folder: \(reason)"
            case .notOurs(let path):
                return "refusing to replace '\(path)': it holds files Casebook did not write (no \(OutputFolderPolicy.marker) marker); "
                    + "empty it, choose another --output, or pass --force"
            case .notAFolder(let path):
                return "output path '\(path)' exists and is not a folder"
            }
        }
    }

    public func check() throws(Refusal) {
        let home = Self.canonical(NSHomeDirectory())
        if output == "/" || output == home {
            throw .dangerous(output, reason: "it is \(output == "/" ? "the file system root" : "your home folder")")
        }
        if output == projectRoot || projectRoot.hasPrefix(output + "/") {
            throw .dangerous(output, reason: "it is or contains the project folder '\(projectRoot)'")
        }
        for folder in sourceFolders {
            if output == folder || folder.hasPrefix(output + "/") {
                throw .dangerous(output, reason: "it is or contains the source folder '\(folder)'")
            }
            if output.hasPrefix(folder + "/") {
                throw .dangerous(output, reason: "it is inside the source folder '\(folder)'")
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw .notAFolder(output) }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        let visible = entries.filter { !$0.hasPrefix(".") }
        if !visible.isEmpty, !entries.contains(Self.marker), !force { throw .notOurs(output) }
    }

    static func canonical(_ path: String) -> String {
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        return standardized.count > 1 && standardized.hasSuffix("/") ? String(standardized.dropLast()) : standardized
    }
}
