import Diagnostics
import EventPattern
import TriggerModel

/// A numeric match is not one of [op, n] or [>/>=, low, </<=, high] with low below high.
public struct PatternNumericRule: AnalysedRule {
    public static let description = RuleDescription(
        code: .patternNumeric, name: "pattern-numeric", severity: .error,
        summary: "a numeric match is not one of [op, n] or [>/>=, low, </<=, high] with low below high",
        rationale:
            "EventBridge accepts `=`, `<`, `<=`, `>`, `>=` followed by a JSON number, or a lower bound followed by an upper bound; a range whose lower bound is not below its upper bound matches nothing and is rejected.",
        documentation: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-numeric-matching",
        triggering: [
            RuleExample.eventQueue(pattern: "{detail: {n: [{numeric: [\">\", ↓\"5\"]}]}}"),
            RuleExample.eventQueue(pattern: "{detail: {n: [{numeric: ↓[\">\", 10, \"<\", 5]}]}}"),
            RuleExample.eventQueue(pattern: "{detail: {n: [{numeric: [\"<\", 10, ↓\">\", 5]}]}}"),
        ],
        nonTriggering: [
            RuleExample.eventQueue(pattern: "{detail: {n: [{numeric: [\">\", 0, \"<=\", 5]}], m: [{numeric: [\"=\", 3.018e2]}]}}")
        ])

    public init() {}

    public func check(_ analysis: TriggerAnalysis, trigger: ResolvedTrigger, manifest: ResolvedManifest) -> [Diagnostic] {
        patternDiagnostics(analysis, kind: .numeric)
    }
}
