import TriggerModel

/// Emits `cwevent` (event pattern) and `cwschedule` (schedule expression) triggers: a rule that invokes the
/// function directly, the permission that lets this rule (only) invoke it, and an optional standard
/// dead-letter queue for deliveries the rule fails.
struct EventBridgeFunctionEmitter {
    func emit(_ trigger: ResolvedTrigger, prefix: String, into builder: inout TemplateBuilder) {
        let rule = RuleResources(trigger: trigger, prefix: prefix, function: builder.manifest.function)
        let function = builder.function(polls: false)
        var target: [(String, JSONValue?)] = [("Id", .string("Function")), ("Arn", function.arn)]

        if trigger.boolean("targetDeadLetter") == true {
            if trigger.isBundled, let name = trigger.string("dLQueueName") {
                let queueID = prefix + "DeadLetterQueue"
                let queueArn = Intrinsic.getAtt(queueID, "Arn")
                builder.add(
                    queueID,
                    Resource(
                        "AWS::SQS::Queue",
                        metadata: Checkov.metadata(
                            Checkov.queue(
                                encryption: trigger.string("queueEncryption")?.literalValue)),
                        properties: [
                            ("QueueName", Intrinsic.string(name)),
                            ("MessageRetentionPeriod", trigger.integer("dLQueueMessageRetentionPeriod").map(JSONValue.integer)),
                            ("Tags", builder.tagList),
                        ] + QueueResources.encryption(trigger)))
                builder.add(
                    prefix + "DeadLetterQueuePolicy",
                    Resource(
                        "AWS::SQS::QueuePolicy",
                        properties: [
                            ("Queues", .array([Intrinsic.ref(queueID)])),
                            (
                                "PolicyDocument",
                                .object([
                                    ("Version", .string("2012-10-17")),
                                    (
                                        "Statement",
                                        .array([
                                            .object([
                                                ("Sid", .string("AllowRuleToSendFailures")),
                                                ("Effect", .string("Allow")),
                                                ("Principal", .object([("Service", .string("events.amazonaws.com"))])),
                                                ("Action", .string("sqs:SendMessage")),
                                                ("Resource", queueArn),
                                                ("Condition", .object([("ArnEquals", .object([("aws:SourceArn", rule.fromRule)]))])),
                                            ]),
                                            QueueResources.denyInsecureTransport([queueArn]),
                                        ])
                                    ),
                                ])
                            ),
                        ]))
                target.append(("DeadLetterConfig", .object([("Arn", queueArn)])))
                builder.output(queueID + "Arn", queueArn, "ARN of the rule's dead-letter queue")
                let alarms = AlarmFactory(trigger: trigger, tags: builder.tagList)
                alarms.addDeadLetterAlarms(queueID: queueID, queueName: name, prefix: prefix, to: &builder)
            } else if let arn = trigger.string("dLQueueArn") {
                target.append(("DeadLetterConfig", .object([("Arn", Intrinsic.string(arn))])))
            }
        }
        let what = trigger.type == .cwschedule ? "Invokes the function on a schedule" : "Sends matching events to the function"
        rule.addRule(to: &builder, target: target, describing: what)
        builder.add(
            prefix + "InvokePermission",
            Resource(
                "AWS::Lambda::Permission",
                properties: [
                    ("Action", .string("lambda:InvokeFunction")),
                    ("FunctionName", function.name),
                    ("Principal", .string("events.amazonaws.com")),
                    ("SourceArn", rule.fromRule),
                ]))
        if trigger.isBundled { rule.addAlarms(to: &builder) }
    }
}
