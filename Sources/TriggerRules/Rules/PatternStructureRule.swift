import Diagnostics
import EventPattern
import TriggerModel

/// An event pattern is not an object of objects and non-empty value lists.
public struct PatternStructureRule: AnalysedRule {
    public static let description = RuleDescription(
        code: .patternStructure, name: "pattern-structure", severity: .error,
        summary: "an event pattern is not an object of objects and non-empty value lists",
        rationale:
            "EventBridge rejects the rule at deploy time: the pattern must be an object, every field an object or a list of values, and no object or list may be empty (\"source\": \"aws.ec2\" without brackets is the usual slip).",
        documentation: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html",
        triggering: [
            RuleExample.eventQueue(pattern: "{source: ↓aws.ec2}"),
            RuleExample.eventQueue(pattern: "{source: [aws.ec2], detail: ↓{}}"),
            RuleExample.eventQueue(pattern: "{source: ↓[]}"),
            RuleExample.eventQueue(pattern: "↓[aws.ec2]"),
        ],
        nonTriggering: [
            RuleExample.eventQueue(pattern: "{source: [aws.ec2], detail: {state: [running, null, \"\"]}}")
        ])

    public init() {}

    public func check(_ analysis: TriggerAnalysis, trigger: ResolvedTrigger, manifest: ResolvedManifest) -> [Diagnostic] {
        patternDiagnostics(analysis, kind: .structure)
    }
}
