import Foundation
import TestSupport
import Testing

/// Runs the built `triggerc` binary as a user would and checks exit codes, output and the files it leaves.
@Suite(.serialized) struct CommandLineTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var binary: URL {
        // `swift test` puts test bundles next to the products of the same build.
        var directory = Bundle.main.bundleURL
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("triggerc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return Snapshot.packageRoot.appendingPathComponent(".build/debug/triggerc")
    }

    func run(_ arguments: [String], in directory: URL = Snapshot.packageRoot) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("triggerc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func files(under url: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        return ((enumerator?.allObjects as? [String]) ?? []).sorted()
    }

    @Test func compileWritesFourTemplatesAndSaysWhere() throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try run(["compile", "Examples/seed/trigger.yaml", "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        for level in ["ci", "eng", "sat", "prd"] {
            let path = output.appendingPathComponent("Examples/seed/trigger.\(level).json").path
            #expect(FileManager.default.fileExists(atPath: path))
            #expect(result.stdout.contains("wrote \(path)"))
        }
        #expect(files(under: output).filter { $0.hasSuffix(".json") }.count == 4)
        #expect(!files(under: output).contains { $0.contains(".tmp-") }, "no temporary file may be left behind")
        #expect(result.stderr.contains("warning[TRG603]"))
    }

