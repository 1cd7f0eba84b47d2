import Diagnostics
import Schedules
import TriggerModel

/// A schedule expression that is neither `cron(...)` nor `rate(...)`.
public struct ScheduleFormRule: AnalysedRule {
    public static let description = RuleDescription(
        code: .scheduleForm, name: "schedule-expression-form", severity: .error,
        summary: "scheduleExpression is neither cron(...) nor rate(...)",
        rationale: "EventBridge rules accept only cron and rate expressions (at(...) belongs to EventBridge Scheduler); "
            + "anything else fails PutRule at deploy time.",
        documentation: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html",
        triggering: [
            ScheduleSubject.example("↓every 5 minutes"),
            ScheduleSubject.example("↓at(2026-11-27T10:15:00)"),
        ],
        nonTriggering: [ScheduleSubject.example("rate(5 minutes)")])

    public init() {}

    public func check(_ analysis: TriggerAnalysis, trigger: ResolvedTrigger, manifest: ResolvedManifest) -> [Diagnostic] {
        scheduleDiagnostics(analysis, kind: .form)
    }
}
