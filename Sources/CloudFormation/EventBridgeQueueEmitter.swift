import TriggerModel

/// Emits a `cweventsqsdlq` trigger (SPEC 3.1): rule -> queue -> function, failures to the DLQ. With
/// `bundled: false` the rule and queues exist already and only the polling wiring is emitted.
struct EventBridgeQueueEmitter {
    func emit(_ trigger: ResolvedTrigger, prefix: String, into builder: inout TemplateBuilder) {
        let queue = QueueResources(trigger: trigger, prefix: prefix)
        let function = builder.function(polls: true)
        guard trigger.isBundled else {
            queue.addMapping(to: &builder, function: function)
            return
        }
        let rule = RuleResources(trigger: trigger, prefix: prefix, function: builder.manifest.function)
        queue.addQueues(to: &builder)

        var target: [(String, JSONValue?)] = [
            ("Id", .string("Queue")),
            ("Arn", queue.queueArn),
            (
                "SqsParameters",
                trigger.isFIFO
                    ? trigger.string("queueMessageGroupId").map { .object([("MessageGroupId", Intrinsic.string($0))]) } : nil
            ),
        ]
        var senders = [
            QueueResources.Sender(
                sid: "AllowRuleToSend", service: "events.amazonaws.com", sourceArn: rule.fromRule, queueArn: queue.queueArn)
        ]
        var extraQueues: [(ref: JSONValue, arn: JSONValue)] = []
        if trigger.boolean("targetDeadLetter") == true {
            // The rule's own dead-letter queue is standard even when the target is FIFO: EventBridge requires it.
            let ruleDLQ = prefix + "RuleDeadLetterQueue"
            builder.add(
                ruleDLQ,
                Resource(
                    "AWS::SQS::Queue",
                    metadata: Checkov.metadata(
                        Checkov.queue(
                            encryption: trigger.string("queueEncryption")?.literalValue)),
                    properties: [
                        ("QueueName", Intrinsic.string(InterpolatedString(parts: rule.ruleName.parts + [.literal("-dlq")]))),
                        ("MessageRetentionPeriod", .integer(1_209_600)),
                        ("Tags", builder.tagList),
                    ] + QueueResources.encryption(trigger)))
            target.append(("DeadLetterConfig", .object([("Arn", Intrinsic.getAtt(ruleDLQ, "Arn"))])))
            senders.append(
                QueueResources.Sender(
                    sid: "AllowRuleToSendFailures", service: "events.amazonaws.com", sourceArn: rule.fromRule,
                    queueArn: Intrinsic.getAtt(ruleDLQ, "Arn")))
            extraQueues.append((Intrinsic.ref(ruleDLQ), Intrinsic.getAtt(ruleDLQ, "Arn")))
        }
        rule.addRule(to: &builder, target: target, describing: "Sends matching events to the queue \(queue.queueName.displayText)")
        queue.addQueuePolicy(to: &builder, senders: senders, extraQueues: extraQueues)
        queue.addMapping(to: &builder, function: function)
        queue.addAlarms(to: &builder)
        rule.addAlarms(to: &builder)
    }
}
