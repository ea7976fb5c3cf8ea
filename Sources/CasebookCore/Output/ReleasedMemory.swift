/// Hands memory that was freed back to the system. glibc keeps freed blocks in per-thread arenas, where
/// another thread cannot reuse them: after a big tracker's pages (and their cards) are released, the data files
/// built next grew the process by 60 MB on top of memory nothing was using.
enum ReleasedMemory {
    static func returnToSystem() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux)
/// glibc's `malloc_trim` (in `<malloc.h>`, which the Glibc module does not export).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
