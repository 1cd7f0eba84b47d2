import ArgumentParser
import TriggerKit
import TriggerModel

/// Reads each manifest and runs the pipeline on it; a file that cannot be read ends the command with exit 2.
struct ManifestRunner {
    let console: Console

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
}
