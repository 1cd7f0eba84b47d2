import Diagnostics
import EventPattern
import TriggerModel

/// A wildcard has two `*` in a row or an escape other than `\\*` and `\\\\`.
public struct PatternWildcardRule: AnalysedRule {
    public static let description = RuleDescription(
        code: .patternWildcard, name: "pattern-wildcard", severity: .error,
        summary: "a wildcard has two `*` in a row or an escape other than `\\*` and `\\\\`",
        rationale: "EventBridge rejects consecutive wildcard characters and any backslash escape except a literal star or a literal backslash.",
        documentation: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-wildcard-matching",
        triggering: [
            RuleExample.eventQueue(pattern: "{detail: {key: [{wildcard: \"dir/↓**/x\"}]}}"),
            RuleExample.eventQueue(pattern: "{detail: {key: [{wildcard: 'a↓\\b'}]}}"),
        ],
        nonTriggering: [
            RuleExample.eventQueue(pattern: "{detail: {key: [{wildcard: \"dir/*/x\\\\*\"}]}}")
        ])

    public init() {}

    public func check(_ analysis: TriggerAnalysis, trigger: ResolvedTrigger, manifest: ResolvedManifest) -> [Diagnostic] {
        patternDiagnostics(analysis, kind: .wildcard)
    }
}
