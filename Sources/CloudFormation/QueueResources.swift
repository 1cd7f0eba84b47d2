import TriggerModel

/// The SQS parts every queue-fed trigger shares: source queue, dead-letter queue, polling permissions, the
/// event source mapping and the queue alarms. Pure functions of the resolved trigger.
struct QueueResources {
    let trigger: ResolvedTrigger
    let prefix: String

    var queueID: String { prefix + "Queue" }
    var deadLetterQueueID: String { prefix + "DeadLetterQueue" }
    var queueName: InterpolatedString { trigger.string("queueName") ?? InterpolatedString(literal: "") }
    var deadLetterQueueName: InterpolatedString { trigger.string("dLQueueName") ?? InterpolatedString(literal: "") }

    /// `arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:<name>`, built from the name so that the
    /// dead-letter queue can name its source without a circular reference.
    static func arn(ofQueueNamed name: InterpolatedString) -> InterpolatedString {
        InterpolatedString(parts: [
            .literal("arn:"), .pseudo("AWS::Partition"), .literal(":sqs:"), .pseudo("AWS::Region"), .literal(":"),
            .pseudo("AWS::AccountId"), .literal(":"),
        ] + name.parts)
    }

    func encryption() -> [(String, JSONValue?)] {
        switch trigger.string("queueEncryption")?.literalValue {
        case "KMS": [("KmsMasterKeyId", trigger.string("queueKmsMasterKeyId").map(Intrinsic.string))]
        case "NONE": [("SqsManagedSseEnabled", .bool(false))]
        default: [("SqsManagedSseEnabled", .bool(true))]
        }
    }

    func addQueues(to builder: inout TemplateBuilder) {
        let fifo = trigger.isFIFO
        builder.add(deadLetterQueueID, Resource("AWS::SQS::Queue", properties: [
            ("QueueName", Intrinsic.string(deadLetterQueueName)),
            ("FifoQueue", fifo ? .bool(true) : nil),
            ("MessageRetentionPeriod", trigger.integer("dLQueueMessageRetentionPeriod").map(JSONValue.integer)),
            ("RedriveAllowPolicy", .object([
                ("redrivePermission", .string("byQueue")),
                ("sourceQueueArns", .array([Intrinsic.string(Self.arn(ofQueueNamed: queueName))])),
            ])),
            ("Tags", builder.tagList),
        ] + encryption()))
        builder.add(queueID, Resource("AWS::SQS::Queue", properties: [
            ("QueueName", Intrinsic.string(queueName)),
            ("FifoQueue", fifo ? .bool(true) : nil),
            ("ContentBasedDeduplication", fifo ? trigger.boolean("queueContentBasedDeduplication").map(JSONValue.bool) : nil),
            ("VisibilityTimeout", trigger.integer("queueVisibilityTimeout").map(JSONValue.integer)),
            ("MessageRetentionPeriod", trigger.integer("queueMessageRetentionPeriod").map(JSONValue.integer)),
            ("DelaySeconds", trigger.integer("queueDelaySeconds").map(JSONValue.integer)),
            ("ReceiveMessageWaitTimeSeconds", trigger.integer("queueReceiveMessageWaitTimeSeconds").map(JSONValue.integer)),
            ("RedrivePolicy", .object([
                ("deadLetterTargetArn", Intrinsic.getAtt(deadLetterQueueID, "Arn")),
                ("maxReceiveCount", .integer(trigger.integer("queueMaxReceiveCount") ?? 3)),
            ])),
            ("Tags", builder.tagList),
        ] + encryption()))
        builder.output(queueID + "Url", Intrinsic.ref(queueID), "URL of the source queue")
        builder.output(queueID + "Arn", Intrinsic.getAtt(queueID, "Arn"), "ARN of the source queue")
        builder.output(deadLetterQueueID + "Url", Intrinsic.ref(deadLetterQueueID), "URL of the dead-letter queue")
        builder.output(deadLetterQueueID + "Arn", Intrinsic.getAtt(deadLetterQueueID, "Arn"), "ARN of the dead-letter queue")
    }

    /// The statement that refuses every request made without TLS, for a queue policy.
    func denyInsecureTransport(_ resources: [JSONValue]) -> JSONValue {
        .object([
            ("Sid", .string("DenyInsecureTransport")),
            ("Effect", .string("Deny")),
            ("Principal", .string("*")),
            ("Action", .string("sqs:*")),
            ("Resource", .array(resources)),
            ("Condition", .object([("Bool", .object([("aws:SecureTransport", .string("false"))]))])),
        ])
    }

