/// Values a process that exits after its build leaves for the system to reclaim at exit instead of freeing them
/// object by object: freeing a big tracker's content, graph, views and caches took 80 ms at the end of each
/// `casebook build` at N=10,000, after the site was written.
enum ExitReclaim {
    private final class Kept {
        let values: [Any]

        init(_ values: [Any]) {
            self.values = values
        }
    }

    /// Keeps `values` until the process exits, when `options` say it exits after this build.
    static func leave(_ values: Any..., when options: BuildOptions) {
        guard options.leavesMemoryToExit else { return }
        _ = Unmanaged.passRetained(Kept(values))
    }
}
