/// A data file written as one piece per item (an event's record, a quote's row) between a head and a tail, with where
/// each piece starts: a long-lived process's build after a prose edit makes only the edited items' pieces again and
/// copies every other byte from the file its last build made (`DataFiles`).
struct SplicedFile: Sendable {
    let path: String
    let bytes: [UInt8]
    /// Where each item's piece starts, then where the last one ends: one more than there are items.
    let starts: [Int]
    /// A digest of the bytes, for the layout, taken once when asked for: a file a splice left as it was (the same
    /// value) keeps it, so a process that keeps its build does not digest 25 MB of unchanged downloads per save.
    private let bytesDigest: Pending<PageDigest>

    init(path: String, bytes: [UInt8], starts: [Int]) {
        self.path = path
        self.bytes = bytes
        self.starts = starts
        bytesDigest = .whenAsked {
            bytes.withUnsafeBytes { bytes in
                var state = DigestState()
                state.add(bytes)
                return state.digest
            }
        }
    }

    var file: OutputFile { OutputFile(path: path, bytes: bytes) }

    /// This file with the pieces of some items (by number) replaced.
    func replacing(_ pieces: [Int: [UInt8]]) -> SplicedFile {
        let replaced = pieces.filter { $0.key >= 0 && $0.key + 1 < starts.count }.sorted { $0.key < $1.key }
        guard !replaced.isEmpty else { return self }
        var spliced: [UInt8] = []
        spliced.reserveCapacity(bytes.count + replaced.reduce(0) { $0 + $1.value.count })
        var copied = 0
        for (item, piece) in replaced {
            spliced += bytes[copied..<starts[item]]
            spliced += piece
            copied = starts[item + 1]
        }
        spliced += bytes[copied...]
        // Each start moves by how much the pieces before it grew or shrank.
        var newStarts = starts, shift = 0, next = replaced[...]
        for item in starts.indices {
            newStarts[item] += shift
            if let (number, piece) = next.first, number == item {
                shift += piece.count - (starts[item + 1] - starts[item])
                next = next.dropFirst()
            }
        }
        return SplicedFile(path: path, bytes: spliced, starts: newStarts)
    }
}

extension SplicedFile {
    /// Where the pieces of a spliced file lie, with a digest of the file's bytes: a later `casebook build` after a
    /// prose edit splices into the file the output holds (`LedgerFile`) only while it is exactly as written. (Its
    /// stamp would not do: a file changed by hand and then kept, unchanged by digest, would be stamped again.)
    struct Layout: Sendable, Equatable {
        let path: String
        let starts: [Int]
        let digest: PageDigest
    }

    /// This file's layout.
    var layout: Layout {
        Layout(path: path, starts: starts, digest: bytesDigest.value)
    }

    /// The file at `layout.path` in `output`, when it holds exactly the bytes the layout was taken of and the pieces
    /// fit in them (a damaged cache file must not splice out of bounds).
    init?(_ layout: Layout, in output: String) {
        let starts = layout.starts
        guard let bytes = FileBytes.read(output + "/" + layout.path), let last = starts.last, last <= bytes.count, (starts.first ?? 0) >= 0,
              zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 })
        else { return nil }
        self.init(path: layout.path, bytes: bytes, starts: starts)
        guard self.layout == layout else { return nil }
    }
}

extension SplicedFile {
    /// The layouts of the spliced files a build made or kept, by path, noted from whichever core made the file.
    final class Layouts: Sendable {
        private let byPath = LockedCache<[String: Layout]>([:])

        /// Notes the file's layout and gives the file to write.
        @discardableResult
        func keep(_ file: SplicedFile) -> OutputFile {
            keep(file.layout)
            return file.file
        }

        func keep(_ layout: Layout) {
            byPath.withLock { $0[layout.path] = layout }
        }

        var all: [String: Layout] { byPath.withLock { $0 } }
    }
}
