/// JSON laid out byte for byte as `JSONEncoder` with `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes` lays it
/// out (two-space indent, `"key" : value`, an empty list as `[` and `]` around a blank line), written straight into
/// UTF-8 bytes. Encoding the N=10,000 timeline download through `JSONEncoder` took half a second on one core, the
/// longest single job of a build. Callers write an object's keys in sorted order; `DataRecords+JSON` does.
struct PrettyJSON {
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Whether the innermost open object or list has no member yet.
    private var empty = true

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// A writer for a piece of a document: what goes in a container `depth` deep, with or without members before.
    init(depth: Int, empty: Bool) {
        self.depth = depth
        self.empty = empty
    }

    mutating func object(_ members: (inout PrettyJSON) -> Void) {
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), members)
    }

    mutating func list(_ items: (inout PrettyJSON) -> Void) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), items)
    }

    /// A list of strings.
    mutating func list(_ strings: [String]) {
        list { json in
            for string in strings { json.item(string) }
        }
    }

    /// Starts the next member of an object; its value follows.
    mutating func key(_ name: String) {
        newMember()
        JSONText.append(name, htmlSafe: false, to: &bytes)
        bytes += " : ".utf8
    }

    mutating func field(_ name: String, _ string: String) {
        key(name)
        value(string)
    }

    /// A field `JSONEncoder` leaves out when the value is nil, as synthesized `Encodable` does.
    mutating func field(_ name: String, _ value: String?) {
        if let value { field(name, value) }
    }

    mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bytes += (value ? "true" : "false").utf8
    }

    mutating func field(_ name: String, _ strings: [String]) {
        key(name)
        list(strings)
    }

    /// A string as the next item of a list.
    mutating func item(_ string: String) {
        newMember()
        value(string)
    }

    /// A string where a value is due: after `key` or `nextItem`.
    mutating func value(_ string: String) {
        JSONText.append(string, htmlSafe: false, to: &bytes)
    }

    /// Starts the next item of a list; its value follows.
    mutating func nextItem() {
        newMember()
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout PrettyJSON) -> Void) {
        bytes.append(open)
        let outer = empty
        depth += 1
        empty = true
        body(&self)
        depth -= 1
        if empty { bytes.append(UInt8(ascii: "\n")) }
        newLine()
        bytes.append(close)
        empty = outer
    }

    private mutating func newMember() {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        newLine()
    }

    private mutating func newLine() {
        bytes.append(UInt8(ascii: "\n"))
        bytes += repeatElement(UInt8(ascii: " "), count: depth * 2)
    }
}
