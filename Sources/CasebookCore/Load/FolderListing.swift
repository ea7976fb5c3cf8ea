#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder's entries as the system lists them, with the type each entry's folder records for it (`DT_REG`,
/// `DT_DIR`, `DT_LNK`; `DT_UNKNOWN` where the file system records none), so that callers need not `lstat` each.
enum FolderListing {
    /// The entries but "." and "..", in the system's order; nil when the folder cannot be opened.
    static func entries(of folder: String) -> [(name: String, type: Int32)]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var entries: [(name: String, type: Int32)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { String(cString: $0) }
            }
            guard name != ".", name != ".." else { continue }
            entries.append((name, Int32(entry.pointee.d_type)))
        }
        return entries
    }
}
