#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder's entries as the system lists them, with the type the folder records for each (`DT_REG`, `DT_DIR`,
/// `DT_LNK`, ...), so that callers need not `lstat` each; on a file system that records none, looked up.
enum FolderListing {
    /// The entries but "." and "..", in the system's order; nil when the folder cannot be opened. An entry whose type
    /// cannot be learnt is `DT_UNKNOWN`.
    static func entries(of folder: String) -> [(name: String, type: Int32)]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var entries: [(name: String, type: Int32)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { String(cString: $0) }
            }
            guard name != ".", name != ".." else { continue }
            let type = Int32(entry.pointee.d_type)
            entries.append((name, type == Int32(DT_UNKNOWN) ? Self.type(of: folder + "/" + name) : type))
        }
        return entries
    }

    /// The entry's type as `readdir` gives it, from `lstat`.
    private static func type(of path: String) -> Int32 {
        var info = stat()
        guard lstat(path, &info) == 0 else { return Int32(DT_UNKNOWN) }
        return switch info.st_mode & S_IFMT {
        case S_IFREG: Int32(DT_REG)
        case S_IFDIR: Int32(DT_DIR)
        case S_IFLNK: Int32(DT_LNK)
        default: Int32(DT_UNKNOWN)
        }
    }
}
