import TriggerModel

/// Emits a `kinesis` trigger: stream (created, or existing by `streamArn`) -> function, with batches that
/// keep failing sent to an SQS on-failure destination.
struct StreamEmitter {
    func emit(_ trigger: ResolvedTrigger, prefix: String, into builder: inout TemplateBuilder) {
        let function = builder.function(polls: true)
        let streamArn: JSONValue
        if trigger.isBundled, let name = trigger.string("streamName") {
            let streamID = prefix + "Stream"
            let mode: JSONValue =
                trigger.integer("streamShardCount") == nil
                ? .object([("StreamMode", .string("ON_DEMAND"))]) : .object([("StreamMode", .string("PROVISIONED"))])
            builder.add(
                streamID,
                Resource(
                    "AWS::Kinesis::Stream",
                    properties: [
                        ("Name", Intrinsic.string(name)),
                        ("ShardCount", trigger.integer("streamShardCount").map(JSONValue.integer)),
                        ("StreamModeDetails", mode),
                        (
                            "StreamEncryption",
                            .object([
                                ("EncryptionType", .string("KMS")),
                                ("KeyId", .string("alias/aws/kinesis")),
                            ])
                        ),
                        ("Tags", builder.tagList),
                    ]))
            streamArn = Intrinsic.getAtt(streamID, "Arn")
            builder.output(streamID + "Arn", streamArn, "ARN of the stream")
        } else {
            streamArn = Intrinsic.string(trigger.string("streamArn") ?? InterpolatedString(literal: ""))
        }

        var destination: JSONValue?
        if trigger.isBundled, let name = trigger.string("dLQueueName") {
            let queueID = prefix + "DeadLetterQueue"
            let queueArn = builder.addStandaloneQueue(
                queueID, name: name, retention: trigger.integer("dLQueueMessageRetentionPeriod"),
                encryption: QueueResources.encryption(trigger))
            destination = queueArn
            builder.output(queueID + "Arn", queueArn, "ARN of the on-failure destination queue")
            AlarmFactory(trigger: trigger, tags: builder.tagList)
                .addDeadLetterAlarms(queueID: queueID, queueName: name, prefix: prefix, to: &builder)
        } else if let arn = trigger.string("dLQueueArn") {
            destination = Intrinsic.string(arn)
        }

        // AWS's list for Kinesis mappings, less kinesis:ListStreams, which cannot be scoped to a stream and the
        // mapping does not need.
        var statements: [JSONValue] = [
            .object([
                ("Sid", .string("ReadStream")),
                ("Effect", .string("Allow")),
                (
                    "Action",
                    .array(
                        [
                            "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator",
                            "kinesis:ListShards", "kinesis:SubscribeToShard",
                        ].map { .string($0) })
                ),
                ("Resource", streamArn),
            ])
        ]
        if trigger.isBundled, trigger.string("streamName") != nil {
            statements.append(
                .object([
                    ("Sid", .string("DecryptStream")),
                    ("Effect", .string("Allow")),
                    ("Action", .array([.string("kms:Decrypt")])),
                    ("Resource", Intrinsic.sub("arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*")),
                    ("Condition", .object([("ForAnyValue:StringEquals", .object([("kms:ResourceAliases", .string("alias/aws/kinesis"))]))])),
                ]))
        }
        if let destination {
            statements.append(
                .object([
                    ("Sid", .string("SendFailures")),
                    ("Effect", .string("Allow")),
                    ("Action", .array([.string("sqs:SendMessage")])),
                    ("Resource", destination),
                ]))
        }
        let dependsOn = PollingPolicy.add(statements, source: "stream", prefix: prefix, function: function, to: &builder)
        let position = trigger.string("startingPosition")?.literalValue ?? "LATEST"
        let window = trigger.integer("maximumBatchingWindowInSeconds") ?? 0
        builder.add(
            prefix + "EventSourceMapping",
            Resource(
                "AWS::Lambda::EventSourceMapping", dependsOn: dependsOn,
                properties: [
                    ("FunctionName", function.name),
                    ("EventSourceArn", streamArn),
                    ("StartingPosition", .string(position)),
                    (
                        "StartingPositionTimestamp",
                        position == "AT_TIMESTAMP"
                            ? trigger.integer("startingPositionTimestamp").map(JSONValue.integer) : nil
                    ),
                    ("BatchSize", trigger.integer("batchSize").map(JSONValue.integer)),
                    ("MaximumBatchingWindowInSeconds", window > 0 ? .integer(window) : nil),
                    ("ParallelizationFactor", trigger.integer("parallelizationFactor").map(JSONValue.integer)),
                    ("MaximumRetryAttempts", trigger.integer("maximumRetryAttempts").map(JSONValue.integer)),
                    ("MaximumRecordAgeInSeconds", trigger.integer("maximumRecordAgeInSeconds").map(JSONValue.integer)),
                    ("BisectBatchOnFunctionError", trigger.boolean("bisectBatchOnFunctionError").map(JSONValue.bool)),
                    (
                        "FunctionResponseTypes",
                        trigger.boolean("reportBatchItemFailures") == false
                            ? nil : .array([.string("ReportBatchItemFailures")])
                    ),
                    ("DestinationConfig", destination.map { .object([("OnFailure", .object([("Destination", $0)]))]) }),
                    ("Enabled", .bool(PollingPolicy.mappingEnabled(trigger))),
                    ("FilterCriteria", PollingPolicy.filterCriteria(trigger)),
                    ("Tags", builder.tagList),
                ]))
    }
}
