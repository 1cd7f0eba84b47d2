/// Every setting of SPEC section 3, in the order the documentation and `resolve` list them.
public enum SettingCatalog {
    private static let queueTypes: Set<TriggerType> = [.cweventsqsdlq, .sqsdlq, .snssqsdlq]
    private static let dlqTypes: Set<TriggerType> = [.cweventsqsdlq, .sqsdlq, .snssqsdlq]
    private static let ruleTypes: Set<TriggerType> = [.cweventsqsdlq, .cwevent, .cwschedule]
    private static let mappingTypes: Set<TriggerType> = [.cweventsqsdlq, .sqsdlq, .snssqsdlq, .kinesis]
    private static let allTypes = Set(TriggerType.allCases)
    /// Types that may have a dead-letter queue: the queue types' redrive target, a stream's on-failure
    /// destination, a rule's failed deliveries.
    private static let deadLetterTypes = Set(TriggerType.allCases)
    private static let alarmMode = SettingKind.enumeration(["enabled", "disabled"])
    private static let seconds = SettingKind.integer(1...86_400 * 14)

    public static let all: [SettingSpec] = [
        SettingSpec(
            "queueName", .string(maxLength: 80), types: queueTypes, default: "required when bundled",
            "name of the source queue; ends in .fifo exactly when the queue is FIFO"),
        SettingSpec(
            "queueArn", .string(maxLength: 1600), types: queueTypes, default: "required when not bundled",
            "ARN of an existing source queue (bundled: false)"),
        SettingSpec(
            "queueType", .enumeration(["FIFO", "STANDARD"]), types: queueTypes, default: "STANDARD",
            "FIFO or STANDARD"),
        SettingSpec(
            "queueVisibilityTimeout", .integer(0...43_200), types: queueTypes,
            default: "6 x function timeout + batching window, at most 43200 (30 without a function)",
            "seconds a received message stays invisible; must be at least the function timeout"),
        SettingSpec(
            "queueMessageRetentionPeriod", .integer(60...1_209_600), types: queueTypes, default: "345600",
            "seconds a message is kept in the source queue"),
        SettingSpec(
            "queueDelaySeconds", .integer(0...900), types: queueTypes, default: "0",
            "seconds every message is delayed before it can be received"),
        SettingSpec(
            "queueReceiveMessageWaitTimeSeconds", .integer(0...20), types: queueTypes, default: "0",
            "long-polling wait time of the queue"),
        SettingSpec(
            "queueMaxReceiveCount", .integer(1...1000), types: dlqTypes, default: "3",
            "receives before a message moves to the dead-letter queue"),
        SettingSpec(
            "queueMessageGroupId", .string(maxLength: 100), types: [.cweventsqsdlq],
            default: "required for FIFO", "message group id EventBridge sends with every event (FIFO only)"),
        SettingSpec(
            "queueContentBasedDeduplication", .boolean, types: queueTypes,
            default: "true when fed by EventBridge or SNS", "content-based deduplication (FIFO only)"),
        SettingSpec(
            "queueEncryption", .enumeration(["SQS", "KMS", "NONE"]), types: deadLetterTypes,
            default: "SQS", "server-side encryption of the queues: SSE-SQS, SSE-KMS or none"),
        SettingSpec(
            "queueKmsMasterKeyId", .string(maxLength: 2048), types: deadLetterTypes,
            default: "none", "KMS key id, ARN or alias (only with queueEncryption: KMS)"),
        SettingSpec(
            "dLQueueName", .string(maxLength: 80), types: deadLetterTypes,
            default: "required when bundled", "name of the dead-letter queue; FIFO exactly when the source queue is"),
        SettingSpec(
            "dLQueueArn", .string(maxLength: 1600), types: deadLetterTypes,
            default: "none", "ARN of an existing dead-letter queue (bundled: false)"),
        SettingSpec(
            "dLQueueMessageRetentionPeriod", .integer(60...1_209_600),
            types: deadLetterTypes, default: "1209600",
            "seconds a message is kept in the dead-letter queue; should exceed the source queue's"),
        SettingSpec(
            "batchSize", .integer(1...10_000), types: mappingTypes, default: "10 (kinesis 100)",
            "records per function invocation (FIFO at most 10)"),
        SettingSpec(
            "maximumBatchingWindowInSeconds", .integer(0...300), types: mappingTypes, default: "0",
            "seconds to gather a batch (not for FIFO)"),
        SettingSpec(
            "reportBatchItemFailures", .boolean, types: mappingTypes, default: "true",
            "let the function report partial batch failures"),
        SettingSpec(
            "maximumConcurrency", .integer(2...1000), types: queueTypes, default: "none",
            "most concurrent invocations the SQS mapping starts"),
        SettingSpec(
            "eventSourceEnabled", .boolean, types: mappingTypes, default: "true",
            "whether the event source mapping polls"),
        SettingSpec(
            "ruleName", .string(maxLength: 64), types: ruleTypes, default: "derived from the queue or function name",
            "name of the EventBridge rule"),
        SettingSpec(
            "ruleState", .enumeration(["ENABLED", "DISABLED"]), types: ruleTypes, default: "ENABLED",
            "state of the rule"),
        SettingSpec(
            "ruleDescription", .string(maxLength: 512), types: ruleTypes, default: "generated",
            "description of the rule"),
        SettingSpec(
            "eventBusName", .string(maxLength: 1600), types: ruleTypes, default: "default",
            "event bus name or ARN the rule listens on"),
        SettingSpec(
            "targetMaximumRetryAttempts", .integer(0...185), types: ruleTypes, default: "AWS default (185)",
            "retries of a failed delivery to the target"),
        SettingSpec(
            "targetMaximumEventAgeInSeconds", .integer(60...86_400), types: ruleTypes,
            default: "AWS default (86400)", "oldest age of an event EventBridge still retries"),
        SettingSpec(
            "targetDeadLetter", .boolean, types: ruleTypes,
            default: "false (true for cwevent/cwschedule when dLQueueName is set)",
            "a standard SQS queue for deliveries the rule itself fails"),
        SettingSpec(
            "triggerEnabled", .boolean, types: allTypes, default: "true",
            "false disables the rule and the mapping but keeps every queue"),
        SettingSpec(
            "topicName", .string(maxLength: 256), types: [.snssqsdlq], default: "one of topicName/topicArn",
            "name of the SNS topic to create"),
        SettingSpec(
            "topicArn", .string(maxLength: 1600), types: [.snssqsdlq], default: "one of topicName/topicArn",
            "ARN of an existing SNS topic"),
        SettingSpec(
            "topicType", .enumeration(["FIFO", "STANDARD"]), types: [.snssqsdlq], default: "STANDARD",
            "FIFO or STANDARD topic"),
        SettingSpec(
            "topicEncryption", .enumeration(["KMS", "NONE"]), types: [.snssqsdlq], default: "KMS",
            "server-side encryption of the topic the template creates"),
        SettingSpec(
            "topicKmsMasterKeyId", .string(maxLength: 2048), types: [.snssqsdlq], default: "alias/aws/sns",
            "KMS key of the topic; AWS services that publish to it (EventBridge, CloudWatch, S3) need a customer-managed key"),
        SettingSpec(
            "rawMessageDelivery", .boolean, types: [.snssqsdlq], default: "true",
            "deliver the bare message instead of the SNS envelope"),
        SettingSpec(
            "streamName", .string(maxLength: 128), types: [.kinesis], default: "one of streamName/streamArn",
            "name of the Kinesis stream to create"),
        SettingSpec(
            "streamArn", .string(maxLength: 1600), types: [.kinesis], default: "one of streamName/streamArn",
            "ARN of an existing Kinesis stream"),
        SettingSpec(
            "streamShardCount", .integer(1...10_000), types: [.kinesis], default: "on-demand",
            "provisioned shard count of the stream"),
        SettingSpec(
            "startingPosition", .enumeration(["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"]), types: [.kinesis],
            default: "LATEST", "where the mapping starts reading"),
        SettingSpec(
            "startingPositionTimestamp", .integer(0...4_102_444_800), types: [.kinesis], default: "none",
            "Unix time to start at (AT_TIMESTAMP)"),
        SettingSpec(
            "parallelizationFactor", .integer(1...10), types: [.kinesis], default: "AWS default (1)",
            "concurrent batches per shard"),
        SettingSpec(
            "maximumRetryAttempts", .integer(-1...10_000), types: [.kinesis], default: "AWS default (-1)",
            "retries of a failed batch (-1 = until the record expires)"),
        SettingSpec(
            "maximumRecordAgeInSeconds", .integer(-1...604_800), types: [.kinesis], default: "AWS default (-1)",
            "oldest record the mapping still sends (-1 or 60..604800)"),
        SettingSpec(
            "bisectBatchOnFunctionError", .boolean, types: [.kinesis], default: "AWS default (false)",
            "split a failing batch in two"),
        SettingSpec(
            "alarmDLQApproximateAgeOfOldestMessageMode", alarmMode, types: deadLetterTypes,
            default: "enabled when a DLQ exists", "alarm on the age of the oldest dead-letter message"),
        SettingSpec(
            "alarmDLQApproximateAgeOfOldestMessageThreshold", seconds, types: deadLetterTypes,
            default: "60", "seconds"),
        SettingSpec(
            "alarmSQSApproximateAgeOfOldestMessageMode", alarmMode, types: queueTypes, default: "disabled",
            "alarm on the age of the oldest message in the source queue"),
        SettingSpec(
            "alarmSQSApproximateAgeOfOldestMessageThreshold", seconds, types: queueTypes,
            default: "required when enabled", "seconds"),
        SettingSpec(
            "alarmEventsTriggeredRulesCountMode", alarmMode, types: ruleTypes, default: "disabled",
            "alarm when the rule triggered fewer than Threshold times in Period"),
        SettingSpec(
            "alarmEventsTriggeredRulesCountThreshold", .integer(1...1_000_000_000), types: ruleTypes,
            default: "1", "triggers per period"),
        SettingSpec(
            "alarmEventsTriggeredRulesCountPeriod", .integer(60...86_400), types: ruleTypes, default: "3600",
            "seconds, a multiple of 60"),
        SettingSpec(
            "alarmDLQApproximateNumberOfMessagesVisibleMode", alarmMode, types: deadLetterTypes,
            default: "disabled", "alarm on the number of messages in the dead-letter queue"),
        SettingSpec(
            "alarmDLQApproximateNumberOfMessagesVisibleThreshold", .integer(1...1_000_000_000),
            types: deadLetterTypes, default: "1", "messages"),
        SettingSpec(
            "alarmEventsFailedInvocationsMode", alarmMode, types: ruleTypes, default: "disabled",
            "alarm on deliveries the rule failed"),
        SettingSpec(
            "alarmEventsFailedInvocationsThreshold", .integer(1...1_000_000_000), types: ruleTypes,
            default: "1", "failed invocations per 5 minutes"),
        SettingSpec(
            "alarmActions", .stringList(maxCount: 5), types: allTypes, default: "none",
            "ARNs notified by every alarm (AlarmActions and OKActions)"),
    ]

    private static let byName: [String: SettingSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The setting named `name`, or `nil` when there is none.
    public static func spec(named name: String) -> SettingSpec? { byName[name] }

    /// The names of every setting, for "did you mean".
    public static var names: [String] { all.map(\.name) }

    /// The parameters a trigger may hold, the types that use each, and what each is.
    public static let parameters: [(name: String, types: Set<TriggerType>, summary: String)] = [
        ("eventPattern", [.cweventsqsdlq, .cwevent], "jsonValue: the EventBridge event pattern of the rule"),
        ("scheduleExpression", [.cwschedule], "value: cron(...) or rate(...), in UTC"),
        ("input", ruleTypes, "constant JSON sent to the target instead of the event"),
        ("filterPolicy", [.snssqsdlq], "jsonValue: the SNS subscription filter policy"),
        ("filterCriteria", mappingTypes, "jsonValue: an event source mapping filter pattern, or a list of them"),
    ]
}
