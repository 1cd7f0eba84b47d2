import Diagnostics
import EventPattern
import TriggerModel

/// `$or` is not a list of at least two objects, names a reserved word, or expands to over 1,000 rules.
public struct PatternOrRule: AnalysedRule {
    public static let description = RuleDescription(
        code: .patternOr, name: "pattern-or", severity: .error,
        summary: "an `$or` is not a list of at least two objects, names a reserved word, or expands to over 1,000 rules",
        rationale:
            "EventBridge needs `$or` to hold two or more objects whose field names are not operator keywords, and throws InvalidEventPatternException when the `$or` arrays multiply to more than 1,000 combinations.",
        documentation: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-complex-example-or",
        triggering: [
            RuleExample.eventQueue(pattern: "{source: [a], $or: ↓[{detail-type: [b]}]}"),
            RuleExample.eventQueue(pattern: "{$or: [{source: [a]}, {↓prefix: [b]}]}"),
        ],
        nonTriggering: [
            RuleExample.eventQueue(pattern: "{source: [a], $or: [{detail-type: [b]}, {detail: {state: [c]}}]}")
        ])

    public init() {}

    public func check(_ analysis: TriggerAnalysis, trigger: ResolvedTrigger, manifest: ResolvedManifest) -> [Diagnostic] {
        patternDiagnostics(analysis, kind: .or)
    }
}
