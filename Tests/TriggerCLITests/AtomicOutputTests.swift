import Foundation
import TestSupport
import Testing

/// A template file is either absent or complete: never torn by a kill, never mixed by two concurrent runs.
@Suite(.serialized) struct AtomicOutputTests {
    static let examples = Snapshot.examples()

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("triggerc-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func compileProcess(into output: URL) -> Process {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["compile"] + Self.examples + ["-o", output.path]
        process.currentDirectoryURL = Snapshot.packageRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
    }

    /// Every visible file under `output` must equal its golden template byte for byte.
    func expectOnlyCompleteTemplates(in output: URL, _ context: String) throws -> Int {
        let files = (FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String]) ?? []
        var complete = 0
        for file in files where file.hasSuffix(".json") {
            let name = (file as NSString).lastPathComponent
            #expect(!name.hasPrefix("."), "\(context): a temporary file has a template's name: \(file)")
            // Examples/<example>/trigger.<syslevel>.json -> templates/<example>.<syslevel>.json
            let parts = file.split(separator: "/")
            let example = parts[parts.count - 2]
            let syslevel = name.split(separator: ".")[1]
            let golden = try Data(contentsOf: Snapshot.fixtures.appendingPathComponent("templates/\(example).\(syslevel).json"))
            let written = try Data(contentsOf: output.appendingPathComponent(file))
            #expect(written == golden, "\(context): \(file) is torn or wrong (\(written.count) of \(golden.count) bytes)")
            complete += 1
        }
        return complete
    }

    @Test func killingCompileAtRandomMomentsNeverLeavesAPartialTemplate() throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        var generator = SystemRandomNumberGenerator()
        var sawPartialRuns = 0
        for attempt in 0..<25 {
            let process = compileProcess(into: output)
            try process.run()
            usleep(UInt32.random(in: 0...40_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let complete = try expectOnlyCompleteTemplates(in: output, "attempt \(attempt)")
            if complete < Self.examples.count * 4 { sawPartialRuns += 1 }
        }
        // A run that finishes before the kill proves nothing about torn files; most runs must have been cut.
        #expect(sawPartialRuns > 0, "every run finished before it was killed; the test did not interrupt anything")
    }

    @Test func twoConcurrentCompilesIntoOneDirectoryNeverTearAFile() throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        for round in 0..<5 {
            let first = compileProcess(into: output)
            let second = compileProcess(into: output)
            try first.run()
            try second.run()
            first.waitUntilExit()
            second.waitUntilExit()
            #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
            let complete = try expectOnlyCompleteTemplates(in: output, "round \(round)")
            #expect(complete == Self.examples.count * 4)
        }
        let leftovers = ((FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String]) ?? [])
            .filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "temporary files left behind: \(leftovers)")
    }
}
