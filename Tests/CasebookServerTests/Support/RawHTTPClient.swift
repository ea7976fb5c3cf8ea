import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare HTTP/1.1 client over a socket: it sends the request target exactly as written (`/../x`), which
/// URLSession would normalise, and it can read an event stream as it arrives. Its waits run on a thread of their
/// own, not the cooperative pool: the server under test answers on that pool, which has only one thread per core.
struct RawHTTPClient: Sendable {
    let port: Int

    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: String
    }

    enum Failure: Error { case connect, timeout, malformed }

    /// Sends one request and reads the whole reply (the server closes the connection).
    func get(_ target: String, method: String = "GET") async throws -> Reply {
        try await Self.blocking { try getNow(target, method: method) }
    }

    /// Opens `/__casebook/events` and keeps reading it.
    func openEventStream() async throws -> Connection {
        try await Self.blocking {
            let connection = try Connection(port: port)
            try connection.send("GET /__casebook/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            return connection
        }
    }

    static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    private func getNow(_ target: String, method: String) throws -> Reply {
        let connection = try Connection(port: port)
        try connection.send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        let raw = try connection.readAllNow(timeout: 10)
        guard let split = raw.range(of: "\r\n\r\n") else { throw Failure.malformed }
        let head = raw[..<split.lowerBound].components(separatedBy: "\r\n")
        guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "")
        else { throw Failure.malformed }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = String(raw[split.upperBound...])
        if headers["transfer-encoding"] == "chunked" { body = Self.dechunk(body) }
        return Reply(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ text: String) -> String {
        var bytes = Array(text.utf8)[...], out: [UInt8] = []
        while let lineEnd = bytes.firstIndex(of: UInt8(ascii: "\r")),
              let size = Int(String(decoding: bytes[bytes.startIndex..<lineEnd], as: UTF8.self), radix: 16), size > 0 {
            let start = lineEnd + 2
            out += bytes[start..<min(start + size, bytes.endIndex)]
            bytes = bytes[min(start + size + 2, bytes.endIndex)...]
        }
        return String(decoding: out, as: UTF8.self)
    }

    final class Connection: @unchecked Sendable {
        private let descriptor: Int32
        private(set) var received = ""

        init(port: Int) throws {
            descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard descriptor >= 0, connected == 0 else { close(descriptor); throw Failure.connect }
        }

        deinit { close(descriptor) }

        func send(_ text: String) throws {
            let bytes = Array(text.utf8)
            guard bytes.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) == bytes.count else { throw Failure.connect }
        }

        /// Reads until the text received so far contains `marker` (counting from `after` characters in).
        @discardableResult
        func read(until marker: String, after offset: Int = 0, timeout: Double) async throws -> String {
            try await RawHTTPClient.blocking { try self.readNow(until: marker, after: offset, timeout: timeout) }
        }

        func readAll(timeout: Double) async throws -> String {
            try await RawHTTPClient.blocking { try self.readAllNow(timeout: timeout) }
        }

        private func readNow(until marker: String, after offset: Int, timeout: Double) throws -> String {
            let deadline = Date().addingTimeInterval(timeout)
            while !String(received.dropFirst(offset)).contains(marker) {
                guard Date() < deadline else { throw Failure.timeout }
                guard try readSome(deadline: deadline) else { throw Failure.timeout }
            }
            return received
        }

        fileprivate func readAllNow(timeout: Double) throws -> String {
            let deadline = Date().addingTimeInterval(timeout)
            while try readSome(deadline: deadline) {}
            return received
        }

        /// False at end of stream.
        private func readSome(deadline: Date) throws -> Bool {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let wait = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
            guard poll(&poller, 1, wait) > 0 else { throw Failure.timeout }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return false }
            received += String(decoding: buffer[..<count], as: UTF8.self)
            return true
        }
    }
}
