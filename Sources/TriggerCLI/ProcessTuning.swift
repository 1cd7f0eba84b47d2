#if os(Linux)
    import CMalloc
#endif

/// Settings of the process that serve a command-line run over many manifests.
public enum ProcessTuning {
    /// glibc's malloc returns memory to the kernel whenever 128 KiB at the top of a heap are free, and hands out
    /// blocks from 128 KiB up (adjusted as it goes) as fresh mappings. A compile frees and allocates a manifest's
    /// worth of memory thousands of times, so the same pages were faulted in and zeroed again and again: 11,000
    /// to 26,000 minor faults for 2,000 manifests, with peak memory under 20 MiB. A short-lived process keeps
    /// what it freed instead (docs/performance.md); peak memory does not change.
    public static func keepFreedMemory() {
        #if os(Linux)
            _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
            _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        #endif
    }
}
