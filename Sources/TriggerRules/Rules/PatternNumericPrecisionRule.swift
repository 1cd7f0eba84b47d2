import Diagnostics
import EventPattern
import TriggerModel

/// A number in numeric matching is beyond ±5.0e9 or has more than 6 decimal places.
public struct PatternNumericPrecisionRule: AnalysedRule {
    public static let description = RuleDescription(
        code: .patternNumericPrecision, name: "pattern-numeric-precision", severity: .warning,
        summary: "a number in numeric matching is beyond ±5.0e9 or has more than 6 decimal places",
        rationale:
            "The EventBridge user guide limits numeric matching to -5.0e9..5.0e9 with six decimal places; Ruler has taken any double since 2024. Which limit the service enforces is unconfirmed, so this is a warning.",
        documentation: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-numeric-matching",
        triggering: [
            RuleExample.eventQueue(pattern: "{detail: {n: [{numeric: [\">\", ↓6e9]}]}}"),
            RuleExample.eventQueue(pattern: "{detail: {n: [{numeric: [\"<\", ↓0.1234567]}]}}"),
        ],
        nonTriggering: [
            RuleExample.eventQueue(pattern: "{detail: {n: [{numeric: [\">\", -5e9, \"<\", 0.123456]}]}}")
        ])

    public init() {}

    public func check(_ analysis: TriggerAnalysis, trigger: ResolvedTrigger, manifest: ResolvedManifest) -> [Diagnostic] {
        patternDiagnostics(analysis, kind: .numericPrecision)
    }
}
