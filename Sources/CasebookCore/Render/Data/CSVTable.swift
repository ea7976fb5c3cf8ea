/// A table written as RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break.
struct CSVTable {
    let header: [String]
    var rows: [[String]] = []

    var text: String {
        ([header] + rows).map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// Quotes a field that needs it, doubling its quotes; works on UTF-8 bytes (Foundation's search and replace
    /// was most of the time spent writing a large tracker's CSV files).
    static func field(_ value: String) -> String {
        let quote = UInt8(ascii: "\"")
        guard value.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == quote || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
        else { return value }
        var bytes: [UInt8] = [quote]
        bytes.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            bytes.append(byte)
            if byte == quote { bytes.append(byte) }
        }
        bytes.append(quote)
        return String(decoding: bytes, as: UTF8.self)
    }
}
