import Foundation

/// Tuning of glibc's allocator for a build's allocation pattern (many threads, large short-lived strings);
/// does nothing on other systems. Peak memory at N=10,000 was mostly freed memory stranded in glibc's
/// per-thread arenas, not live data.
public enum GlibcHeap {
    /// Caps the number of arenas at one per core and one more (glibc's default is eight per core): the rendering
    /// threads, one per core, then each keep an arena of their own while the writer and the main thread share the
    /// last. At N=10,000 the cap cut the peak by 30 MB; one per core without the extra one made threads queue for
    /// arena locks (the cold build 15% slower in wall time, with twice the system time). `MALLOC_ARENA_MAX` in the
    /// environment still wins.
    public static func limitArenasToCores() {
        #if os(Linux)
        guard ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil else { return }
        _ = glibcMallopt(-8 /* M_ARENA_MAX */, Int32(max(2, ProcessInfo.processInfo.activeProcessorCount) + 1))
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
