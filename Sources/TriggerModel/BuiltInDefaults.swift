/// The built-in defaults of SPEC section 3 that have a concrete value; "AWS default" settings stay absent
/// so that the template leaves them to AWS.
enum BuiltInDefaults {
    /// The names of the settings each type has: one set lookup per default instead of a catalog lookup and a
    /// lookup in the setting's set of types.
    private static let namesByType: [TriggerType: Set<SettingName>] = Dictionary(
        uniqueKeysWithValues: TriggerType.allCases.map { type in
            (type, Set(SettingCatalog.all.filter { $0.types.contains(type) }.map { SettingName($0.name) }))
        })

    /// The defaults that depend on the type alone, worked out once per type rather than for every trigger.
    private static let fixedByType: [TriggerType: [(String, SettingValue, String)]] = Dictionary(
        uniqueKeysWithValues: TriggerType.allCases.map { type in (type, fixedValues(for: type)) })

    private static func text(_ value: String) -> SettingValue { .string(InterpolatedString(literal: value)) }

    /// Adds a default when the type has the setting.
    private static func append(
        _ name: String, _ value: SettingValue, _ how: String, ifIn names: Set<SettingName>,
        to values: inout [(String, SettingValue, String)]
    ) {
        if names.contains(SettingName(name)) { values.append((name, value, how)) }
    }

    private static func fixedValues(for type: TriggerType) -> [(String, SettingValue, String)] {
        let names = namesByType[type] ?? []
        var values: [(String, SettingValue, String)] = []
        func add(_ name: String, _ value: SettingValue, _ how: String) { append(name, value, how, ifIn: names, to: &values) }
        add("queueType", text("STANDARD"), "STANDARD")
        add("queueMessageRetentionPeriod", .integer(345_600), "4 days")
        add("queueDelaySeconds", .integer(0), "no delay")
        add("queueReceiveMessageWaitTimeSeconds", .integer(0), "short polling")
        add("queueMaxReceiveCount", .integer(3), "3 receives")
        add("queueEncryption", text("SQS"), "SSE-SQS")
        add("batchSize", .integer(type == .kinesis ? 100 : 10), type == .kinesis ? "kinesis default" : "SQS default")
        add("maximumBatchingWindowInSeconds", .integer(0), "no batching window")
        add("reportBatchItemFailures", .boolean(true), "partial batch responses")
        add("eventSourceEnabled", .boolean(true), "enabled")
        add("ruleState", text("ENABLED"), "enabled")
        add("eventBusName", text("default"), "the default bus")
        add("triggerEnabled", .boolean(true), "enabled")
        add("rawMessageDelivery", .boolean(true), "bare messages")
        add("topicType", text("STANDARD"), "STANDARD")
        add("topicEncryption", text("KMS"), "encrypted")
        add("startingPosition", text("LATEST"), "LATEST")
        add("alarmDLQApproximateAgeOfOldestMessageThreshold", .integer(60), "60 seconds")
        add("alarmSQSApproximateAgeOfOldestMessageMode", text("disabled"), "disabled")
        add("alarmEventsTriggeredRulesCountMode", text("disabled"), "disabled")
        add("alarmEventsTriggeredRulesCountThreshold", .integer(1), "1 trigger")
        add("alarmEventsTriggeredRulesCountPeriod", .integer(3600), "1 hour")
        add("alarmDLQApproximateNumberOfMessagesVisibleMode", text("disabled"), "disabled")
        add("alarmDLQApproximateNumberOfMessagesVisibleThreshold", .integer(1), "1 message")
        add("alarmEventsFailedInvocationsMode", text("disabled"), "disabled")
        add("alarmEventsFailedInvocationsThreshold", .integer(1), "1 failure")
        return values
    }

    static func values(for trigger: ResolvedTrigger, function: ResolvedFunction?) -> [(String, SettingValue, String)] {
        let type = trigger.type
        let names = namesByType[type] ?? []
        var values = fixedByType[type] ?? []
        // The defaults that depend on what the trigger or its function sets.
        func add(_ name: String, _ value: SettingValue, _ how: String) { append(name, value, how, ifIn: names, to: &values) }
        let fifo = (trigger.string("queueType")?.literalValue ?? "STANDARD") == "FIFO"
        let window = trigger.integer("maximumBatchingWindowInSeconds") ?? 0
        if let function {
            let visibility = min(6 * function.timeout + window, 43_200)
            add(
                "queueVisibilityTimeout", .integer(visibility),
                "6 x function timeout \(function.timeout)" + (window > 0 ? " + batching window \(window)" : ""))
        } else {
            add("queueVisibilityTimeout", .integer(30), "SQS default without a known function timeout")
        }
        if fifo, type.queueIsServiceFed {
            add("queueContentBasedDeduplication", .boolean(true), "a FIFO queue fed by EventBridge or SNS needs it")
        }
        if type.hasDeadLetterQueue || trigger.string("dLQueueName") != nil {
            add("dLQueueMessageRetentionPeriod", .integer(1_209_600), "14 days, the SQS maximum")
        }
        let hasRuleDLQ =
            (type == .cwevent || type == .cwschedule)
            && (trigger.string("dLQueueName") != nil || trigger.string("dLQueueArn") != nil)
        add("targetDeadLetter", .boolean(hasRuleDLQ), hasRuleDLQ ? "a dead-letter queue is named" : "no rule dead-letter queue")
        if trigger.string("topicEncryption")?.literalValue != "NONE" {
            add("topicKmsMasterKeyId", text("alias/aws/sns"), "the AWS-managed SNS key")
        }
        // Alarms watch only queues the template creates: an existing queue's alarms belong to its own stack.
        let createsDLQ = trigger.isBundled && (type.hasQueue || trigger.string("dLQueueName") != nil)
        add(
            "alarmDLQApproximateAgeOfOldestMessageMode", text(createsDLQ ? "enabled" : "disabled"),
            createsDLQ ? "the template creates a DLQ" : "the template creates no DLQ")
        return values
    }
}
