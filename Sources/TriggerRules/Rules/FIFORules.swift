import Diagnostics
import TriggerModel

/// A FIFO queue's name ends in `.fifo`, a standard queue's does not; the DLQ follows the same rule.
public struct FIFONameRule: TriggerRule {
    public static let description = RuleDescription(
        code: .fifoName, name: "fifo-name-suffix", severity: .error,
        summary: "a queue name ends in .fifo exactly when the queue is FIFO",
        rationale: "SQS requires FIFO queue names to end in .fifo and refuses the suffix on standard queues; the "
            + "dead-letter queue of a FIFO queue must be FIFO too.",
        documentation: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues.html",
        triggering: [
            RuleExample.eventQueue(defaults: "queueType: FIFO\nqueueMessageGroupId: orders", dlqName: "↓orders-dlq-${syslevel}"),
            RuleExample.eventQueue(queueName: "↓orders-${syslevel}.fifo"),
        ],
        nonTriggering: [RuleExample.fifoQueue(), RuleExample.eventQueue()])

    public init() {}

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        guard trigger.type.hasQueue else { return [] }
        let fifo = trigger.isFIFO
        var found: [Diagnostic] = []
        for name in ["queueName", "dLQueueName"] {
            guard let value = trigger.string(name)?.displayText, let written = trigger.written(name) else { continue }
            let notes =
                trigger.overrideNotes(for: name)
                + (trigger["queueType"]?.valueRange.map { [Note("queueType is set here", at: $0)] } ?? [])
            if fifo, !value.hasSuffix(".fifo") {
                found.append(
                    diagnostic(
                        "`\(name)` \"\(written)\" must end in .fifo because queueType is FIFO",
                        at: trigger.range(of: name), notes: notes, help: "rename it to \"\(written).fifo\""))
            } else if !fifo, value.hasSuffix(".fifo") {
                found.append(
                    diagnostic(
                        "`\(name)` \"\(written)\" ends in .fifo but queueType is STANDARD",
                        at: trigger.range(of: name), notes: notes,
                        help: "set `queueType: FIFO`, or drop the .fifo suffix"))
            }
        }
        return found
    }
}

/// EventBridge needs a message group id to deliver to a FIFO queue; a standard queue takes none.
public struct MessageGroupIdRule: TriggerRule {
    public static let description = RuleDescription(
        code: .messageGroupId, name: "message-group-id", severity: .error,
        summary: "queueMessageGroupId is set on a standard queue, or invalid",
        rationale: "EventBridge sends SqsParameters.MessageGroupId only to FIFO queues; the id is 1 to 100 characters "
            + "of letters, digits and punctuation.",
        documentation: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-events-rule-sqsparameters.html",
        triggering: [RuleExample.eventQueue(defaults: "queueMessageGroupId: ↓orders")],
        nonTriggering: [RuleExample.fifoQueue()])

    public init() {}

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        guard trigger.type == .cweventsqsdlq, let groupId = trigger.string("queueMessageGroupId")?.displayText else {
            return []
        }
        if !trigger.isFIFO {
            return [
                diagnostic(
                    "queueMessageGroupId is only used by FIFO queues; this queue is STANDARD",
                    at: trigger.range(of: "queueMessageGroupId"), help: "remove it, or set `queueType: FIFO`")
            ]
        }
        let valid =
            !groupId.isEmpty && groupId.count <= 100
            && groupId.unicodeScalars.allSatisfy { $0.value >= 0x21 && $0.value <= 0x7E }
        guard !valid else { return [] }
        return [
            diagnostic(
                "queueMessageGroupId \"\(trigger.written("queueMessageGroupId") ?? groupId)\" must be 1 to 100 letters, digits or punctuation characters",
                at: trigger.range(of: "queueMessageGroupId"))
        ]
    }
}

/// A FIFO queue fed by EventBridge or SNS needs content-based deduplication, since they send no dedup id.
public struct FIFODeduplicationRule: TriggerRule {
    public static let description = RuleDescription(
        code: .fifoDeduplication, name: "fifo-content-based-deduplication", severity: .error,
        summary: "content-based deduplication is off on a FIFO queue fed by EventBridge or SNS, or set on a standard queue",
        rationale: "\"If you specify an SQS FIFO queue as a target, the queue must have content-based deduplication "
            + "enabled\": EventBridge sends no deduplication id, so deliveries fail.",
        documentation: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-events-rule-target.html",
        triggering: [
            RuleExample.fifoQueue(defaults: "queueContentBasedDeduplication: ↓false"),
            RuleExample.eventQueue(defaults: "queueContentBasedDeduplication: ↓true"),
        ],
        nonTriggering: [RuleExample.fifoQueue(), RuleExample.fifoQueue(defaults: "queueContentBasedDeduplication: true")])

