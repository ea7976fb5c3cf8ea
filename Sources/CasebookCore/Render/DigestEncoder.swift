/// An `Encoder` that feeds every key and value of a view model into a `DigestState` instead of building a
/// document. View models get `Encodable` synthesized, so every stored field is covered without a list to keep up.
final class DigestEncoder: Encoder {
    /// Behind a pointer: as a stored property of a class, every add paid a dynamic exclusivity check (a sixth of
    /// the time spent digesting).
    let state = UnsafeMutablePointer<DigestState>.allocate(capacity: 1)
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init() {
        state.initialize(to: DigestState())
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Tags that keep structure apart: `["a", "b"]` and `["ab"]` must not digest alike.
    enum Tag: UInt64 {
        case keyed = 1, unkeyed, single, key, nothing, string, bool, integer, float
    }

    func tag(_ tag: Tag) { state.pointee.add(tag.rawValue) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        tag(.keyed)
        return KeyedEncodingContainer(Keyed<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        tag(.unkeyed)
        return Unkeyed(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        tag(.single)
        return Single(encoder: self)
    }

    func add(_ value: String) {
        tag(.string)
        state.pointee.add(value)
    }

    func add(_ value: Bool) {
        tag(.bool)
        state.pointee.add(value ? 1 : 0)
    }

    func addInteger<Integer: BinaryInteger>(_ value: Integer) {
        tag(.integer)
        state.pointee.add(UInt64(truncatingIfNeeded: value))
    }

    /// Strings, flags and integers digest as themselves, however they arrive (in a list, say); the type is
    /// compared before any cast, as a failed dynamic cast per nested view was a visible part of a rebuild.
    func addValue<Value: Encodable>(_ value: Value) throws {
        if Value.self == String.self, let text = value as? String {
            add(text)
        } else if Value.self == Bool.self, let flag = value as? Bool {
            add(flag)
        } else if Value.self == Int.self, let number = value as? Int {
            addInteger(number)
        } else {
            try value.encode(to: self)
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: DigestEncoder
        var codingPath: [any CodingKey] { [] }

        func key(_ key: Key) {
            encoder.tag(.key)
            encoder.state.pointee.add(key.stringValue)
        }

        mutating func encodeNil(forKey key: Key) throws {
            self.key(key)
            encoder.tag(.nothing)
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            self.key(key)
            try encoder.addValue(value)
        }

        // The common fields without the generic path.
        mutating func encode(_ value: String, forKey key: Key) throws {
            self.key(key)
            encoder.add(value)
        }

        mutating func encode(_ value: Bool, forKey key: Key) throws {
            self.key(key)
            encoder.add(value)
        }

        mutating func encode(_ value: Int, forKey key: Key) throws {
            self.key(key)
            encoder.addInteger(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey> {
            self.key(key)
            return encoder.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            self.key(key)
            return encoder.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { encoder }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            self.key(key)
            return encoder
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: DigestEncoder
        var codingPath: [any CodingKey] { [] }
        var count = 0

        mutating func encodeNil() throws {
            count += 1
            encoder.tag(.nothing)
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            count += 1
            try encoder.addValue(value)
        }

        mutating func encode(_ value: String) throws {
            count += 1
            encoder.add(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            count += 1
            return encoder.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            count += 1
            return encoder.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { encoder }
    }

    struct Single: SingleValueEncodingContainer {
        let encoder: DigestEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { encoder.tag(.nothing) }
        mutating func encode(_ value: Bool) throws { encoder.add(value) }
        mutating func encode(_ value: String) throws { encoder.add(value) }
        mutating func encode(_ value: Double) throws {
            encoder.tag(.float)
            encoder.state.pointee.add(value.bitPattern)
        }
        mutating func encode(_ value: Float) throws { try encode(Double(value)) }
        mutating func encode(_ value: Int) throws { encoder.addInteger(value) }
        mutating func encode(_ value: Int8) throws { encoder.addInteger(value) }
        mutating func encode(_ value: Int16) throws { encoder.addInteger(value) }
        mutating func encode(_ value: Int32) throws { encoder.addInteger(value) }
        mutating func encode(_ value: Int64) throws { encoder.addInteger(value) }
        mutating func encode(_ value: UInt) throws { encoder.addInteger(value) }
        mutating func encode(_ value: UInt8) throws { encoder.addInteger(value) }
        mutating func encode(_ value: UInt16) throws { encoder.addInteger(value) }
        mutating func encode(_ value: UInt32) throws { encoder.addInteger(value) }
        mutating func encode(_ value: UInt64) throws { encoder.addInteger(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { try encoder.addValue(value) }
    }
}
