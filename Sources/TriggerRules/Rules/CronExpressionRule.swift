import Diagnostics
import Schedules
import TriggerModel

/// A `cron(...)` expression with a wrong field count, value, wildcard or day-of-month / day-of-week combination.
public struct CronExpressionRule: AnalysedRule {
    public static let description = RuleDescription(
        code: .cronExpression, name: "cron-expression", severity: .error,
        summary: "a cron expression breaks EventBridge's six-field grammar",
        rationale: "EventBridge cron has six fields (minutes, hours, day-of-month, month, day-of-week, year) with "
            + "fixed ranges and wildcards, and exactly one of day-of-month and day-of-week must be `?`; PutRule "
            + "rejects anything else.",
        documentation: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html#eb-cron-expressions",
        triggering: [
            ScheduleSubject.example("↓cron(0 10 * * ?)"),
            ScheduleSubject.example("cron(0 ↓24 * * ? *)"),
            ScheduleSubject.example("cron(0 10 ↓* * MON *)"),
            ScheduleSubject.example("\"cron(0 10 ? * ↓MON/2 *)\""),
            ScheduleSubject.example("cron(0 10 ? * ↓2#1,6#3 *)"),
        ],
        nonTriggering: [
            ScheduleSubject.example("cron(0/15 8-17 ? * MON-FRI *)"),
            ScheduleSubject.example("cron(0 12 L * ? 2026-2030)"),
            ScheduleSubject.example("cron(30 9 ? JAN,JUL 6L *)"),
            ScheduleSubject.example("cron(0 0 ? * 3#2 *)"),
            ScheduleSubject.example("cron(0 8 15W * ? *)"),
        ])

    public init() {}

    public func check(_ analysis: TriggerAnalysis, trigger: ResolvedTrigger, manifest: ResolvedManifest) -> [Diagnostic] {
        scheduleDiagnostics(analysis, kind: .cron)
    }
}
