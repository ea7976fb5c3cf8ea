import Foundation

/// Tuning of glibc's allocator for a build's allocation pattern (many threads, large short-lived strings);
/// does nothing on other systems. Peak memory at N=10,000 was mostly freed memory stranded in glibc's
/// per-thread arenas, not live data.
public enum GlibcHeap {
    /// Caps the number of arenas at one per core and one more (glibc's default is eight per core): at N=10,000 the
    /// cap cut the peak by 30 MB, and one per core without the extra one made the rendering threads queue for arena
    /// locks (the cold build 15% slower in wall time, with twice the system time). Before any thread starts;
    /// `MALLOC_ARENA_MAX` in the environment still wins.
    public static func limitArenas() {
        set(-8 /* M_ARENA_MAX */, to: max(2, ProcessInfo.processInfo.activeProcessorCount) + 1, unless: "MALLOC_ARENA_MAX")
    }

    /// For a build that exits when done: blocks of 256 KiB and more are mapped on their own and unmapped when freed
    /// (glibc otherwise raises that threshold as large blocks are freed, up to 32 MiB, after which a page's or a
    /// download's buffer stays in an arena once freed), with 16 MiB of padding when the main heap grows so that
    /// this costs no system time. A cold build's peak at N=10,000 fell from 288 to 270 MiB, its time unchanged; a
    /// long-lived process, which makes the same large buffers again on every save, keeps glibc's way.
    /// `MALLOC_MMAP_THRESHOLD_` and `MALLOC_TOP_PAD_` in the environment still win.
    public static func mapLargeBlocksAlone() {
        set(-3 /* M_MMAP_THRESHOLD */, to: 256 << 10, unless: "MALLOC_MMAP_THRESHOLD_")
        set(-2 /* M_TOP_PAD */, to: 16 << 20, unless: "MALLOC_TOP_PAD_")
    }

    private static func set(_ parameter: Int32, to value: Int, unless variable: String) {
        #if os(Linux)
        guard ProcessInfo.processInfo.environment[variable] == nil else { return }
        _ = glibcMallopt(parameter, Int32(value))
        #endif
    }

    /// Hands freed memory back to the system: after a big tracker's pages and cards are released, the data
    /// files built next otherwise grew the process by 60 MB on top of memory nothing was using.
    static func returnFreedMemory() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux)
// In <malloc.h>, which the Glibc module does not export.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32

@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
