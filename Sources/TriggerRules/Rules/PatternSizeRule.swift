import Diagnostics
import EventPattern
import TriggerModel

/// An event pattern over 4,096 characters, minified: the API and CloudFormation refuse it.
public struct PatternSizeRule: AnalysedRule {
    public static let description = RuleDescription(
        code: .patternTooLarge, name: "pattern-too-large", severity: .error,
        summary: "the minified event pattern is longer than 4,096 characters",
        rationale: "EventPattern has a maximum length of 4,096 in the EventBridge API and in AWS::Events::Rule; "
            + "CloudFormation fails the stack.",
        documentation: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-events-rule.html")

    /// The hard limit (aws-facts §1.7).
    static let limit = 4096

    public init() {}

    public func check(_ analysis: TriggerAnalysis, trigger: ResolvedTrigger, manifest: ResolvedManifest) -> [Diagnostic] {
        analysis.patterns.filter { $0.subject.parameter == "eventPattern" }.compactMap { pattern in
            let (subject, size) = (pattern.subject, pattern.minifiedLength)
            guard size > Self.limit else { return nil }
            return diagnostic(
                "the event pattern is \(size) characters minified, over EventBridge's limit of \(Self.limit)",
                at: subject.node.range, help: "split it into several rules, or move values into `$or` branches of another rule")
        }
    }
}
