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
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
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

    /// A destination that cannot be replaced (a directory with a file in it) fails the rename: exit 2, with the
    /// path, however many threads publish.
    @Test(arguments: ["1", "2"]) func aDestinationThatCannotBeReplacedExitsTwo(_ jobs: String) throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let blocked = output.appendingPathComponent("Examples/seed/trigger.sat.json")
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: true)
        try "keep".write(to: blocked.appendingPathComponent("inside"), atomically: false, encoding: .utf8)
        let result = try run(["compile", "Examples/seed/trigger.yaml", "--jobs", jobs, "-o", output.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("triggerc: error: cannot write \(blocked.path)"), "\(result.stderr)")
        #expect(!files(under: output).contains { $0.contains(".tmp-") }, "temporary files are removed")
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

    @Test func schemaPrintsTheCommittedSchema() throws {
        let result = try run(["schema"])
        #expect(result.status == 0)
        let committed = try String(
            contentsOf: Snapshot.packageRoot.appendingPathComponent("schema/trigger-manifest.schema.json"),
            encoding: .utf8)
        #expect(result.stdout == committed)
    }

    @Test func initWritesAStarterThatLintsCleanAndRefusesToOverwrite() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("billing-events").path
        let first = try run(["init", "--type", "snssqsdlq", target])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "wrote \(target)/trigger.yaml\nwrote \(target)/trigger-manifest.schema.json\n")
        let manifest = try String(contentsOfFile: target + "/trigger.yaml", encoding: .utf8)
        #expect(manifest.hasPrefix("# yaml-language-server: $schema=trigger-manifest.schema.json\n"))
        #expect(manifest.contains("queueName: billing-events-${syslevel}"))
        let lint = try run(["lint", "--strict", target + "/trigger.yaml"])
        #expect(lint.status == 0, "\(lint.stdout)")
        #expect(lint.stdout.hasSuffix("0 errors, 0 warnings, 1 info in 1 file\n"))

        let again = try run(["init", target])
        #expect(again.status == 1)
        #expect(again.stderr == "triggerc: error: \(target)/trigger.yaml exists; use --force to overwrite it\n")
        #expect(try String(contentsOfFile: target + "/trigger.yaml", encoding: .utf8) == manifest, "left alone")

        let forced = try run(["init", "--force", "--type", "kinesis", "--schema", "https://example.com/s.json", target])
        #expect(forced.status == 0)
        #expect(forced.stdout == "wrote \(target)/trigger.yaml\n", "with --schema no schema file is written")
        let replaced = try String(contentsOfFile: target + "/trigger.yaml", encoding: .utf8)
        #expect(replaced.hasPrefix("# yaml-language-server: $schema=https://example.com/s.json\n"))
        #expect(replaced.contains("type: kinesis"))
    }

    @Test func initRejectsAnUnknownType() throws {
        #expect(try run(["init", "--type", "sqs", "/nonexistent"]).status == 64)
    }

    @Test func graphPrintsMermaidOrDot() throws {
        let mermaid = try run(["graph", "Examples/job-queue/trigger.yaml"])
        #expect(mermaid.status == 0)
        let golden = try String(contentsOf: Snapshot.fixtures.appendingPathComponent("graphs/job-queue.mmd"), encoding: .utf8)
        #expect(mermaid.stdout == golden)
        let dot = try run(["graph", "-s", "sat", "--format", "dot", "Examples/job-queue/trigger.yaml"])
        #expect(dot.status == 0)
        #expect(dot.stdout.hasPrefix("// triggerc graph Examples/job-queue/trigger.yaml (sat)\ndigraph triggerc {\n"))
        let faulty = try run(["graph", "Tests/Fixtures/faulty/typo-key.yaml"])
        #expect(faulty.status == 1)
        #expect(faulty.stdout.isEmpty)
        #expect(faulty.stderr.contains("error[TRG101]"))
        #expect(try run(["graph", "--format", "svg", "Examples/job-queue/trigger.yaml"]).status == 64)
    }

    @Test(arguments: ["bash", "zsh", "fish"]) func completionScriptsNameTheCommands(_ shell: String) throws {
        let result = try run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        for command in ["compile", "lint", "schema", "init", "graph"] { #expect(result.stdout.contains(command)) }
    }

    @Test func everyCommandsHelpHasExamples() throws {
        for command in ["compile", "lint", "rules", "explain", "schema", "init", "graph"] {
            let help = try run(["help", command])
            #expect(help.status == 0)
            #expect(help.stdout.contains("Examples:"), "\(command)")
        }
    }

    @Test func noProgressLineWhenStderrIsNotATerminal() throws {
        let manifests = Array(repeating: "Examples/job-queue/trigger.yaml", count: 25)
        let result = try run(["lint"] + manifests)
        #expect(result.status == 0)
        #expect(!result.stderr.contains("\r"))
        #expect(!result.stdout.contains("checking"))
    }

    @Test func diffExitCodes() throws {
        let old = "Tests/Fixtures/diff/old.yaml"
        let new = "Tests/Fixtures/diff/new.yaml"
        let changed = try run(["diff", old, new, "-s", "prd"])
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(changed.stdout.contains("data loss: Queue (AWS::SQS::Queue) is replaced"))
        #expect(try run(["diff", old, new, "--exit-code"]).status == 1)
        #expect(try run(["diff", old, old, "--exit-code"]).status == 0)
        #expect(try run(["diff", "Examples/seed/trigger.yaml", "--from", "sat", "--to", "sat", "--exit-code"]).status == 0)
        #expect(try run(["diff", "Examples/seed/trigger.yaml", "--from", "sat", "--to", "prd", "--exit-code"]).status == 1)
    }

    @Test func diffUsageErrorsExit64() throws {
        #expect(try run(["diff", "Examples/seed/trigger.yaml", "--from", "sat"]).status == 64)
        #expect(try run(["diff", "Examples/seed/trigger.yaml", "--to", "prd"]).status == 64)
        #expect(try run(["diff", "Examples/seed/trigger.yaml", "-s", "prd"]).status == 64)
        #expect(try run(["diff", "a.yaml", "b.yaml", "c.yaml"]).status == 64)
        #expect(try run(["diff", "Examples/seed/trigger.yaml", "--format", "html"]).status == 64)
        #expect(try run(["resolve", "Examples/seed/trigger.yaml"]).status == 64)
        #expect(try run(["resolve", "Examples/seed/trigger.yaml", "-s", "production"]).status == 64)
    }

    @Test func diffPrintsEachFormatAsItsGoldenFile() throws {
        let arguments = ["diff", "Tests/Fixtures/diff/old.yaml", "Tests/Fixtures/diff/new.yaml"]
        for (format, file) in [("text", "old-new.txt"), ("json", "old-new.json"), ("markdown", "old-new.md")] {
            let result = try run(arguments + ["--format", format])
            #expect(result.status == 0)
            let golden = try String(contentsOf: Snapshot.fixtures.appendingPathComponent("diff/\(file)"), encoding: .utf8)
            #expect(result.stdout == golden, "\(format)")
        }
        let chain = try run(["diff", "Examples/seed/trigger.yaml"])
        let golden = try String(contentsOf: Snapshot.fixtures.appendingPathComponent("diff/seed.promotion.txt"), encoding: .utf8)
        #expect(chain.stdout == golden)
    }

    @Test func resolvePrintsTheGoldenFileAndFaultyManifestsExitOne() throws {
        for (format, suffix) in [("yaml", "yaml"), ("json", "json")] {
            let result = try run(["resolve", "Examples/seed/trigger.yaml", "-s", "prd", "--format", format])
            #expect(result.status == 0)
            let golden = try String(
                contentsOf: Snapshot.fixtures.appendingPathComponent("diff/seed.resolve.prd.\(suffix)"), encoding: .utf8)
            #expect(result.stdout == golden)
        }
        for arguments in [
            ["resolve", "Tests/Fixtures/faulty/typo-key.yaml", "-s", "prd"],
            ["diff", "Tests/Fixtures/faulty/typo-key.yaml"],
            ["diff", "Examples/seed/trigger.yaml", "Tests/Fixtures/faulty/typo-key.yaml"],
        ] {
            let result = try run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("Tests/Fixtures/faulty/typo-key.yaml:10:5: error[TRG101]"))
        }
    }
}

