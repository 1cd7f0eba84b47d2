import Diagnostics
import EventPattern
import TriggerModel

/// A match expression has an unknown operator, several operators or an operand of the wrong type.
public struct PatternOperatorRule: AnalysedRule {
    public static let description = RuleDescription(
        code: .patternOperator, name: "pattern-operator", severity: .error,
        summary: "a match expression has an unknown operator, several operators or an operand of the wrong type",
        rationale:
            "A match expression is an object with exactly one of prefix, suffix, equals-ignore-case, wildcard, anything-but, numeric, exists or cidr, each with its own operand type; anything-but accepts a string, a number, a list of only strings or only numbers, or one of prefix, suffix, equals-ignore-case and wildcard. EventBridge rejects anything else.",
        documentation: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html",
        triggering: [
            RuleExample.eventQueue(pattern: "{source: [{↓prefx: aws.}]}"),
            RuleExample.eventQueue(pattern: "{detail: {state: [↓{prefix: a, suffix: b}]}}"),
            RuleExample.eventQueue(pattern: "{detail: {n: [{exists: ↓\"true\"}]}}"),
            RuleExample.eventQueue(pattern: "{detail: {n: [{anything-but: ↓[1, a]}]}}"),
            RuleExample.eventQueue(pattern: "{detail: {n: [{anything-but: {↓numeric: [\">\", 1]}}]}}"),
        ],
        nonTriggering: [
            RuleExample.eventQueue(
                pattern:
                    "{source: [{prefix: aws.}], detail: {state: [{anything-but: {prefix: init}}], n: [{exists: false}], k: [{suffix: {equals-ignore-case: .PNG}}]}}"
            )
        ])

    public init() {}

    public func check(_ analysis: TriggerAnalysis, trigger: ResolvedTrigger, manifest: ResolvedManifest) -> [Diagnostic] {
        patternDiagnostics(analysis, kind: .matchOperator)
    }
}