    /// Statements that let the function's role poll the queue (AWS's list: receive, delete, attributes).
    func pollingStatements() -> [JSONValue] {
        var statements: [JSONValue] = [.object([
            ("Sid", .string("PollQueue")),
            ("Effect", .string("Allow")),
            ("Action", .array([
                .string("sqs:ReceiveMessage"), .string("sqs:DeleteMessage"), .string("sqs:GetQueueAttributes"),
            ])),
            ("Resource", Intrinsic.getAtt(queueID, "Arn")),
        ])]
        if trigger.string("queueEncryption")?.literalValue == "KMS", let key = trigger.string("queueKmsMasterKeyId") {
            statements.append(KMSKey(key).decryptStatement())
        }
        return statements
    }

    /// Adds the polling policy (when the role is known) and the event source mapping.
    func addMapping(to builder: inout TemplateBuilder, function: TemplateBuilder.FunctionReference) {
        var dependsOn = function.dependsOn
        if let roleName = function.roleName {
            let policyID = prefix + "PollingPolicy"
            builder.add(policyID, Resource("AWS::IAM::Policy", properties: [
                ("PolicyName", .string("poll-" + (prefix.isEmpty ? "queue" : prefix))),
                ("Roles", .array([roleName])),
                ("PolicyDocument", .object([
                    ("Version", .string("2012-10-17")),
                    ("Statement", .array(pollingStatements())),
                ])),
            ]))
            dependsOn.append(policyID)
        }
        let enabled = (trigger.boolean("triggerEnabled") ?? true) && (trigger.boolean("eventSourceEnabled") ?? true)
        let window = trigger.integer("maximumBatchingWindowInSeconds") ?? 0
        builder.add(prefix + "EventSourceMapping", Resource("AWS::Lambda::EventSourceMapping", dependsOn: dependsOn, properties: [
            ("FunctionName", function.name),
            ("EventSourceArn", Intrinsic.getAtt(queueID, "Arn")),
            ("BatchSize", trigger.integer("batchSize").map(JSONValue.integer)),
            ("MaximumBatchingWindowInSeconds", window > 0 ? .integer(window) : nil),
            ("FunctionResponseTypes", trigger.boolean("reportBatchItemFailures") == false
                ? nil : .array([.string("ReportBatchItemFailures")])),
            ("Enabled", .bool(enabled)),
            ("ScalingConfig", trigger.integer("maximumConcurrency").map {
                .object([("MaximumConcurrency", .integer($0))]) }),
            ("FilterCriteria", filterCriteria()),
        ]))
    }

    /// `FilterCriteria` from the `filterCriteria` parameter: one pattern object or a list of them.
    func filterCriteria() -> JSONValue? {
        guard let parameter = trigger.parameters["filterCriteria"] else { return nil }
        let patterns: [JSONValue]
        if case .array(let items) = parameter.json { patterns = items } else { patterns = [parameter.json] }
        return .object([("Filters", .array(patterns.map { .object([("Pattern", .string(TemplateWriter.compact($0)))]) }))])
    }

    func addAlarms(to builder: inout TemplateBuilder) {
        let alarms = AlarmFactory(trigger: trigger, builder: builder)
        if trigger.alarmEnabled("alarmDLQApproximateAgeOfOldestMessageMode") {
            builder.add(prefix + "DeadLetterQueueAgeAlarm", alarms.queueAlarm(
                queueID: deadLetterQueueID, queueName: deadLetterQueueName, suffix: "oldest-message-age",
                metric: "ApproximateAgeOfOldestMessage",
                threshold: trigger.integer("alarmDLQApproximateAgeOfOldestMessageThreshold") ?? 60,
                description: "A message has waited in the dead-letter queue longer than the threshold (seconds)"))
        }
        if trigger.alarmEnabled("alarmDLQApproximateNumberOfMessagesVisibleMode") {
            builder.add(prefix + "DeadLetterQueueDepthAlarm", alarms.queueAlarm(
                queueID: deadLetterQueueID, queueName: deadLetterQueueName, suffix: "messages-visible",
                metric: "ApproximateNumberOfMessagesVisible",
                threshold: trigger.integer("alarmDLQApproximateNumberOfMessagesVisibleThreshold") ?? 1,
                description: "The dead-letter queue holds at least the threshold number of messages"))
        }
        if trigger.alarmEnabled("alarmSQSApproximateAgeOfOldestMessageMode"),
            let threshold = trigger.integer("alarmSQSApproximateAgeOfOldestMessageThreshold")
        {
            builder.add(prefix + "QueueAgeAlarm", alarms.queueAlarm(
                queueID: queueID, queueName: queueName, suffix: "oldest-message-age", metric: "ApproximateAgeOfOldestMessage",
                threshold: threshold, description: "A message has waited in the queue longer than the threshold (seconds)"))
        }
    }
}