/// `test-pattern` and `schedule` as a user runs them; their output is golden.
@Suite(.serialized) struct PatternAndScheduleCommandTests {
    let cli = CommandLineTests()

    @Test func triggerPicksOneOfSeveralTriggers() throws {
        let schedule = try cli.run([
            "schedule", "Examples/multiple-triggers/trigger.yaml", "--trigger", "reindex",
            "--count", "2", "--after", "2026-11-27",
        ])
        #expect(schedule.status == 0)
        #expect(schedule.stdout == "2026-11-28T00:00:00Z\n2026-11-29T00:00:00Z\n")
        let unknown = try cli.run(["schedule", "Examples/multiple-triggers/trigger.yaml", "--trigger", "nightly"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("has no trigger named nightly; its triggers are uploads, reindex, backfill"))
        let pattern = try cli.run([
            "test-pattern", "Examples/multiple-triggers/trigger.yaml", "--trigger", "uploads",
            "--event", "Tests/Fixtures/patterns/s3-created-source.json",
        ])
        #expect(pattern.status == 1)
        #expect(pattern.stdout.contains("detail.bucket.name"))
    }

    @Test func testPatternWithAManifest() throws {
        let result = try cli.run([
            "test-pattern", "Examples/s3-to-fifo-function/trigger.yaml",
            "--event", "Tests/Fixtures/patterns/s3-created-source.json",
            "--event", "Tests/Fixtures/patterns/s3-created-archive.json",
        ])
        #expect(result.status == 1)
        Snapshot.assert(result.stdout, matches: "patterns/test-pattern-manifest.txt")
        let one = try cli.run([
            "test-pattern", "Examples/s3-to-fifo-function/trigger.yaml", "-s", "prd",
            "--event", "Tests/Fixtures/patterns/s3-created-source.json",
        ])
        #expect(one.status == 0)
        #expect(one.stdout == "Tests/Fixtures/patterns/s3-created-source.json: match\n")
    }

    @Test func testPatternWithAPatternFile() throws {
        let result = try cli.run([
            "test-pattern", "--pattern", "Tests/Fixtures/patterns/ec2-pattern.json",
            "--event", "Tests/Fixtures/patterns/s3-created-source.json",
        ])
        #expect(result.status == 1)
        Snapshot.assert(result.stdout, matches: "patterns/test-pattern-file.txt")
    }

    @Test func testPatternErrors() throws {
        let bad = try cli.run([
            "test-pattern", "--pattern", "Tests/Fixtures/patterns/bad.json",
            "--event", "Tests/Fixtures/patterns/s3-created-source.json",
        ])
        #expect(bad.status == 2)
        #expect(bad.stderr == "Tests/Fixtures/patterns/bad.json:2:33: error: invalid JSON: trailing comma before `]`\n")
        let missing = try cli.run(["test-pattern", "--pattern", "Tests/Fixtures/patterns/ec2-pattern.json", "--event", "no/such.json"])
        #expect(missing.status == 2)
        #expect(try cli.run(["test-pattern", "Examples/seed/trigger.yaml"]).status == 64)
        #expect(try cli.run(["test-pattern", "Examples/seed/trigger.yaml", "--pattern", "p.json", "--event", "e.json"]).status == 64)
    }

    @Test func scheduleFiringTimes() throws {
        let result = try cli.run(["schedule", "Tests/Fixtures/patterns/schedule.yaml", "--after", "2026-11-27T10:15:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        Snapshot.assert(result.stdout, matches: "patterns/schedule-prd.txt")
        let eng = try cli.run([
            "schedule", "Tests/Fixtures/patterns/schedule.yaml", "-s", "eng", "--count", "3",
            "--after", "2026-11-27T10:15:00Z",
        ])
        #expect(eng.stdout == "2026-11-30T10:15:00Z\n2026-12-01T10:15:00Z\n2026-12-02T10:15:00Z\n")
        #expect(try cli.run(["schedule", "Tests/Fixtures/patterns/schedule.yaml", "--after", "tomorrow"]).status == 64)
        #expect(try cli.run(["schedule", "Tests/Fixtures/patterns/schedule.yaml", "--count", "0"]).status == 64)
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
                try FileManager.default.createDirectory(
                    at: root.appendingPathComponent(path).deletingLastPathComponent(),
                    withIntermediateDirectories: true)
                try FileManager.default.copyItem(
                    at: examples.appendingPathComponent("\(name)/trigger.yaml"),
                    to: root.appendingPathComponent(path))
                paths.append(path)
            }
            for (path, text) in extra where copy == copies - 1 {
                try FileManager.default.createDirectory(
                    at: root.appendingPathComponent(path).deletingLastPathComponent(),
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
        #expect(
            !FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path),
            "neither files nor the directories made for them may be left")
    }
}
