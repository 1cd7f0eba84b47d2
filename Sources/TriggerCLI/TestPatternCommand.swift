import ArgumentParser
import EventPattern
import Reporting
import TriggerKit
import TriggerModel

/// `triggerc test-pattern`: does each event match the rule's pattern, offline, with EventBridge's semantics.
struct TestPatternCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-pattern",
        abstract: "Test events against a manifest's event pattern (or a pattern file) offline, and say why one does not match.",
        discussion: """
            Events are whole EventBridge events as JSON (source, detail-type, detail, ...). They are data: \
            ${syslevel} in an event is not replaced. Exit 0 when every event matches, 1 when any does not.
            """)

    @Argument(help: "The trigger.yaml whose event pattern to use.")
    var manifest: String?

    @Option(help: "A pattern as a JSON file, instead of a manifest.")
    var pattern: String?

    @Option(help: "An event JSON file (repeatable).")
    var event: [String] = []

    @Option(help: "With `triggers:`, the name of the trigger to use (default: the first that has one).")
    var trigger: String?

    @Option(name: [.customShort("s"), .customLong("syslevel")], help: "The syslevel whose pattern to use.")
    var syslevel: Syslevel = .prd

    func validate() throws {
        if (manifest == nil) == (pattern == nil) { throw ValidationError("give a MANIFEST or --pattern FILE, not both") }
        if event.isEmpty { throw ValidationError("give at least one --event FILE") }
    }

    func run() throws {
        let console = Console()
        let patternValue: JSONValue
        if let manifest {
            let results = try ManifestRunner(console: console).run([manifest], syslevels: [syslevel])
            guard let result = results.first else { throw ExitCodes.ioFailure }
            let errors = result.diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty {
                console.err(TextRenderer(colour: console.colour).render(errors, sources: [result.file: result.source], fileCount: 1))
                throw ExitCodes.manifestErrors
            }
            try ManifestRunner(console: console).requireTrigger(trigger, in: result)
            guard let found = TriggerParameters.pattern(in: result, syslevel: syslevel, trigger: trigger) else {
                console.err("triggerc: error: \(result.file) has no eventPattern or filterCriteria\n")
                throw ExitCodes.manifestErrors
            }
            patternValue = found
        } else {
            patternValue = try readJSON(pattern ?? "", console: console)
            let problems = PatternValidator().validate(patternValue)
            for problem in problems {
                let severity = [.numericPrecision, .anythingButList].contains(problem.kind) ? "warning" : "error"
                console.err("\(console.displayPath(pattern ?? "")): \(severity): \(problem.path): \(problem.message)\n")
            }
            if problems.contains(where: { ![.numericPrecision, .anythingButList].contains($0.kind) }) {
                throw ExitCodes.manifestErrors
            }
        }
        var allMatch = true
        for path in event {
            let value = try readJSON(path, console: console)
            switch PatternMatcher().match(patternValue, event: value) {
            case .match:
                console.out("\(console.displayPath(path)): match\n")
            case .noMatch(let reasons):
                allMatch = false
                console.out("\(console.displayPath(path)): no match\n" + reasons.map { "  \($0)\n" }.joined())
            }
        }
        if !allMatch { throw ExitCodes.manifestErrors }
    }

    /// A JSON file; unreadable or invalid JSON ends the command with exit 2 and a positioned message.
    func readJSON(_ path: String, console: Console) throws -> JSONValue {
        let bytes: [UInt8]
        do {
            bytes = try LocalFileSystem().read(path, limit: 8 << 20)
        } catch {
            console.err("triggerc: error: cannot read \(error)\n")
            throw ExitCodes.ioFailure
        }
        do {
            return try JSONParser().parse(String(decoding: bytes, as: UTF8.self))
        } catch {
            console.err("\(console.displayPath(path)):\(error.line):\(error.column): error: invalid JSON: \(error.message)\n")
            throw ExitCodes.ioFailure
        }
    }
}
