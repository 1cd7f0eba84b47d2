import ArgumentParser
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
}
