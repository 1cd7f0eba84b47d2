import Diagnostics
import EventPattern
import TriggerModel

/// An event pattern over the default quota of 2,048 characters.
public struct PatternQuotaRule: AnalysedRule {
    public static let description = RuleDescription(
        code: .patternOverQuota, name: "pattern-over-default-quota", severity: .warning,
        summary: "the minified event pattern is longer than the default quota of 2,048 characters",
        rationale: "EventBridge's default event-pattern size quota is 2,048 characters; it can be raised up to the "
            + "API's 4,096 with a quota request, which the account may not have.",
        documentation: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html")

    /// The default, adjustable quota (aws-facts §1.7, §8.2).
    static let quota = 2048

    public init() {}

    public func check(_ analysis: TriggerAnalysis, trigger: ResolvedTrigger, manifest: ResolvedManifest) -> [Diagnostic] {
        analysis.patterns.filter { $0.subject.parameter == "eventPattern" }.compactMap { pattern in
            let (subject, size) = (pattern.subject, pattern.minifiedLength)
            guard size > Self.quota, size <= PatternSizeRule.limit else { return nil }
            return diagnostic(
                "the event pattern is \(size) characters minified, over the default quota of \(Self.quota)",
                at: subject.node.range, help: "request a quota increase for \"Event pattern size\", or shorten the pattern")
        }
    }
}
