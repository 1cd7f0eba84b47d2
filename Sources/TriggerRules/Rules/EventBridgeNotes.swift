import Diagnostics
import TriggerModel

/// A rule on S3 events only fires when the bucket sends its events to EventBridge.
public struct S3EventBridgeNotificationRule: TriggerRule {
    public static let description = RuleDescription(
        code: .s3EventBridgeNotifications, name: "s3-eventbridge-notifications", severity: .info,
        summary: "a pattern on aws.s3 events needs EventBridge notifications turned on for the bucket",
        rationale: "S3 sends events to EventBridge only when the bucket's NotificationConfiguration has "
            + "EventBridgeConfiguration.EventBridgeEnabled; otherwise the rule never matches anything.",
        documentation: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventBridge.html",
        triggering: [RuleExample.eventQueue(pattern: "{source: ↓[aws.s3]}")],
        nonTriggering: [RuleExample.eventQueue(pattern: "{source: [aws.ec2]}")])

    public init() {}

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        guard let pattern = trigger.parameters["eventPattern"], let node = pattern.node,
            let source = node.pairs?.first(where: { $0.key.scalar == "source" })
        else { return [] }
        let values = source.value.items?.compactMap(\.scalar) ?? [source.value.scalar].compactMap { $0 }
        guard values.contains("aws.s3") else { return [] }
        return [
            diagnostic(
                "the rule matches aws.s3 events; the bucket must have EventBridge notifications turned on",
                at: source.value.range,
                help: "set NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled: true on the bucket")
        ]
    }
}
