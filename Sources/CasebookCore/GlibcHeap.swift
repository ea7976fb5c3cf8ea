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

    /// glibc backs its heaps with 2 MiB pages only when told so as the process starts (`glibc.malloc.hugetlb=1` in
    /// `GLIBC_TUNABLES`, from glibc 2.35), and a system that grants transparent huge pages on request (`madvise`, the
    /// usual setting) otherwise gives it 4 KiB pages, a fault each: a one-event rebuild at N=10,000 took 21,000 page
    /// faults, 4,300 with the tunable, and 10 to 13 ms less of about 140 (the cold build's peak about the same). So the
    /// command, started without that setting, runs itself again with it, as it was started but for the setting; the
    /// restart costs 2.3 ms. A `glibc.malloc.hugetlb` the caller set stands; where the restart cannot help or fails, the
    /// command goes on as it is.
    public static func restartWithHugePages() {
        #if os(Linux)
        let name = "GLIBC_TUNABLES", started = getenv(name).map { String(cString: $0) }
        guard let tunables = tunables(addingHugePagesTo: started), readsHugePageTunable(String(cString: glibcVersion())),
              let mode = try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8),
              grantsHugePagesOnRequest(mode), setenv(name, tunables, 1) == 0 else { return }
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Still here: the restart failed.
        if let started { setenv(name, started, 1) } else { unsetenv(name) }
        #endif
    }

    /// `GLIBC_TUNABLES` with the huge-page tunable added; nil when it names that tunable already.
    static func tunables(addingHugePagesTo tunables: String?) -> String? {
        let setting = "glibc.malloc.hugetlb"
        guard let tunables, !tunables.isEmpty else { return setting + "=1" }
        return tunables.contains(setting) ? nil : tunables + ":" + setting + "=1"
    }

    /// Whether glibc of this version (`gnu_get_libc_version`, "2.36") reads the huge-page tunable.
    static func readsHugePageTunable(_ version: String) -> Bool {
        let parts = version.split(separator: ".").prefix(2).compactMap { Int($0) }
        guard parts.count == 2 else { return false }
        return parts[0] > 2 || parts[0] == 2 && parts[1] >= 35
    }

    /// Whether the system's transparent huge page mode (`/sys/kernel/mm/transparent_hugepage/enabled`, the chosen one
    /// in brackets) grants them to memory advised to use them, and only to that: with `always` glibc's heaps have them.
    static func grantsHugePagesOnRequest(_ mode: String) -> Bool {
        mode.contains("[madvise]")
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

// In <gnu/libc-version.h>.
@_silgen_name("gnu_get_libc_version")
private func glibcVersion() -> UnsafePointer<CChar>
#endif