    public init() {}

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        guard trigger.type.hasQueue, let setting = trigger["queueContentBasedDeduplication"],
            case .boolean(let enabled) = setting.value
        else { return [] }
        let range = trigger.range(of: "queueContentBasedDeduplication")
        if !trigger.isFIFO, setting.valueRange != nil {
            return [
                diagnostic(
                    "queueContentBasedDeduplication only applies to FIFO queues", at: range,
                    help: "remove it, or set `queueType: FIFO`")
            ]
        }
        if trigger.isFIFO, trigger.type.queueIsServiceFed, !enabled {
            return [
                diagnostic(
                    "a FIFO queue fed by \(trigger.type == .snssqsdlq ? "SNS" : "EventBridge") needs "
                        + "queueContentBasedDeduplication: true", at: range, notes: trigger.overrideNotes(for: setting.name),
                    help: "remove the setting; triggerc turns it on")
            ]
        }
        return []
    }
}

/// FIFO event source mappings take at most 10 messages and no batching window.
public struct FIFOBatchingRule: TriggerRule {
    public static let description = RuleDescription(
        code: .fifoBatching, name: "fifo-batching", severity: .error,
        summary: "batchSize above 10 or a batching window on a FIFO queue, or a standard batch above 10 without a window",
        rationale: "Lambda allows at most 10 messages per batch from a FIFO queue and no batching window; a standard "
            + "queue's batch above 10 needs a batching window of at least 1 second.",
        documentation: "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html",
        triggering: [
            RuleExample.fifoQueue(defaults: "batchSize: ↓20"), RuleExample.fifoQueue(defaults: "maximumBatchingWindowInSeconds: ↓5"),
            RuleExample.eventQueue(defaults: "batchSize: ↓100"),
        ],
        nonTriggering: [
            RuleExample.fifoQueue(defaults: "batchSize: 10"), RuleExample.eventQueue(defaults: "batchSize: 100\nmaximumBatchingWindowInSeconds: 1"),
        ])

    public init() {}

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        guard trigger.type.hasQueue else { return [] }
        let batch = trigger.integer("batchSize") ?? 10
        let window = trigger.integer("maximumBatchingWindowInSeconds") ?? 0
        if trigger.isFIFO {
            var found: [Diagnostic] = []
            if batch > 10 {
                found.append(
                    diagnostic(
                        "batchSize \(batch) is above 10, the most a FIFO queue allows",
                        at: trigger.range(of: "batchSize"), notes: trigger.overrideNotes(for: "batchSize")))
            }
            if window > 0 {
                found.append(
                    diagnostic(
                        "maximumBatchingWindowInSeconds is not supported for FIFO queues",
                        at: trigger.range(of: "maximumBatchingWindowInSeconds"),
                        notes: trigger.overrideNotes(for: "maximumBatchingWindowInSeconds")))
            }
            return found
        }
        guard batch > 10, window == 0 else { return [] }
        return [
            diagnostic(
                "batchSize \(batch) above 10 needs maximumBatchingWindowInSeconds of at least 1",
                at: trigger.range(of: "batchSize"), notes: trigger.overrideNotes(for: "batchSize"))
        ]
    }
}

/// Messages expire by their original enqueue time, so the DLQ should keep them longer than the source queue.
public struct DeadLetterRetentionRule: TriggerRule {
    public static let description = RuleDescription(
        code: .deadLetterRetention, name: "dead-letter-retention", severity: .warning,
        summary: "dLQueueMessageRetentionPeriod is not longer than queueMessageRetentionPeriod",
        rationale: "A message's age counts from when it entered the source queue; a DLQ that keeps messages no longer "
            + "than the source queue can delete them as soon as they arrive.",
        documentation: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html",
        triggering: [RuleExample.eventQueue(defaults: "dLQueueMessageRetentionPeriod: ↓345600")],
        nonTriggering: [
            RuleExample.eventQueue(), RuleExample.eventQueue(defaults: "queueMessageRetentionPeriod: 86400\ndLQueueMessageRetentionPeriod: 345600"),
        ])

    public init() {}

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        guard trigger.type.hasQueue, let dlq = trigger.integer("dLQueueMessageRetentionPeriod"),
            let queue = trigger.integer("queueMessageRetentionPeriod"), dlq <= queue
        else { return [] }
        let range = trigger["dLQueueMessageRetentionPeriod"]?.valueRange ?? trigger.range(of: "queueMessageRetentionPeriod")
        return [
            diagnostic(
                "dLQueueMessageRetentionPeriod \(dlq) is not longer than queueMessageRetentionPeriod \(queue); "
                    + "failed messages can expire in the dead-letter queue", at: range,
                help: "keep dead letters longer, e.g. 1209600 (14 days)")
        ]
    }
}
