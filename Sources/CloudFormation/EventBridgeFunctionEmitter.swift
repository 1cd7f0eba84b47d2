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
                let queueArn = builder.addStandaloneQueue(
                    queueID, name: name, retention: trigger.integer("dLQueueMessageRetentionPeriod"),
                    encryption: QueueResources.encryption(trigger),
                    senders: [
                        QueueResources.Sender(
                            sid: "AllowRuleToSendFailures", service: "events.amazonaws.com", sourceArn: rule.fromRule,
                            queueArn: Intrinsic.getAtt(queueID, "Arn"))
                    ])
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
