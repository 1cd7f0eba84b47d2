import ArgumentParser
import Diagnostics
import Reporting
import TriggerKit
import TriggerModel

/// Reads each manifest and runs the pipeline on it; a file that cannot be read ends the command with exit 2.
struct ManifestRunner {
    let console: Console
    /// The word of the progress line (`compiling 120/2000 ...`).
    var verb = "compiling"

    /// More manifests than this on a terminal get a progress line; fewer finish before anyone would read it.
    static let progressThreshold = 20

    func run(_ paths: [String], syslevels: [Syslevel]) throws -> [ManifestResult] {
        let pipeline = Pipeline()
        var results: [ManifestResult] = []
        var unreadable = false
        // Only a person watching a terminal wants it: never in a CI log or a redirected stderr.
        let progress = paths.count > Self.progressThreshold && console.stderrIsTerminal
        for (index, path) in paths.enumerated() {
            if progress { console.err("\r\(verb) \(index + 1)/\(paths.count) ...") }
            do {
                let bytes = try LocalFileSystem().read(path, limit: pipeline.limits.maxBytes)
                results.append(pipeline.run(file: console.displayPath(path), bytes: bytes, syslevels: syslevels))
            } catch {
                if progress { console.clearLine() }
                console.err("triggerc: error: cannot read \(error)\n")
                unreadable = true
            }
        }
        if progress { console.clearLine() }
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
}

extension ManifestRunner {
    /// Ends the command when `--trigger` names no trigger of the manifest, listing the ones it has.
    func requireTrigger(_ name: String?, in result: ManifestResult) throws {
        guard let name, TriggerParameters.triggers(in: result, syslevel: .prd, named: name).isEmpty else { return }
        let names = TriggerParameters.names(in: result)
        console.err("triggerc: error: \(result.file) has no trigger named \(name)"
            + (names.isEmpty ? " (it has a single `trigger:`)" : "; its triggers are " + names.joined(separator: ", ")) + "\n")
        throw ExitCodes.manifestErrors
    }
}
