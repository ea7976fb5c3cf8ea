#if os(Linux)
import Glibc

/// One event read from an inotify descriptor: the watch it came from, what happened, and the name of the entry
/// ("" for the watched folder itself). Read by the watch of the content (`casebook serve`, `build --watch`) and of the
/// output's trees (`TreeWatch`).
package struct InotifyEvent {
    package let watch: Int32
    package let mask: UInt32
    package let name: String

    /// The events in the first `count` bytes of `buffer`, as a `read` of the descriptor left them.
    package static func events(in buffer: [UInt8], count: Int) -> [InotifyEvent] {
        var events: [InotifyEvent] = [], offset = 0
        while offset + 16 <= count {
            let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                 raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                 Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
            }
            let name = buffer[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
            events.append(InotifyEvent(watch: watch, mask: mask, name: String(decoding: name, as: UTF8.self)))
            offset += 16 + length
        }
        return events
    }
}
#endif
