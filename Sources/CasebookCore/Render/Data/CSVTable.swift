/// A table written as RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break.
struct CSVTable {
    let header: [String]
    var rows: [[String]] = []

    /// The table as UTF-8, written byte by byte: joining a string per field and per row was most of the time of
    /// the N=10,000 timeline download (11 MB), the longest job left at the end of a build.
    var bytes: [UInt8] { file("").bytes }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The table as a file with one piece per row after the header.
    func file(_ path: String) -> SplicedFile {
        var csv: [UInt8] = [], starts: [Int] = []
        csv.reserveCapacity(rows.count * 512)
        starts.reserveCapacity(rows.count + 1)
        Self.append(row: header, to: &csv)
        for row in rows {
            starts.append(csv.count)
            Self.append(row: row, to: &csv)
        }
        starts.append(csv.count)
        return SplicedFile(path: path, bytes: csv, starts: starts)
    }

    /// One row's piece of such a file.
    static func piece(_ row: [String]) -> [UInt8] {
        var csv: [UInt8] = []
        append(row: row, to: &csv)
        return csv
    }

    private static func append(row: [String], to csv: inout [UInt8]) {
        for (index, field) in row.enumerated() {
            if index > 0 { csv.append(UInt8(ascii: ",")) }
            append(field, to: &csv)
        }
        csv += [0x0D, 0x0A]
    }

    /// Whether a field holds a comma, quote or line break, eight bytes at a time.
    private static func needsQuotes(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = ByteWord(bytes, at: offset)
            if word.holds(UInt8(ascii: ",")) || word.holds(UInt8(ascii: "\"")) || word.holds(0x0A) || word.holds(0x0D) { return true }
            offset += 8
        }
        return bytes[offset...].contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
    }

    /// Appends a field, quoted when it needs it, with its quotes doubled.
    private static func append(_ field: String, to csv: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        var field = field
        field.withUTF8 { bytes in
            guard needsQuotes(UnsafeRawBufferPointer(bytes)) else {
                csv += bytes
                return
            }
            csv.append(quote)
            for byte in bytes {
                csv.append(byte)
                if byte == quote { csv.append(byte) }
            }
            csv.append(quote)
        }
    }
}
