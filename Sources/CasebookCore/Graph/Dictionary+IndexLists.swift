extension Dictionary where Value == [Int] {
    /// Appends `index` to the list under `key` unless it is already its last: items are indexed in order, so one that
    /// names the same party twice is listed once, without a set made per item (50,000 of them at N=10,000).
    mutating func append(_ index: Int, under key: Key) {
        self[key, default: []].appendUnlessLast(index)
    }
}

private extension Array where Element == Int {
    mutating func appendUnlessLast(_ index: Int) {
        if last != index { append(index) }
    }
}
