import Diagnostics
import Schedules
import TriggerModel

/// A schedule that fires again before the function's timeout has passed.
public struct ScheduleFrequencyRule: AnalysedRule {
    public static let description = RuleDescription(
        code: .scheduleFasterThanTimeout, name: "schedule-faster-than-timeout", severity: .warning,
        summary: "the schedule fires more often than the function's timeout",
        rationale: "When the interval between firings is shorter than the function timeout, a slow run is still "
            + "going when the next one starts, so runs overlap and pile up; make the job idempotent or fire less often.",
        documentation: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html",
        triggering: [
            ScheduleSubject.example("↓rate(1 minute)", function: "name: report-${syslevel}\ntimeout: 300\nroleName: report-role"),
            ScheduleSubject.example("↓cron(0/2 * ? * MON-FRI *)", function: "name: report-${syslevel}\ntimeout: 300\nroleName: report-role"),
        ],
        nonTriggering: [
            ScheduleSubject.example("rate(5 minutes)", function: "name: report-${syslevel}\ntimeout: 300\nroleName: report-role"),
            ScheduleSubject.example("cron(0 * ? * * *)", function: "name: report-${syslevel}\ntimeout: 900\nroleName: report-role"),
        ])

    /// Where the sampled firings start; any fixed time keeps the rule pure and its result stable.
    static let sampleStart = UTCDate(year: 2026, month: 1, day: 1)

    public init() {}

    public func check(_ analysis: TriggerAnalysis, trigger: ResolvedTrigger, manifest: ResolvedManifest) -> [Diagnostic] {
        // Schedules fire at most once a minute, so a timeout of a minute or less can never be overrun.
        guard let function = manifest.function, function.timeout > 60,
            let subject = analysis.schedule, case .success(let schedule) = subject.parsed,
            // Sampling a day of firings is dear; most schedules cannot fire within a timeout at all.
            schedule.minimumInterval < function.timeout,
            let interval = schedule.shortestInterval(from: Self.sampleStart),
            interval < function.timeout
        else { return [] }
        return [
            diagnostic(
                "the schedule can fire every \(interval) seconds, less than the function timeout of \(function.timeout) seconds",
                at: subject.range,
                notes: [
                    Note(
                        "the function timeout is \(function.timeout) seconds",
                        at: function.spec.timeout?.range ?? function.spec.keyRange)
                ],
                help: "runs may overlap: fire less often, lower the timeout, or make the job safe to run concurrently")
        ]
    }
}
