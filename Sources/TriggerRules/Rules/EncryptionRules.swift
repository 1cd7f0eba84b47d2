import Diagnostics
import TriggerModel

/// The AWS-managed SQS key cannot be used by EventBridge or SNS, so their deliveries would be dropped.
public struct ManagedKeyRule: TriggerRule {
    public static let description = RuleDescription(
        code: .managedKeyOnServiceFedQueue, name: "aws-managed-key-on-service-fed-queue", severity: .error,
        summary: "a queue fed by EventBridge or SNS is encrypted with the AWS-managed key alias/aws/sqs",
        rationale: "The sender needs kms:GenerateDataKey and kms:Decrypt on the queue's key, and the key policy of "
            + "alias/aws/sqs cannot be changed to grant them: every delivery fails and the events are dropped. Use "
            + "SSE-SQS (queueEncryption: SQS) or a customer-managed key.",
        documentation: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-troubleshooting.html",
        triggering: [RuleExample.eventQueue(defaults: "queueEncryption: KMS\nqueueKmsMasterKeyId: ↓alias/aws/sqs")],
        nonTriggering: [
            RuleExample.eventQueue(defaults: "queueEncryption: KMS\nqueueKmsMasterKeyId: alias/orders-queue"),
            "trigger:\n  type: sqsdlq\n  defaults:\n    queueName: a-${syslevel}\n    dLQueueName: b-${syslevel}\n"
                + "    queueEncryption: KMS\n    queueKmsMasterKeyId: alias/aws/sqs\n",
        ])

    public init() {}

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        guard trigger.type.queueIsServiceFed || trigger.type.hasRule, trigger.isBundled,
            trigger.string("queueEncryption")?.literalValue == "KMS",
            let key = trigger.string("queueKmsMasterKeyId")?.displayText,
            key == "alias/aws/sqs" || key.hasSuffix(":alias/aws/sqs")
        else { return [] }
        let sender = trigger.type == .snssqsdlq ? "SNS" : "EventBridge"
        return [
            diagnostic(
                "\(sender) cannot use the AWS-managed key alias/aws/sqs: its deliveries to the queue would be dropped",
                at: trigger.range(of: "queueKmsMasterKeyId"),
                help: "use `queueEncryption: SQS`, or a customer-managed key whose policy allows \(sender.lowercased())")
        ]
    }
}

/// A KMS key id given without KMS encryption is ignored.
public struct KeyWithoutKMSRule: TriggerRule {
    public static let description = RuleDescription(
        code: .keyWithoutKMS, name: "kms-key-without-kms-encryption", severity: .error,
        summary: "queueKmsMasterKeyId is set but queueEncryption is not KMS",
        rationale: "The key is only used with SSE-KMS; with SSE-SQS or no encryption it would be ignored.",
        documentation: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
        triggering: [RuleExample.eventQueue(defaults: "queueKmsMasterKeyId: ↓alias/orders-queue")],
        nonTriggering: [RuleExample.eventQueue(defaults: "queueEncryption: KMS\nqueueKmsMasterKeyId: alias/orders-queue")])

    public init() {}

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        guard trigger["queueKmsMasterKeyId"]?.valueRange != nil,
            trigger.string("queueEncryption")?.literalValue != "KMS"
        else { return [] }
        return [
            diagnostic(
                "queueKmsMasterKeyId is only used with `queueEncryption: KMS`",
                at: trigger.range(of: "queueKmsMasterKeyId"), help: "add `queueEncryption: KMS`, or remove the key")
        ]
    }
}
