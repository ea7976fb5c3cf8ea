import Foundation

/// A data file written as one piece per item (an event's record, a quote's row) between a head and a tail, with where
/// each piece starts: a build after a prose edit makes only the edited items' pieces again and copies every other byte
/// from the file the last build made (`DataFiles`).
struct SplicedFile: Sendable {
    let path: String
    private let storage: Storage
    /// Where each item's piece starts, then where the last one ends: one more than there are items.
    let starts: [Int]
    /// A digest of the bytes, for the layout, taken once when asked for: a file a splice left as it was (the same
    /// value) keeps it, so a process that keeps its build does not digest 25 MB of unchanged downloads per save.
    private let bytesDigest: Pending<PageDigest>

    /// The file's bytes. A long-lived process keeps its spliced files whole, to splice into again. A `casebook build`
    /// maps the file the output holds and, spliced, writes it once as ranges of that file around the new pieces:
    /// reading the 40 MB of downloads an event's edit reaches at N=10,000, and copying them into new arrays, were most
    /// of that build's page faults.
    private enum Storage: Sendable {
        case whole([UInt8])
        case mapped(OpenedFile)
        case spliced(OpenedFile, [OutputFile.Piece])
    }

    init(path: String, bytes: [UInt8], starts: [Int]) {
        self.init(path: path, storage: .whole(bytes), starts: starts)
    }

    /// `digest`: taken when asked for; by default of the bytes (see `SplicedFile+Digest`).
    private init(path: String, storage: Storage, starts: [Int], digest: Pending<PageDigest>? = nil) {
        self.path = path
        self.storage = storage
        self.starts = starts
        bytesDigest = digest ?? .whenAsked {
            Self.withContiguousBytes(storage) { Self.digest(of: $0, starts: starts) }
        }
    }

    /// Calls `body` with the file's bytes in one buffer (made for a spliced file).
    private static func withContiguousBytes<Result>(_ storage: Storage, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        switch storage {
        case .whole(let bytes): bytes.withUnsafeBytes(body)
        case .mapped(let source): source.bytes.withUnsafeBytes(body)
        case .spliced: file("", storage).withBytes(body)
        }
    }

    var bytes: [UInt8] {
        switch storage {
        case .whole(let bytes): bytes
        case .mapped(let source): [UInt8](source.bytes)
        case .spliced: file.bytes
        }
    }

    var file: OutputFile { Self.file(path, storage) }

    private static func file(_ path: String, _ storage: Storage) -> OutputFile {
        switch storage {
        case .whole(let bytes): OutputFile(path: path, bytes: bytes)
        case .mapped(let source): OutputFile(path: path, splicing: source, pieces: [.kept(0..<source.bytes.count)])
        case .spliced(let source, let pieces): OutputFile(path: path, splicing: source, pieces: pieces)
        }
    }

    /// This file with the pieces of some items (by number) replaced, and its head and tail when others are given.
    func replacing(_ pieces: [Int: [UInt8]], head: [UInt8]? = nil, tail: [UInt8]? = nil) -> SplicedFile {
        let replaced = pieces.filter { $0.key >= 0 && $0.key + 1 < starts.count }.sorted { $0.key < $1.key }
        guard !replaced.isEmpty || head != nil || tail != nil else { return self }
        // What stays of the file, between the new pieces, after the new head if there is one.
        let start = head == nil ? 0 : starts[0]
        var kept: [Range<Int>] = [], copied = start
        for (item, _) in replaced {
            kept.append(copied..<starts[item])
            copied = starts[item + 1]
        }
        // Each start moves by how much the head and the pieces before it grew or shrank.
        var newStarts = starts, shift = (head?.count ?? start) - start, next = replaced[...]
        for item in starts.indices {
            newStarts[item] += shift
            if let (number, piece) = next.first, number == item {
                shift += piece.count - (starts[item + 1] - starts[item])
                next = next.dropFirst()
            }
        }
        // Where the last piece ends and the tail starts.
        let end = starts.last ?? copied
        let storage: Storage
        if case .mapped(let source) = self.storage {
            let rest: [OutputFile.Piece] = tail.map { [.kept(copied..<end), .made($0)] } ?? [.kept(copied..<source.bytes.count)]
            storage = .spliced(source, (head.map { [.made($0)] } ?? []) + zip(kept, replaced).flatMap { [.kept($0), .made($1.value)] } + rest)
        } else {
            let bytes = bytes
            var whole: [UInt8] = []
            bytes.withUnsafeBufferPointer { bytes in
                whole.reserveCapacity(bytes.count + (head?.count ?? 0) + replaced.reduce(0) { $0 + $1.value.count })
                whole += head ?? []
                for (range, (_, piece)) in zip(kept, replaced) {
                    whole += UnsafeBufferPointer(rebasing: bytes[range])
                    whole += piece
                }
                whole += UnsafeBufferPointer(rebasing: bytes[copied..<(tail == nil ? bytes.count : end)])
                whole += tail ?? []
            }
            storage = .whole(whole)
        }
        // The new digest: the old one with the terms of the parts replaced (the head is part 0, the tail the last).
        let parts = replaced.map { (part: $0.key + 1, bytes: $0.value) } + (head.map { [(part: 0, bytes: $0)] } ?? [])
            + (tail.map { [(part: starts.count, bytes: $0)] } ?? [])
        let old = self.storage, oldStarts = starts, oldDigest = bytesDigest
        let digest: Pending<PageDigest>? = if case .spliced = old { nil } else {
            .whenAsked { Self.withContiguousBytes(old) { Self.digest(replacing: parts, in: $0, starts: oldStarts, oldDigest: oldDigest.value) } }
        }
        return SplicedFile(path: path, storage: storage, starts: newStarts, digest: digest)
    }
}

extension SplicedFile {
    /// The file of `count` items with this file's head and tail unless others are given: item `number`'s piece
    /// copied from this file's item `kept(number)` when there is one, else made by `make(number)`. For an edit that
    /// moved, added or removed items, most of which say what they said.
    func rearranged(count: Int, head: [UInt8]? = nil, tail: [UInt8]? = nil, kept: (Int) -> Int?, make: (Int) -> [UInt8]) -> SplicedFile {
        let bytes = bytes
        guard let first = starts.first, let last = starts.last else { return self }
        var new = head ?? Array(bytes[..<first]), newStarts: [Int] = []
        new.reserveCapacity(bytes.count + (new.count - first) + 4_096)
        newStarts.reserveCapacity(count + 1)
        for number in 0..<count {
            newStarts.append(new.count)
            if let item = kept(number), item + 1 < starts.count {
                new += bytes[starts[item]..<starts[item + 1]]
            } else {
                new += make(number)
            }
        }
        newStarts.append(new.count)
        new += tail ?? Array(bytes[last...])
        return SplicedFile(path: path, bytes: new, starts: newStarts)
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
        guard let source = OpenedFile(path: output + "/" + layout.path),
              let last = starts.last, last <= source.bytes.count, (starts.first ?? 0) >= 0, zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 })
        else { return nil }
        self.init(path: layout.path, storage: .mapped(source), starts: starts)
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
