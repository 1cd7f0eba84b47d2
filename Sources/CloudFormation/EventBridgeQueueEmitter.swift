import TriggerModel

/// Emits a bundled `cweventsqsdlq` trigger (SPEC 3.1): rule -> queue -> function, failures to the DLQ.
struct EventBridgeQueueEmitter {
    func emit(_ trigger: ResolvedTrigger, prefix: String, into builder: inout TemplateBuilder) {
        let queue = QueueResources(trigger: trigger, prefix: prefix)
        let rule = RuleResources(trigger: trigger, prefix: prefix, function: builder.manifest.function)
        let function = builder.function()
        queue.addQueues(to: &builder)

        var target: [(String, JSONValue?)] = [
            ("Id", .string("Queue")),
            ("Arn", Intrinsic.getAtt(queue.queueID, "Arn")),
            ("SqsParameters", trigger.isFIFO
                ? trigger.string("queueMessageGroupId").map { .object([("MessageGroupId", Intrinsic.string($0))]) } : nil),
            ("RetryPolicy", rule.retryPolicy),
            ("Input", rule.input),
        ]
        var ruleQueueArns: [JSONValue] = []
        if trigger.boolean("targetDeadLetter") == true {
            let ruleDLQ = prefix + "RuleDeadLetterQueue"
            builder.add(ruleDLQ, Resource("AWS::SQS::Queue", properties: [
                ("QueueName", Intrinsic.string(InterpolatedString(parts: rule.ruleName.parts + [.literal("-dlq")]))),
                ("MessageRetentionPeriod", .integer(1_209_600)),
                ("Tags", builder.tagList),
            ] + queue.encryption()))
            target.append(("DeadLetterConfig", .object([("Arn", Intrinsic.getAtt(ruleDLQ, "Arn"))])))
            ruleQueueArns.append(Intrinsic.getAtt(ruleDLQ, "Arn"))
        }
        builder.add(rule.ruleID, Resource("AWS::Events::Rule", properties: [
            ("Name", Intrinsic.string(rule.ruleName)),
            ("Description", .string(trigger.string("ruleDescription")?.displayText
                ?? "Sends matching events to the queue \(queue.queueName.displayText)")),
            ("EventBusName", rule.eventBus.map { .string($0) }),
            ("EventPattern", trigger.parameters["eventPattern"]?.json),
            ("State", .string(rule.state)),
            ("Targets", .array([.object(target.compactMap { key, value in value.map { (key, $0) } })])),
        ]))
        builder.output(rule.ruleID + "Arn", Intrinsic.getAtt(rule.ruleID, "Arn"), "ARN of the EventBridge rule")

        let fromRule = JSONValue.object([("ArnEquals", .object([("aws:SourceArn", Intrinsic.getAtt(rule.ruleID, "Arn"))]))])
        let queues = [Intrinsic.getAtt(queue.queueID, "Arn")] + ruleQueueArns
        let statements: [JSONValue] = queues.enumerated().map { index, arn in
            .object([
                ("Sid", .string(index == 0 ? "AllowRuleToSend" : "AllowRuleToSendFailures")),
                ("Effect", .string("Allow")),
                ("Principal", .object([("Service", .string("events.amazonaws.com"))])),
                ("Action", .string("sqs:SendMessage")),
                ("Resource", arn),
                ("Condition", fromRule),
            ])
        } + [queue.denyInsecureTransport(queues + [Intrinsic.getAtt(queue.deadLetterQueueID, "Arn")])]
        let queueRefs = [Intrinsic.ref(queue.queueID), Intrinsic.ref(queue.deadLetterQueueID)]
            + (ruleQueueArns.isEmpty ? [] : [Intrinsic.ref(prefix + "RuleDeadLetterQueue")])
        builder.add(prefix + "QueuePolicy", Resource("AWS::SQS::QueuePolicy", properties: [
            ("Queues", .array(queueRefs)),
            ("PolicyDocument", .object([("Version", .string("2012-10-17")), ("Statement", .array(statements))])),
        ]))

        queue.addMapping(to: &builder, function: function)
        queue.addAlarms(to: &builder)
        rule.addAlarms(to: &builder)
    }
}