/// A KMS key as the manifest names it: key id, key ARN, alias name or alias ARN.
struct KMSKey {
    let text: InterpolatedString

    init(_ text: InterpolatedString) { self.text = text }

    /// `kms:Decrypt` on exactly that key; an alias is matched through `kms:ResourceAliases`.
    func decryptStatement() -> JSONValue {
        let display = text.displayText
        let keyARNPrefix = InterpolatedString(parts: [
            .literal("arn:"), .pseudo("AWS::Partition"), .literal(":kms:"), .pseudo("AWS::Region"), .literal(":"),
            .pseudo("AWS::AccountId"), .literal(":key/"),
        ])
        var members: [(String, JSONValue)] = [
            ("Sid", .string("DecryptQueueMessages")),
            ("Effect", .string("Allow")),
            ("Action", .array([.string("kms:Decrypt")])),
        ]
        if display.hasPrefix("arn:"), display.contains(":key/") {
            members.append(("Resource", Intrinsic.string(text)))
        } else if display.hasPrefix("alias/") || (display.hasPrefix("arn:") && display.contains(":alias/")) {
            let alias = display.hasPrefix("arn:") ? String(display[display.firstRange(of: ":alias/")!.lowerBound...].dropFirst()) : display
            members.append(("Resource", Intrinsic.string(InterpolatedString(parts: keyARNPrefix.parts + [.literal("*")]))))
            members.append(("Condition", .object([
                ("ForAnyValue:StringEquals", .object([("kms:ResourceAliases", .string(alias))])),
            ])))
        } else {
            members.append(("Resource", Intrinsic.string(InterpolatedString(parts: keyARNPrefix.parts + text.parts))))
        }
        return .object(members)
    }
}

/// Builds CloudWatch alarms with the notification actions and naming every alarm shares.
struct AlarmFactory {
    let trigger: ResolvedTrigger
    let builder: TemplateBuilder

    var actions: [(String, JSONValue?)] {
        guard let arns = trigger.list("alarmActions"), !arns.isEmpty else { return [] }
        let list = JSONValue.array(arns.map(Intrinsic.string))
        return [("AlarmActions", list), ("OKActions", list)]
    }

    func queueAlarm(
        queueID: String, queueName: InterpolatedString, suffix: String, metric: String, threshold: Int, description: String
    ) -> Resource {
        Resource("AWS::CloudWatch::Alarm", properties: [
            ("AlarmName", Intrinsic.string(InterpolatedString(parts: queueName.parts + [.literal("-" + suffix)]))),
            ("AlarmDescription", .string(description)),
            ("Namespace", .string("AWS/SQS")),
            ("MetricName", .string(metric)),
            ("Dimensions", .array([.object([("Name", .string("QueueName")), ("Value", Intrinsic.getAtt(queueID, "QueueName"))])])),
            ("Statistic", .string("Maximum")),
            ("Period", .integer(60)),
            ("EvaluationPeriods", .integer(1)),
            ("Threshold", .integer(threshold)),
            ("ComparisonOperator", .string("GreaterThanOrEqualToThreshold")),
            // Idle queues stop reporting; silence is not a problem for a backlog alarm.
            ("TreatMissingData", .string("notBreaching")),
            ("Tags", builder.tagList),
        ] + actions)
    }

    func ruleAlarm(
        ruleName: InterpolatedString, eventBus: String?, suffix: String, metric: String, threshold: Int, period: Int,
        comparison: String, treatMissingData: String, description: String
    ) -> Resource {
        var dimensions: [JSONValue] = [.object([("Name", .string("RuleName")), ("Value", Intrinsic.string(ruleName))])]
        if let eventBus {
            dimensions.insert(.object([("Name", .string("EventBusName")), ("Value", .string(eventBus))]), at: 0)
        }
        return Resource("AWS::CloudWatch::Alarm", properties: [
            ("AlarmName", Intrinsic.string(InterpolatedString(parts: ruleName.parts + [.literal("-" + suffix)]))),
            ("AlarmDescription", .string(description)),
            ("Namespace", .string("AWS/Events")),
            ("MetricName", .string(metric)),
            ("Dimensions", .array(dimensions)),
            ("Statistic", .string("Sum")),
            ("Period", .integer(period)),
            ("EvaluationPeriods", .integer(1)),
            ("Threshold", .integer(threshold)),
            ("ComparisonOperator", .string(comparison)),
            ("TreatMissingData", .string(treatMissingData)),
            ("Tags", builder.tagList),
        ] + actions)
    }
}
