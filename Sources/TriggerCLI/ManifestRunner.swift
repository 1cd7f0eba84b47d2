import ArgumentParser
import Diagnostics
import Reporting
import TriggerKit
import TriggerModel

/// What a command keeps of one manifest once its batch is done: diagnostics and, only when they will be
/// shown, the source; never the resolved manifest or templates, so that memory does not grow with the
/// number of manifests.
struct ManifestOutcome<Extra: Sendable>: Sendable {
    let file: String
    let diagnostics: [Diagnostic]
    let source: SourceFile?
    let hasErrors: Bool
    /// What the command's per-manifest step made of the pipeline's result (for `compile`, staged templates).
    let extra: Extra
}

/// The outcomes of every readable manifest, in argument order.
struct ManifestRun<Extra: Sendable> {
    var outcomes: [ManifestOutcome<Extra>] = []
    /// Whether a manifest could not be read; `cannot read` has been printed for each, in argument order.
    var unreadable = false
}

/// Reads manifests and runs the pipeline on them, `jobs` at a time, in batches of `batchSize`; outcomes come
/// back in argument order whatever thread ran them.
struct ManifestRunner {
    /// Enough manifests to keep every worker busy; few enough that a batch's templates stay small.
    static let batchSize = 64

    /// More manifests than this on a terminal get a progress line; fewer finish before anyone would read it.
    static let progressThreshold = 20

    let console: Console
    var jobs = 1
    /// The word of the progress line (`compiling 128/2000 ...`).
    var verb = "compiling"

    /// Runs the pipeline on every manifest. `keep` says which diagnostics to keep (the source is kept with
    /// them). `each` runs on the worker thread with each readable manifest's result and whether an earlier
    /// batch had a problem (an error, an unreadable file, or a value `failed` calls one), and what it returns
    /// is kept as the outcome's `extra`.
    func run<Extra: Sendable>(
        _ paths: [String], syslevels: [Syslevel], keep: @escaping @Sendable (Diagnostic) -> Bool = { _ in true },
        failed: (Extra) -> Bool = { _ in false },
        each: @escaping @Sendable (ManifestResult, _ afterFailure: Bool) -> Extra
    ) -> ManifestRun<Extra> {
        let pipeline = Pipeline()
        let workers = ConcurrentMap(workers: jobs)
        let directory = console.currentDirectory
        var run = ManifestRun<Extra>()
        run.outcomes.reserveCapacity(paths.count)
        var failure = false
        // Only a person watching a terminal wants it: never in a CI log or a redirected stderr.
        let progress = paths.count > Self.progressThreshold && console.stderrIsTerminal
        for start in stride(from: 0, to: paths.count, by: Self.batchSize) {
            if progress { console.err("\r\(verb) \(start)/\(paths.count) ...") }
            let batch = Array(paths[start..<min(start + Self.batchSize, paths.count)])
            let afterFailure = failure
            let results = workers.map(batch.count) { index -> Result<ManifestOutcome<Extra>, FileSystemError> in
                let bytes: [UInt8]
                do throws(FileSystemError) {
                    bytes = try LocalFileSystem().read(batch[index], limit: pipeline.limits.maxBytes)
                } catch {
                    return .failure(error)
                }
                let file = Console.displayPath(batch[index], in: directory)
                let result = pipeline.run(file: file, bytes: bytes, syslevels: syslevels)
                let diagnostics = result.diagnostics.filter(keep)
                return .success(
                    ManifestOutcome(
                        file: result.file, diagnostics: diagnostics, source: diagnostics.isEmpty ? nil : result.source,
                        hasErrors: result.hasErrors, extra: each(result, afterFailure)))
            }
            for result in results {
                switch result {
                case .success(let outcome):
                    failure = failure || outcome.hasErrors || failed(outcome.extra)
                    run.outcomes.append(outcome)
                case .failure(let error):
                    if progress { console.clearLine() }
                    console.err("triggerc: error: cannot read \(error)\n")
                    run.unreadable = true
                    failure = true
                }
            }
        }
        if progress { console.clearLine() }
        return run
    }

    /// Runs the pipeline on a few manifests one after the other and keeps every result, for the commands that
    /// report on one or two manifests; a file that cannot be read ends the command with exit 2.
    func run(_ paths: [String], syslevels: [Syslevel]) throws -> [ManifestResult] {
        let pipeline = Pipeline()
        var results: [ManifestResult] = []
        var unreadable = false
        for path in paths {
            do {
                let bytes = try LocalFileSystem().read(path, limit: pipeline.limits.maxBytes)
                results.append(pipeline.run(file: console.displayPath(path), bytes: bytes, syslevels: syslevels))
            } catch {
                console.err("triggerc: error: cannot read \(error)\n")
                unreadable = true
            }
        }
        if unreadable { throw ExitCodes.ioFailure }
        return results
    }

    /// For commands that report on valid manifests only: prints the errors and warnings of every manifest with
    /// errors to stderr, and ends the command with exit 1.
    func stopOnErrors(_ results: [ManifestResult]) throws {
        let failed = results.filter(\.hasErrors)
        guard !failed.isEmpty else { return }
        let diagnostics = failed.flatMap(\.diagnostics).filter { $0.severity != .info }
        let sources = Dictionary(failed.map { ($0.file, $0.source) }, uniquingKeysWith: { first, _ in first })
        console.err(TextRenderer(colour: console.colour).render(diagnostics, sources: sources, fileCount: failed.count))
        throw ExitCodes.manifestErrors
    }

    /// Ends the command when `--trigger` names no trigger of the manifest, listing the ones it has.
    func requireTrigger(_ name: String?, in result: ManifestResult) throws {
        guard let name, TriggerParameters.triggers(in: result, syslevel: .prd, named: name).isEmpty else { return }
        let names = TriggerParameters.names(in: result)
        console.err(
            "triggerc: error: \(result.file) has no trigger named \(name)"
                + (names.isEmpty ? " (it has a single `trigger:`)" : "; its triggers are " + names.joined(separator: ", ")) + "\n")
        throw ExitCodes.manifestErrors
    }
}
