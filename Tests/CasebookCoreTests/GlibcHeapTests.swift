import Testing
@testable import CasebookCore

/// When the command restarts itself to have glibc back its heaps with huge pages.
struct GlibcHeapTests {
    @Test func addsTheHugePageTunableToWhatTheCallerSet() {
        #expect(GlibcHeap.tunables(addingHugePagesTo: nil) == "glibc.malloc.hugetlb=1")
        #expect(GlibcHeap.tunables(addingHugePagesTo: "") == "glibc.malloc.hugetlb=1")
        #expect(GlibcHeap.tunables(addingHugePagesTo: "glibc.malloc.arena_max=2") == "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1")
    }

    /// A setting of the tunable, whatever its value, is the caller's choice, and a restarted process has it: no restart.
    @Test func leavesATunableTheCallerSetAsItIs() {
        #expect(GlibcHeap.tunables(addingHugePagesTo: "glibc.malloc.hugetlb=0") == nil)
        #expect(GlibcHeap.tunables(addingHugePagesTo: "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1") == nil)
    }

    @Test func restartsOnlyForAGlibcThatReadsTheTunable() {
        #expect(GlibcHeap.readsHugePageTunable("2.35") && GlibcHeap.readsHugePageTunable("2.36") && GlibcHeap.readsHugePageTunable("3.0"))
        #expect(!GlibcHeap.readsHugePageTunable("2.34") && !GlibcHeap.readsHugePageTunable("2.9") && !GlibcHeap.readsHugePageTunable("unknown"))
    }

    /// With `always`, the heaps have huge pages already; with `never`, they cannot.
    @Test func restartsOnlyWhereHugePagesAreGrantedOnRequest() {
        #expect(GlibcHeap.grantsHugePagesOnRequest("always [madvise] never\n"))
        #expect(!GlibcHeap.grantsHugePagesOnRequest("[always] madvise never\n"))
        #expect(!GlibcHeap.grantsHugePagesOnRequest("always madvise [never]\n"))
    }
}
