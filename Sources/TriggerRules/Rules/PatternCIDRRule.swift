import Diagnostics
import EventPattern
import TriggerModel

/// A cidr match is not an IPv4 or IPv6 block with a mask below 32 or 128.
public struct PatternCIDRRule: AnalysedRule {
    public static let description = RuleDescription(
        code: .patternCIDR, name: "pattern-cidr", severity: .error,
        summary: "a cidr match is not an IPv4 or IPv6 block with a mask below 32 or 128",
        rationale: "The pattern must be `address/mask`; Ruler refuses /32 and /128 (match one address by putting it in the value list instead).",
        documentation: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-ip-matching",
        triggering: [
            RuleExample.eventQueue(pattern: "{detail: {ip: [{cidr: ↓10.0.0.1/32}]}}"),
            RuleExample.eventQueue(pattern: "{detail: {ip: [{cidr: ↓10.0.0.0}]}}"),
        ],
        nonTriggering: [
            RuleExample.eventQueue(pattern: "{detail: {ip: [{cidr: 10.0.0.0/24}, {cidr: \"2001:db8::/32\"}, 10.1.2.3]}}")
        ])

    public init() {}

    public func check(_ analysis: TriggerAnalysis, trigger: ResolvedTrigger, manifest: ResolvedManifest) -> [Diagnostic] {
        patternDiagnostics(analysis, kind: .cidr)
    }
}
