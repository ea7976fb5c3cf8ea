/// English counts and lists for labels: "1 quote", "3 quotes", "A, B and C".
enum Plural {
    static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        let many = plural ?? (noun.hasSuffix("y") ? noun.dropLast() + "ies" : noun + "s")
        return "\(n) \(n == 1 ? noun : many)"
    }

    static func list(_ items: [String], conjunction: String) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + (items.last ?? "")
        }
    }
}
