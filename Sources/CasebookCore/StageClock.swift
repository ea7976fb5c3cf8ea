import Foundation

/// Measures each stage's wall time for `--timings`.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var laps: [(stage: String, seconds: Double)] = []

    private(set) var peaks: [(stage: String, bytes: Int)] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        add(Double(now - last) / 1e9, to: stage)
        // Read twice, the kernel's VmHWM can go down (it is the larger of a lazily updated mark and the current
        // RSS; seen under parallel tests): the peak so far is the largest value read.
        if let peak = Self.peakResidentBytes() { peaks.append((stage, max(peak, peaks.last?.bytes ?? 0))) }
        last = now
    }

    /// `VmHWM` from /proc/self/status: the most memory the process has held so far.
    static func peakResidentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kilobytes * 1024
    }

    /// Moves time measured in one stage to another: pages are written between render batches.
    mutating func move(_ seconds: Double, from stage: String, to other: String) {
        add(-seconds, to: stage)
        add(seconds, to: other)
    }

    private mutating func add(_ seconds: Double, to stage: String) {
        if let index = laps.firstIndex(where: { $0.stage == stage }) {
            laps[index].seconds += seconds
        } else {
            laps.append((stage, seconds))
        }
    }
}
