import ArgumentParser

/// `-j/--jobs N`, shared by the commands that run over many manifests.
struct JobsOption: ParsableArguments {
    @Option(
        name: [.customShort("j"), .customLong("jobs")],
        help: "How many manifests to check at a time (default: the number of processors).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func resolved(_ console: Console) -> Int { jobs ?? console.processorCount }
}
