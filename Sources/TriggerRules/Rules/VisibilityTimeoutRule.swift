import Diagnostics
import TriggerModel

/// The visibility timeout, function timeout and batching window of a queue trigger, when all are known.
struct VisibilityContext {
    let visibility: Int
    let timeout: Int
    let recommended: Int
    let range: SourceRange
    private let overrideNotes: [Note]
    private let timeoutRange: SourceRange

    init?(_ trigger: ResolvedTrigger, _ manifest: ResolvedManifest) {
        guard trigger.type.hasQueue, trigger.isBundled, let visibility = trigger.integer("queueVisibilityTimeout"),
            let function = manifest.function
        else { return nil }
        self.visibility = visibility
        timeout = function.timeout
        let window = trigger.integer("maximumBatchingWindowInSeconds") ?? 0
        recommended = min(6 * timeout + window, 43_200)
        range = trigger.range(of: "queueVisibilityTimeout")
        overrideNotes = trigger.overrideNotes(for: "queueVisibilityTimeout")
        timeoutRange = function.spec.timeout?.range ?? function.spec.keyRange
    }

    /// Written only when a rule reports: most contexts find nothing.
    var notes: [Note] { overrideNotes + [Note("the function timeout is \(timeout) seconds", at: timeoutRange)] }
}

/// The queue's visibility timeout must cover the function's timeout.
public struct VisibilityTimeoutRule: TriggerRule {
    public static let description = RuleDescription(
        code: .visibilityBelowTimeout, name: "visibility-timeout-below-function-timeout", severity: .error,
        summary: "queueVisibilityTimeout is shorter than the function timeout",
        rationale: "Lambda refuses to create an event source mapping when the function timeout exceeds the queue's "
            + "visibility timeout, so the stack fails at deploy time.",
        documentation: "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html",
        triggering: [
            RuleExample.eventQueue(function: "name: orders-${syslevel}\ntimeout: 60\nroleName: orders-role", defaults: "queueVisibilityTimeout: ↓30")
        ],
        nonTriggering: [
            RuleExample.eventQueue(function: "name: orders-${syslevel}\ntimeout: 60\nroleName: orders-role", defaults: "queueVisibilityTimeout: 360"),
            RuleExample.eventQueue(defaults: "queueVisibilityTimeout: 1"),
        ])

    public init() {}

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        guard let context = VisibilityContext(trigger, manifest), context.visibility < context.timeout else { return [] }
        return [
            diagnostic(
                "queueVisibilityTimeout \(context.visibility) is shorter than the function timeout \(context.timeout); "
                    + "Lambda rejects the event source mapping", at: context.range, notes: context.notes,
                help: "set queueVisibilityTimeout to at least \(context.recommended)")
        ]
    }
}

/// AWS recommends a visibility timeout of six times the function timeout plus the batching window.
public struct VisibilityTimeoutRecommendationRule: TriggerRule {
    public static let description = RuleDescription(
        code: .visibilityBelowRecommendation, name: "visibility-timeout-below-recommendation", severity: .warning,
        summary: "queueVisibilityTimeout is below 6 x the function timeout (+ batching window)",
        rationale: "AWS recommends six times the function timeout so that throttled retries do not make a message "
            + "visible, and processed twice, while an earlier attempt still runs.",
        documentation: "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html",
        triggering: [
            RuleExample.eventQueue(function: "name: orders-${syslevel}\ntimeout: 60\nroleName: orders-role", defaults: "queueVisibilityTimeout: ↓120")
        ],
        nonTriggering: [
            RuleExample.eventQueue(function: "name: orders-${syslevel}\ntimeout: 60\nroleName: orders-role", defaults: "queueVisibilityTimeout: 360"),
            RuleExample.eventQueue(function: "name: orders-${syslevel}\ntimeout: 5\nroleName: orders-role", defaults: "queueVisibilityTimeout: 30"),
        ])

    public init() {}

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        guard let context = VisibilityContext(trigger, manifest), context.visibility >= context.timeout,
            context.visibility < context.recommended
        else { return [] }
        return [
            diagnostic(
                "queueVisibilityTimeout \(context.visibility) is below AWS's recommended \(context.recommended) "
                    + "(6 x function timeout \(context.timeout), plus the batching window)",
                at: context.range, notes: context.notes,
                help: "a message may become visible again, and run twice, while an earlier attempt still runs")
        ]
    }
}
