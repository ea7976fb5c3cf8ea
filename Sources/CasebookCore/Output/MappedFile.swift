import Foundation

/// Files Casebook wrote itself (its cache files, the output's downloads), mapped into memory rather than read: it only
/// ever creates such a file anew, appends to it or replaces it through a rename, never truncates one in place, so the
/// mapped bytes stay as they were for as long as a build reads them. (The one file it writes over in place is a spare
/// tree's own stale copy, `SiteWriter.rewrite`: never one the live output shares, and only the output's are mapped.)
enum MappedFile {
    /// The file's bytes; nil when it cannot be opened.
    static func contents(of path: String) -> Data? {
        try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    }

    /// The bytes of a file that starts with `header`, and where what follows the header begins; nil when the file is
    /// missing or starts otherwise (written by another binary, for another folder or in another format).
    static func contents(of path: String, header: String) -> (bytes: Data, body: Int)? {
        guard let data = contents(of: path), data.starts(with: header.utf8) else { return nil }
        return (data, header.utf8.count)
    }
}
