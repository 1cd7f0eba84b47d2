import Diagnostics
import EventPattern
import TriggerModel

/// `anything-but` holds a list of prefixes, suffixes, case-insensitive values or wildcards.
public struct PatternAnythingButListRule: AnalysedRule {
    public static let description = RuleDescription(
        code: .patternAnythingButList, name: "pattern-anything-but-list", severity: .warning,
        summary: "an `anything-but` holds a list of prefixes, suffixes, case-insensitive values or wildcards",
        rationale:
            "Ruler's README documents these lists, but the EventBridge user guide says anything-but prefix works with a single value only and the live operator page shows single values; verify such a pattern with TestEventPattern.",
        documentation: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-anything-but",
        triggering: [
            RuleExample.eventQueue(pattern: "{detail: {state: [{anything-but: {prefix: ↓[init, pend]}}]}}")
        ],
        nonTriggering: [
            RuleExample.eventQueue(pattern: "{detail: {state: [{anything-but: {prefix: init}}, {anything-but: [a, b]}]}}")
        ])

    public init() {}

    public func check(_ analysis: TriggerAnalysis, trigger: ResolvedTrigger, manifest: ResolvedManifest) -> [Diagnostic] {
        patternDiagnostics(analysis, kind: .anythingButList)
    }
}
