import Diagnostics
import TriggerModel

/// A trigger type or mode this version of triggerc cannot compile yet.
public struct UnsupportedTriggerRule: TriggerRule {
    public static let description = RuleDescription(
        code: .unsupportedTrigger, name: "unsupported-trigger", severity: .error,
        summary: "the trigger type or mode cannot be compiled by this version of triggerc",
        rationale: "Emitting a partial template would deploy a trigger that silently does not work.",
        documentation: "https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html",
        triggering: ["trigger:\n  type: ↓kinesis\n  defaults:\n    streamName: clicks-${syslevel}\n"],
        nonTriggering: [RuleExample.eventQueue()])

    /// Whether a type and mode can be compiled; the emitter's list, passed in so rules stay below it.
    let isSupported: @Sendable (TriggerType, Bool) -> Bool

    public init(isSupported: @escaping @Sendable (TriggerType, Bool) -> Bool = { type, bundled in
        type == .cweventsqsdlq && bundled
    }) {
        self.isSupported = isSupported
    }

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        guard !isSupported(trigger.type, trigger.isBundled) else { return [] }
        let mode = trigger.isBundled ? "bundled" : "`bundled: false`"
        return [diagnostic("type \(trigger.type.rawValue) (\(mode)) cannot be compiled by this version of triggerc",
                           at: trigger.spec.type.range, help: "this version compiles bundled cweventsqsdlq triggers")]
    }
}
