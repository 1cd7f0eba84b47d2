import Diagnostics
import TriggerModel

/// Settings and parameters a type and mode need: queue names when bundled, ARNs when not, the pattern of a rule,
/// and settings that another setting's value makes necessary (a KMS key for KMS encryption).
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
            RuleExample.eventQueue(
                defaults: "queueType: ↓FIFO", queueName: "orders-${syslevel}.fifo",
                dlqName: "orders-dlq-${syslevel}.fifo"),
            "trigger:\n  type: snssqsdlq\n  bundled: ↓false\n  defaults:\n    queueName: orders\n",
            "↓trigger:\n  type: kinesis\n  defaults:\n    batchSize: 100\n",
            RuleExample.eventQueue(defaults: "queueEncryption: ↓KMS"),
        ],
        nonTriggering: [
            RuleExample.eventQueue(), RuleExample.fifoQueue(),
            "trigger:\n  type: kinesis\n  defaults:\n    streamName: clicks-${syslevel}\n",
            "trigger:\n  type: sqsdlq\n  bundled: false\n  defaults:\n    queueArn: arn:aws:sqs:us-east-1:123456789012:jobs\n",
        ])

    public init() {}

    /// A requirement: the setting that must have a value, and the setting whose value makes it required.
    struct Requirement {
        let name: String
        let cause: String?
    }

    static func requirements(_ trigger: ResolvedTrigger) -> [Requirement] {
        var required: [Requirement] = []
        func need(_ name: String, because cause: String? = nil) { required.append(Requirement(name: name, cause: cause)) }
        switch (trigger.type, trigger.isBundled) {
        case (.cweventsqsdlq, true), (.sqsdlq, true), (.snssqsdlq, true):
            need("queueName")
            need("dLQueueName")
        case (.cweventsqsdlq, false), (.sqsdlq, false), (.snssqsdlq, false):
            need("queueArn", because: "bundled")
        case (.kinesis, false):
            need("streamArn", because: "bundled")
        default:
            break
        }
        if trigger.type == .cweventsqsdlq, trigger.isBundled, trigger.isFIFO { need("queueMessageGroupId", because: "queueType") }
        if trigger.alarmEnabled("alarmSQSApproximateAgeOfOldestMessageMode") {
            need("alarmSQSApproximateAgeOfOldestMessageThreshold", because: "alarmSQSApproximateAgeOfOldestMessageMode")
        }
        if trigger.string("queueEncryption")?.literalValue == "KMS" { need("queueKmsMasterKeyId", because: "queueEncryption") }
        if trigger.type == .kinesis, trigger.string("startingPosition")?.literalValue == "AT_TIMESTAMP" {
            need("startingPositionTimestamp", because: "startingPosition")
        }
        return required
    }

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        var found = Self.requirements(trigger).filter { trigger[$0.name] == nil }.map { requirement in
            // A setting that is required because of another one is reported where that other one is set.
            let causeRange = requirement.cause.flatMap { cause in
                cause == "bundled" ? trigger.spec.bundled?.range : trigger[cause]?.valueRange
            }
            return diagnostic(
                "`\(requirement.name)` has no value" + (requirement.cause.map { " but \($0) needs it" } ?? ""),
                at: causeRange ?? trigger.spec.keyRange, help: "set it in `defaults`, or in every syslevel block")
        }
        let oneOf: [String]? =
            switch (trigger.type, trigger.isBundled) {
            case (.snssqsdlq, true): ["topicName", "topicArn"]
            case (.kinesis, true): ["streamName", "streamArn"]
            default: nil
            }
        if let oneOf, !oneOf.contains(where: { trigger[$0] != nil }) {
            found.append(
                diagnostic(
                    "one of `\(oneOf[0])` (to create it) or `\(oneOf[1])` (an existing one) needs a value",
                    at: trigger.spec.keyRange, help: "set it in `defaults`, or in every syslevel block"))
        }
        let parameter: String? =
            switch trigger.type {
            case .cweventsqsdlq: trigger.isBundled ? "eventPattern" : nil
            case .cwevent: "eventPattern"
            case .cwschedule: "scheduleExpression"
            case .sqsdlq, .snssqsdlq, .kinesis: nil
            }
        if let parameter, trigger.parameters[parameter] == nil {
            let form = parameter == "scheduleExpression" ? "{ value: \"rate(5 minutes)\" }" : "{ jsonValue: {...} }"
            found.append(
                diagnostic(
                    "the parameter `\(parameter)` has no value", at: trigger.spec.keyRange,
                    help: "add `parameters: { \(parameter): \(form) }`"))
        }
        return found
    }
}
