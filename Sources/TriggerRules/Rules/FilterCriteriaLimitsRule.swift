import Diagnostics
import EventPattern
import TriggerModel

/// Lambda event-source-mapping filters: at most 20, each at most 4,096 characters.
public struct FilterCriteriaLimitsRule: AnalysedRule {
    public static let description = RuleDescription(
        code: .filterCriteriaLimits, name: "filter-criteria-limits", severity: .error,
        summary: "filterCriteria has more than 20 filters or a filter longer than 4,096 characters",
        rationale: "AWS::Lambda::EventSourceMapping FilterCriteria.Filters holds at most 20 patterns of at most "
            + "4,096 characters each (the resource schema); the grammar is EventBridge's and the other pattern rules check it.",
        documentation: "https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html",
        triggering: [
            RuleExample.eventQueue() + "    filterCriteria:\n      jsonValue: ["
                + (1...20).map { "{body: {n: [\($0)]}}, " }.joined() + "↓{body: {n: [21]}}]\n"
        ],
        nonTriggering: [
            RuleExample.eventQueue() + "    filterCriteria:\n      jsonValue: [{body: {kind: [order]}}, {body: {kind: [refund]}}]\n",
            RuleExample.eventQueue() + "    filterCriteria:\n      jsonValue: {body: {kind: [order]}}\n",
        ])

    static let maxFilters = 20
    static let maxLength = 4096

    public init() {}

    public func check(_ analysis: TriggerAnalysis, trigger: ResolvedTrigger, manifest: ResolvedManifest) -> [Diagnostic] {
        let filters = analysis.patterns.filter { $0.subject.parameter == "filterCriteria" }
        var found: [Diagnostic] = []
        if filters.count > Self.maxFilters {
            found.append(
                diagnostic(
                    "filterCriteria holds \(filters.count) filters; an event source mapping takes at most \(Self.maxFilters)",
                    at: filters[Self.maxFilters].subject.node.range, help: "combine filters with `$or`"))
        }
        for filter in filters {
            let size = filter.minifiedLength
            if size > Self.maxLength {
                found.append(
                    diagnostic(
                        "the filter is \(size) characters minified, over the limit of \(Self.maxLength)",
                        at: filter.subject.node.range))
            }
        }
        return found
    }
}
