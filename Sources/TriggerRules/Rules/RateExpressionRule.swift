import Diagnostics
import Schedules
import TriggerModel

/// A `rate(...)` expression with a bad value or unit, or the wrong number for its unit.
public struct RateExpressionRule: AnalysedRule {
    public static let description = RuleDescription(
        code: .rateExpression, name: "rate-expression", severity: .error,
        summary: "a rate expression has a bad value or unit, or a plural unit for 1 (or the reverse)",
        rationale: "A rate is a positive integer and minute(s), hour(s) or day(s); \"rate(1 hours) and rate(5 hour) "
            + "aren't valid\" (EventBridge user guide).",
        documentation: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html#eb-rate-expressions",
        triggering: [
            ScheduleSubject.example("rate(1 ↓hours)"),
            ScheduleSubject.example("rate(5 ↓hour)"),
            ScheduleSubject.example("rate(↓0 minutes)"),
            ScheduleSubject.example("rate(10 ↓seconds)"),
        ],
        nonTriggering: [ScheduleSubject.example("rate(1 day)"), ScheduleSubject.example("'rate(15 minutes)'")])

    public init() {}

    public func check(_ analysis: TriggerAnalysis, trigger: ResolvedTrigger, manifest: ResolvedManifest) -> [Diagnostic] {
        scheduleDiagnostics(analysis, kind: .rate)
    }
}
