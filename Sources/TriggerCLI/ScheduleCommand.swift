import ArgumentParser
import Reporting
import Schedules
import TriggerKit
import TriggerModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `triggerc schedule`: the next firing times of a schedule trigger, in UTC.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Print the next firing times (UTC, ISO 8601) of a manifest's scheduleExpression.",
        discussion: """
            A rate schedule starts when its rule is created; its times are counted from --after (default: now).
            """)

    @Argument(help: "The trigger.yaml with a scheduleExpression.")
    var manifest: String

    @Option(help: "With `triggers:`, the name of the trigger to use (default: the first that has one).")
    var trigger: String?

    @Option(name: [.customShort("s"), .customLong("syslevel")], help: "The syslevel whose schedule to use.")
    var syslevel: Syslevel = .prd

    @Option(help: "How many firing times to print.")
    var count = 10

    @Option(help: "Print times after this one (YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD); default now.")
    var after: String?

    func validate() throws {
        guard (1...10_000).contains(count) else { throw ValidationError("--count must be between 1 and 10000") }
        if let after, UTCDate.parse(after) == nil {
            throw ValidationError("--after must look like 2026-11-27T10:15:00Z or 2026-11-27, found \"\(after)\"")
        }
    }

    func run() throws {
        let console = Console()
        let results = try ManifestRunner(console: console).run([manifest], syslevels: [syslevel])
        guard let result = results.first else { throw ExitCodes.ioFailure }
        let scheduleCodes: Set<String> = ["TRG501", "TRG502", "TRG503"]
        let blocking = result.diagnostics.filter {
            $0.severity == .error && (result.resolved.isEmpty || scheduleCodes.contains($0.code.rawValue))
        }
        if !blocking.isEmpty {
            console.err(TextRenderer(colour: console.colour).render(blocking, sources: [result.file: result.source], fileCount: 1))
            throw ExitCodes.manifestErrors
        }
        try ManifestRunner(console: console).requireTrigger(trigger, in: result)
        guard let text = TriggerParameters.schedule(in: result, syslevel: syslevel, trigger: trigger),
            case .success(let schedule) = ScheduleExpression.parse(text)
        else {
            console.err("triggerc: error: \(result.file) has no scheduleExpression for \(syslevel.rawValue)\n")
            throw ExitCodes.manifestErrors
        }
        let start = after.flatMap(UTCDate.parse) ?? UTCDate(minutesSinceEpoch: Int(time(nil)) / 60)
        if case .rate = schedule {
            console.err("note: a rate schedule starts when its rule is created; these times count from \(start)\n")
        }
        let times = schedule.firings(after: start, count: count)
        console.out(times.map { "\($0)\n" }.joined())
        if times.count < count {
            console.err("note: the schedule fires only \(times.count) more times before the end of 2199\n")
        }
    }
}
