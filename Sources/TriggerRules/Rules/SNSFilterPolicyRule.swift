import Diagnostics
import EventPattern
import TriggerModel

/// SNS filter policies on message attributes: flat, five attributes, 150 combinations, SNS's numeric range.
public struct SNSFilterPolicyRule: AnalysedRule {
    public static let description = RuleDescription(
        code: .snsFilterPolicy, name: "sns-filter-policy", severity: .error,
        summary: "the SNS filter policy breaks a limit of attribute-based filtering",
        rationale: "A filter policy on message attributes (the default FilterPolicyScope) cannot nest keys, names at "
            + "most five attributes, multiplies its value lists to at most 150 combinations, compares numbers between "
            + "-1e9 and 1e9 with five decimals, and does not document `wildcard`; SNS rejects the subscription otherwise.",
        documentation: "https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html",
        triggering: [
            snsExample("{store: [example_corp], customer: ↓{tier: [gold]}}"),
            snsExample("{a: [1], b: [1], c: [1], d: [1], e: [1], ↓f: [1]}"),
        ],
        nonTriggering: [
            snsExample("{store: [example_corp], event: [{anything-but: order_cancelled}], price_usd: [{numeric: [\">=\", 100]}]}")
        ])

    /// An `snssqsdlq` trigger with a filter policy.
    static func snsExample(_ policy: String) -> String {
        "trigger:\n  type: snssqsdlq\n  defaults:\n    queueName: orders-${syslevel}\n    dLQueueName: orders-dlq-${syslevel}\n"
            + "    topicName: orders-${syslevel}\n  parameters:\n    filterPolicy:\n      jsonValue: \(policy)\n"
    }

    public init() {}

    public func check(_ analysis: TriggerAnalysis, trigger: ResolvedTrigger, manifest: ResolvedManifest) -> [Diagnostic] {
        patternDiagnostics(analysis, kind: .snsFilterPolicy)
    }
}
