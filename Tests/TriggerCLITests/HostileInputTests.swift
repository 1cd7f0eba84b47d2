import Foundation
import TestSupport
import Testing

/// Inputs meant to break a parser: each must end with a non-zero exit and a message (never a signal), within
/// 2 seconds, and leave no output file behind.
@Suite(.serialized) struct HostileInputTests {
    struct Outcome {
        let status: Int32
        let reason: Process.TerminationReason
        let output: String
        let seconds: Double
        let written: [String]
    }

    static let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)

    static var billionLaughs: String {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (index, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].enumerated() {
            let previous = index == 0 ? "a" : ["b", "c", "d", "e", "f", "g", "h", "i"][index - 1]
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        return text + "trigger: *i\n"
    }

    /// Name, bytes, and a fragment the message must contain.
    static let cases: [(String, [UInt8], String)] = [
        ("billion-laughs", Array(billionLaughs.utf8), "TRG006"),
        ("deep-nesting", Array(("trigger: " + deep).utf8), "TRG005"),
        ("deep-mappings", Array((String(repeating: "{a: ", count: 50_000) + String(repeating: "}", count: 50_000)).utf8), "TRG005"),
        ("huge-scalar", Array(("trigger: \"" + String(repeating: "x", count: 9 * 1024 * 1024) + "\"\n").utf8), "limit"),
        ("invalid-utf8", Array("trigger:\n  type: cwevent\n".utf8) + [0xC3, 0x28, 0xFF, 0x0A], "TRG001"),
        ("nul-byte", Array("trigger:\n  type: cw".utf8) + [0x00] + Array("event\n".utf8), "TRG001"),
        ("two-documents", Array("trigger: {type: cwevent}\n---\ntrigger: {type: cwevent}\n".utf8), "TRG003"),
        ("empty", [], "TRG003"),
        ("only-comments", Array("# nothing here\n".utf8), "TRG003"),
        ("tabs-as-indentation", Array("trigger:\n\ttype: cwevent\n".utf8), "TRG001"),
        ("scalar-root", Array("just a string\n".utf8), "TRG102"),
        ("binary-garbage", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }, "error"),
        ("undefined-alias", Array("trigger: *nothing\n".utf8), "TRG008"),
        ("self-alias", Array("trigger: &x [1, *x]\n".utf8), "TRG008"),
        ("bom-crlf-with-error", [0xEF, 0xBB, 0xBF] + Array("trigger:\r\n  type: cwevnt\r\n".utf8), ":2:9: error[TRG105]"),
    ]

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("triggerc-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Compiles `path` into `output`, killing the process if it runs longer than 10 seconds.
    func compile(_ path: String, output: URL) throws -> Outcome {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["compile", path, "-o", output.path]
        process.environment = ["NO_COLOR": "1", "PATH": "/usr/bin:/bin"]
        // A file, not a pipe: a pipe that nobody reads until the process ends would block a chatty process.
        let log = output.deletingLastPathComponent().appendingPathComponent("output.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        let start = Date()
        try process.run()
        let deadline = DispatchTime.now() + .seconds(10)
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        if done.wait(timeout: deadline) == .timedOut { process.terminate() }
        process.waitUntilExit()
        let data = (try? Data(contentsOf: log)) ?? Data()
        let written = (FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String]) ?? []
        return Outcome(
            status: process.terminationStatus, reason: process.terminationReason,
            output: String(decoding: data, as: UTF8.self), seconds: Date().timeIntervalSince(start), written: written)
    }

    @Test(arguments: cases.map(\.0))
    func hostileManifestFailsCleanly(_ name: String) throws {
        let (_, bytes, fragment) = Self.cases.first { $0.0 == name }!
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("\(name).yaml")
        try Data(bytes).write(to: file)
        let output = directory.appendingPathComponent("out")
        let outcome = try compile(file.path, output: output)
        #expect(outcome.reason == .exit, "\(name) ended by a signal")
        #expect(outcome.status != 0, "\(name) exited 0")
        #expect(outcome.output.contains(fragment), "\(name): \(outcome.output.prefix(500))")
        #expect(outcome.seconds < 2, "\(name) took \(outcome.seconds) s")
        #expect(outcome.written.isEmpty, "\(name) wrote \(outcome.written)")
    }

    @Test func pathsThatAreNotRegularFilesAreRefused() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("fifo.yaml").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let dangling = directory.appendingPathComponent("dangling.yaml").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: directory.appendingPathComponent("gone").path)
        let output = directory.appendingPathComponent("out")
        for (path, fragment) in [
            (fifo, "not a regular file"), ("/dev/zero", "not a regular file"), (directory.path, "is a directory"),
            (dangling, "No such file"), (directory.appendingPathComponent("missing.yaml").path, "No such file"),
        ] {
            let outcome = try compile(path, output: output)
            #expect(outcome.reason == .exit)
            #expect(outcome.status == 2, "\(path): \(outcome.status)")
            #expect(outcome.output.contains("cannot read") && outcome.output.contains(fragment), "\(path): \(outcome.output)")
            #expect(outcome.seconds < 2)
            #expect(outcome.written.isEmpty)
        }
    }
}
