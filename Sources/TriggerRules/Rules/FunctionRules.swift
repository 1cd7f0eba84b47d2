import Diagnostics
import TriggerModel

/// Without a `function` block the checks that need the function's timeout cannot run.
public struct FunctionUnknownRule: TriggerRule {
    public static let description = RuleDescription(
        code: .functionUnknown, name: "function-unknown", severity: .info,
        summary: "the manifest names no function, so checks that need its timeout did not run",
        rationale: "The visibility-timeout checks compare the queue with the function's timeout; the template takes "
            + "the function as the FunctionArn parameter, whose timeout triggerc cannot see.",
        documentation: "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html",
        triggering: [RuleExample.eventQueue().replacing("trigger:", with: "↓trigger:")],
        nonTriggering: [RuleExample.eventQueue(function: "name: orders\nroleName: orders-role")])

    public init() {}

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        guard manifest.function == nil, trigger.type.hasQueue else { return [] }
        return [
            diagnostic(
                "no `function` block: the visibility-timeout checks did not run", at: trigger.spec.keyRange,
                help: "add `function: { name: ..., timeout: ... }` to check the queue against the function")
        ]
    }
}

/// An existing function named without its role: the template cannot grant the polling permissions.
public struct RolePermissionsRule: TriggerRule {
    public static let description = RuleDescription(
        code: .rolePermissionsNeeded, name: "role-permissions-needed", severity: .warning,
        summary: "the function is named without roleName, so its role must already allow polling the queue or stream",
        rationale: "An SQS event source mapping polls with the function's execution role; without "
            + "sqs:ReceiveMessage, sqs:DeleteMessage and sqs:GetQueueAttributes on the queue, creating the mapping fails.",
        documentation: "https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html",
        triggering: [RuleExample.eventQueue(function: "name: ↓orders")],
        nonTriggering: [RuleExample.eventQueue(function: "name: orders\nroleName: orders-role")])

    public init() {}

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        guard let function = manifest.function, !function.isDefined, function.roleName == nil, trigger.type.hasMapping else {
            return []
        }
        let name = function.spec.name.value.displayText
        let message =
            trigger.type == .kinesis
            ? "the role of function \"\(name)\" must allow kinesis:DescribeStream, DescribeStreamSummary, GetRecords, "
                + "GetShardIterator, ListShards and SubscribeToShard on \(trigger.written("streamName") ?? trigger.written("streamArn") ?? "the stream")"
            : "the role of function \"\(name)\" must allow sqs:ReceiveMessage, sqs:DeleteMessage and sqs:GetQueueAttributes "
                + "on \(trigger.written("queueName") ?? trigger.written("queueArn") ?? "the queue")"
        return [
            diagnostic(
                message, at: function.spec.name.range,
                help: "add `roleName` to the function block and triggerc grants exactly these permissions")
        ]
    }
}
