import TriggerModel

/// Emits an `snssqsdlq` trigger: topic (created, or existing by `topicArn`) -> subscription -> queue -> function.
struct TopicQueueEmitter {
    func emit(_ trigger: ResolvedTrigger, prefix: String, into builder: inout TemplateBuilder) {
        let queue = QueueResources(trigger: trigger, prefix: prefix)
        let function = builder.function(polls: true)
        guard trigger.isBundled else {
            queue.addMapping(to: &builder, function: function)
            return
        }
        let topicArn: JSONValue
        if let name = trigger.string("topicName") {
            let topicID = prefix + "Topic"
            let fifo = trigger.string("topicType")?.literalValue == "FIFO"
            builder.add(
                topicID,
                Resource(
                    "AWS::SNS::Topic",
                    properties: [
                        ("TopicName", Intrinsic.string(name)),
                        ("FifoTopic", fifo ? .bool(true) : nil),
                        ("ContentBasedDeduplication", fifo ? .bool(true) : nil),
                        (
                            "KmsMasterKeyId",
                            trigger.string("topicEncryption")?.literalValue == "NONE"
                                ? nil : trigger.string("topicKmsMasterKeyId").map(Intrinsic.string)
                        ),
                        ("Tags", builder.tagList),
                    ]))
            topicArn = Intrinsic.ref(topicID)
            builder.output(topicID + "Arn", topicArn, "ARN of the topic")
        } else {
            topicArn = Intrinsic.string(trigger.string("topicArn") ?? InterpolatedString(literal: ""))
        }
        queue.addQueues(to: &builder)
        queue.addQueuePolicy(
            to: &builder,
            senders: [
                QueueResources.Sender(
                    sid: "AllowTopicToSend", service: "sns.amazonaws.com", sourceArn: topicArn, queueArn: queue.queueArn)
            ])
        builder.add(
            prefix + "Subscription",
            Resource(
                "AWS::SNS::Subscription", dependsOn: [prefix + "QueuePolicy"],
                properties: [
                    ("TopicArn", topicArn),
                    ("Protocol", .string("sqs")),
                    ("Endpoint", queue.queueArn),
                    ("RawMessageDelivery", .bool(trigger.boolean("rawMessageDelivery") ?? true)),
                    ("FilterPolicy", trigger.parameters["filterPolicy"]?.json),
                ]))
        queue.addMapping(to: &builder, function: function)
        queue.addAlarms(to: &builder)
    }
}
