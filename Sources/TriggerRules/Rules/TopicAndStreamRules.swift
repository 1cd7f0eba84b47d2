import Diagnostics
import TriggerModel

/// A standard SNS topic cannot deliver to a FIFO queue; a FIFO topic's name ends in .fifo.
public struct FIFOTopicRule: TriggerRule {
    public static let description = RuleDescription(
        code: .fifoTopic, name: "fifo-topic", severity: .error,
        summary: "a FIFO queue behind a standard topic, or a topic name whose .fifo suffix does not match topicType",
        rationale: "SNS rejects a subscription from a standard topic to a FIFO queue (a FIFO topic may feed a standard "
            + "queue); FIFO topic names must end in .fifo and standard ones must not.",
        documentation: "https://docs.aws.amazon.com/sns/latest/dg/fifo-message-delivery.html",
        triggering: [
            "trigger:\n  type: snssqsdlq\n  defaults:\n    queueName: a-${syslevel}.fifo\n    dLQueueName: b-${syslevel}.fifo\n"
                + "    queueType: ↓FIFO\n    topicName: t-${syslevel}\n",
            "trigger:\n  type: snssqsdlq\n  defaults:\n    queueName: a-${syslevel}\n    dLQueueName: b-${syslevel}\n"
                + "    topicType: FIFO\n    topicName: ↓t-${syslevel}\n",
        ],
        nonTriggering: [
            "trigger:\n  type: snssqsdlq\n  defaults:\n    queueName: a-${syslevel}\n    dLQueueName: b-${syslevel}\n"
                + "    topicType: FIFO\n    topicName: t-${syslevel}.fifo\n"
        ])

    public init() {}

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        guard trigger.type == .snssqsdlq else { return [] }
        let fifoTopic = trigger.string("topicType")?.literalValue == "FIFO"
        var found: [Diagnostic] = []
        if trigger.isBundled, trigger.isFIFO, !fifoTopic, trigger["topicName"] != nil {
            found.append(
                diagnostic(
                    "a standard topic cannot deliver to a FIFO queue", at: trigger.range(of: "queueType"),
                    help: "set `topicType: FIFO` (and a topicName ending in .fifo)"))
        }
        if let name = trigger.written("topicName") {
            if fifoTopic, !name.hasSuffix(".fifo") {
                found.append(
                    diagnostic(
                        "`topicName` \"\(name)\" must end in .fifo because topicType is FIFO",
                        at: trigger.range(of: "topicName")))
            } else if !fifoTopic, name.hasSuffix(".fifo") {
                found.append(
                    diagnostic(
                        "`topicName` \"\(name)\" ends in .fifo but topicType is STANDARD",
                        at: trigger.range(of: "topicName"), help: "set `topicType: FIFO`"))
            }
        }
        return found
    }
}

/// EventBridge rule dead-letter queues and Lambda on-failure destinations must be standard queues.
public struct StandardDeadLetterRule: TriggerRule {
    public static let description = RuleDescription(
        code: .deadLetterMustBeStandard, name: "dead-letter-must-be-standard", severity: .error,
        summary: "a rule's dead-letter queue or a stream's on-failure queue is FIFO",
        rationale: "\"You can't use a FIFO queue for a DLQ in EventBridge\", and a Kinesis mapping's on-failure "
            + "destination is a standard queue too.",
        documentation: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html",
        triggering: [
            "trigger:\n  type: cwevent\n  defaults:\n    dLQueueName: ↓failed-${syslevel}.fifo\n"
                + "  parameters:\n    eventPattern: {jsonValue: {source: [com.example]}}\n"
        ],
        nonTriggering: [
            "trigger:\n  type: cwevent\n  defaults:\n    dLQueueName: failed-${syslevel}\n"
                + "  parameters:\n    eventPattern: {jsonValue: {source: [com.example]}}\n"
        ])

    public init() {}

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        guard !trigger.type.hasQueue else { return [] }
        return ["dLQueueName", "dLQueueArn"].compactMap { name in
            guard let value = trigger.written(name), value.hasSuffix(".fifo") else { return nil }
            let owner = trigger.type == .kinesis ? "a stream's on-failure destination" : "a rule's dead-letter queue"
            return diagnostic("\(owner) must be a standard queue; \"\(value)\" is FIFO", at: trigger.range(of: name))
        }
    }
}

/// Kinesis mapping settings whose ranges have gaps the decoder's ranges cannot express.
public struct StreamMappingRule: TriggerRule {
    public static let description = RuleDescription(
        code: .streamMappingLimits, name: "stream-mapping-limits", severity: .error,
        summary: "maximumRecordAgeInSeconds between 0 and 59, or startingPositionTimestamp without AT_TIMESTAMP",
        rationale: "Lambda accepts -1 (no limit) or 60..604800 for the record age; a start timestamp is only read "
            + "with startingPosition AT_TIMESTAMP.",
        documentation: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-eventsourcemapping.html",
        triggering: ["trigger:\n  type: kinesis\n  defaults:\n    streamName: clicks\n    maximumRecordAgeInSeconds: ↓30\n"],
        nonTriggering: ["trigger:\n  type: kinesis\n  defaults:\n    streamName: clicks\n    maximumRecordAgeInSeconds: 60\n"])

    public init() {}

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        guard trigger.type == .kinesis else { return [] }
        var found: [Diagnostic] = []
        if let age = trigger.integer("maximumRecordAgeInSeconds"), (0...59).contains(age) {
            found.append(
                diagnostic(
                    "maximumRecordAgeInSeconds \(age) must be -1 or from 60 to 604800",
                    at: trigger.range(of: "maximumRecordAgeInSeconds")))
        }
        if trigger["startingPositionTimestamp"]?.valueRange != nil, trigger.string("startingPosition")?.literalValue != "AT_TIMESTAMP" {
            found.append(
                diagnostic(
                    "startingPositionTimestamp is only used with `startingPosition: AT_TIMESTAMP`",
                    at: trigger.range(of: "startingPositionTimestamp")))
        }
        return found
    }
}
