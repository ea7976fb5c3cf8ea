/// A table written as RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break.
struct CSVTable {
    let header: [String]
    var rows: [[String]] = []

    var text: String {
        ([header] + rows).map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
