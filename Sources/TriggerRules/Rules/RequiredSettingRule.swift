import Diagnostics
import TriggerModel

/// Settings and parameters a type needs to compile: queue names when bundled, the event pattern of a rule.
public struct RequiredSettingRule: TriggerRule {
    public static let description = RuleDescription(
        code: .missingSetting, name: "missing-required-setting", severity: .error,
        summary: "a setting or parameter the trigger type needs has no value in this syslevel",
        rationale: "A bundled trigger creates its queues and rule by name, and an EventBridge rule needs a pattern; "
            + "without them CloudFormation rejects the stack or creates resources nobody can find.",
        documentation: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html",
        triggering: [
            "↓trigger:\n  type: cweventsqsdlq\n  defaults:\n    queueName: orders-${syslevel}\n  parameters:\n"
                + "    eventPattern:\n      jsonValue: {source: [com.example.orders]}\n",
            RuleExample.eventQueue(defaults: "queueType: ↓FIFO", queueName: "orders-${syslevel}.fifo",
                                   dlqName: "orders-dlq-${syslevel}.fifo"),
        ],
        nonTriggering: [RuleExample.eventQueue(), RuleExample.fifoQueue()])

    public init() {}

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        var required: [String] = []
        if trigger.isBundled, trigger.type.hasQueue { required += ["queueName", "dLQueueName"] }
        if trigger.type == .cweventsqsdlq, trigger.isFIFO { required.append("queueMessageGroupId") }
        if trigger.alarmEnabled("alarmSQSApproximateAgeOfOldestMessageMode") {
            required.append("alarmSQSApproximateAgeOfOldestMessageThreshold")
        }
        var found = required.filter { trigger[$0] == nil }.map { name in
            // A setting that is required because of another one is reported where that other one is set.
            let cause = name == "queueMessageGroupId" ? "queueType" : name == "alarmSQSApproximateAgeOfOldestMessageThreshold"
                ? "alarmSQSApproximateAgeOfOldestMessageMode" : name
            return diagnostic("`\(name)` has no value" + (cause == name ? "" : " but \(cause) needs it"),
                              at: trigger[cause]?.valueRange ?? trigger.spec.keyRange,
                       help: "set it in `defaults`, or in every syslevel block")
        }
        if trigger.type == .cweventsqsdlq || trigger.type == .cwevent, trigger.parameters["eventPattern"] == nil {
            found.append(diagnostic("the parameter `eventPattern` has no value",
                                    at: trigger.spec.keyRange,
                                    help: "add `parameters: { eventPattern: { jsonValue: {...} } }`"))
        }
        return found
    }
}