    @Test func compileOfAPathOutsideTheWorkingDirectoryStaysInsideTheOutputDirectory() throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let checkout = Snapshot.packageRoot.lastPathComponent
        let result = try run(["compile", "../\(checkout)/Examples/seed/trigger.yaml", "-s", "prd", "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(files(under: output).filter { $0.hasSuffix(".json") } == ["\(checkout)/Examples/seed/trigger.prd.json"])
    }

    @Test func compilingTwiceGivesByteIdenticalFiles() throws {
        let first = try temporaryDirectory()
        let second = try temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        #expect(try run(["compile", "Examples/s3-to-fifo-function/trigger.yaml", "-o", first.path]).status == 0)
        #expect(try run(["compile", "Examples/s3-to-fifo-function/trigger.yaml", "-o", second.path]).status == 0)
        for file in files(under: first) where file.hasSuffix(".json") {
            let a = try Data(contentsOf: first.appendingPathComponent(file))
            let b = try Data(contentsOf: second.appendingPathComponent(file))
            #expect(a == b, "\(file) differs between runs")
        }
    }

    @Test(arguments: ["typo-key", "wrong-type", "out-of-range", "yaml-syntax"])
    func aFaultyManifestExitsOneAndWritesNothing(_ name: String) throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        // The seed is valid: nothing may be written for it either when another manifest has an error.
        let result = try run(["compile", "Examples/seed/trigger.yaml", "Tests/Fixtures/faulty/\(name).yaml", "-o", output.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Tests/Fixtures/faulty/\(name).yaml:"))
        #expect(result.stderr.contains("error[TRG"))
        #expect(result.stdout.isEmpty)
        #expect(files(under: output).isEmpty, "nothing may be written when a manifest has an error")
    }

    @Test func twoManifestsWithOneOutputAreAnErrorAndWriteNothing() throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try run(["compile", "Examples/seed/trigger.yaml", "./Examples/seed/trigger.yaml", "-o", output.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("trigger.ci.json: more than one manifest compiles to it"), "\(result.stderr)")
        #expect(files(under: output).isEmpty, "\(files(under: output))")
    }

    @Test func diagnosticsPointAtTheExactLineAndColumn() throws {
        let cases: [(String, String)] = [
            ("typo-key", "Tests/Fixtures/faulty/typo-key.yaml:10:5: error[TRG101]"),
            ("wrong-type", "Tests/Fixtures/faulty/wrong-type.yaml:10:29: error[TRG103]"),
            ("out-of-range", "Tests/Fixtures/faulty/out-of-range.yaml:10:29: error[TRG104]"),
            ("yaml-syntax", "Tests/Fixtures/faulty/yaml-syntax.yaml:11:4: error[TRG001]"),
        ]
        for (name, header) in cases {
            let result = try run(["lint", "Tests/Fixtures/faulty/\(name).yaml"])
            #expect(result.status == 1)
            #expect(result.stdout.contains(header), "\(result.stdout)")
        }
    }

    @Test func stdoutPrintsOneTemplate() throws {
        let result = try run(["compile", "Examples/seed/trigger.yaml", "-s", "prd", "--stdout"])
        #expect(result.status == 0)
        let golden = try String(contentsOf: Snapshot.fixtures.appendingPathComponent("templates/seed.prd.json"), encoding: .utf8)
        #expect(result.stdout == golden)
    }

    @Test func yamlFormatWritesYAML() throws {
        let result = try run(["compile", "Examples/seed/trigger.yaml", "-s", "prd", "--stdout", "--format", "yaml"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("AWSTemplateFormatVersion: \"2010-09-09\"\n"))
        #expect(result.stdout.contains("    Type: \"AWS::SQS::Queue\""))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try run(["compile", "Examples/seed/trigger.yaml", "--stdout"]).status == 64)
        #expect(try run(["compile", "Examples/seed/trigger.yaml", "-s", "production"]).status == 64)
        #expect(try run(["lint", "--format", "xml", "Examples/seed/trigger.yaml"]).status == 64)
        #expect(try run(["frobnicate"]).status == 64)
    }

    @Test func unreadableInputsExitTwoWithAMessage() throws {
        let missing = try run(["lint", "no/such/trigger.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read no/such/trigger.yaml"))
        let directory = try run(["lint", "Examples"])
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("is a directory"))
    }

    @Test func lintFormatsAndStrict() throws {
        let json = try run(["lint", "--format", "json", "Examples/seed/trigger.yaml"])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let summary = object?["summary"] as? [String: Int]
        #expect(summary == ["errors": 0, "warnings": 1, "infos": 3])
        let github = try run(["lint", "--format", "github", "Examples/seed/trigger.yaml"])
        #expect(github.stdout.hasPrefix("::notice file=Examples/seed/trigger.yaml,line=1,col=1,"))
        #expect(github.stdout.contains("::warning file=Examples/seed/trigger.yaml,line=40,col=20,"))
        #expect(try run(["lint", "--strict", "Examples/seed/trigger.yaml"]).status == 1)
        #expect(try run(["lint", "--strict", "Examples/standard-queue/trigger.yaml"]).status == 0)
    }
}

/// Many manifests at once: checked on several threads and written in batches, with the bytes and messages of
/// a run on one thread.
@Suite(.serialized) struct ManyManifestsTests {
    let cli = CommandLineTests()

    /// A copy of every example `copies` times over (more than one batch), then `extra` files, under one directory.
    func corpus(copies: Int, extra: [String: String] = [:]) throws -> (URL, [String]) {
        let root = try cli.temporaryDirectory()
        let examples = Snapshot.packageRoot.appendingPathComponent("Examples")
        let names = try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted()
            .filter { FileManager.default.fileExists(atPath: examples.appendingPathComponent("\($0)/trigger.yaml").path) }
        var paths: [String] = []
        for copy in 0..<copies {
            for name in names {
                let path = "corpus/\(copy)-\(name)/trigger.yaml"
                try FileManager.default.createDirectory(at: root.appendingPathComponent(path).deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: examples.appendingPathComponent("\(name)/trigger.yaml"),
                                                 to: root.appendingPathComponent(path))
                paths.append(path)
            }
            for (path, text) in extra where copy == copies - 1 {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(path).deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try text.write(to: root.appendingPathComponent(path), atomically: false, encoding: .utf8)
                paths.append(path)
            }
        }
        return (root, paths)
    }

    @Test func severalThreadsWriteTheSameFilesAndMessagesAsOne() throws {
        let (root, paths) = try corpus(copies: 6)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(paths.count > 64, "the corpus must span more than one batch")
        let one = try cli.run(["compile", "--jobs", "1", "-o", "one"] + paths, in: root)
        let three = try cli.run(["compile", "--jobs", "3", "-o", "three"] + paths, in: root)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(three.status == 0)
        #expect(one.stderr == three.stderr)
        #expect(one.stdout.replacingOccurrences(of: "wrote one/", with: "wrote three/") == three.stdout)
        let files = cli.files(under: root.appendingPathComponent("one"))
        #expect(files == cli.files(under: root.appendingPathComponent("three")))
        #expect(files.filter { $0.hasSuffix(".json") }.count == paths.count * 4)
        #expect(!files.contains { $0.contains(".tmp-") })
        for file in files where file.hasSuffix(".json") {
            let a = try Data(contentsOf: root.appendingPathComponent("one/\(file)"))
            let b = try Data(contentsOf: root.appendingPathComponent("three/\(file)"))
            #expect(a == b, "\(file) differs")
        }
        let lintOne = try cli.run(["lint", "--jobs", "1", "--format", "json"] + paths, in: root)
        let lintThree = try cli.run(["lint", "--jobs", "3", "--format", "json"] + paths, in: root)
        #expect(lintOne.stdout == lintThree.stdout)
    }

    @Test func anErrorInALaterBatchLeavesNothingBehind() throws {
        let faulty = try String(contentsOf: Snapshot.fixtures.appendingPathComponent("faulty/typo-key.yaml"), encoding: .utf8)
        let (root, paths) = try corpus(copies: 6, extra: ["corpus/zz-faulty/trigger.yaml": faulty])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(paths.firstIndex(of: "corpus/zz-faulty/trigger.yaml")! > 64)
        let result = try cli.run(["compile", "--jobs", "2", "-o", "out"] + paths, in: root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("corpus/zz-faulty/trigger.yaml:10:5: error[TRG101]"))
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path),
                "neither files nor the directories made for them may be left")
    }
}
