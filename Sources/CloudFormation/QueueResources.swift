import TriggerModel

/// The SQS parts every queue-fed trigger shares: source queue, dead-letter queue, queue policy, polling
/// permissions, the event source mapping and the queue alarms. Pure functions of the resolved trigger.
struct QueueResources {
    let trigger: ResolvedTrigger
    let prefix: String

    var queueID: String { prefix + "Queue" }
    var deadLetterQueueID: String { prefix + "DeadLetterQueue" }
    var queueName: InterpolatedString { trigger.string("queueName") ?? InterpolatedString(literal: "") }
    var deadLetterQueueName: InterpolatedString { trigger.string("dLQueueName") ?? InterpolatedString(literal: "") }

    /// The source queue's ARN: the created queue's, or the existing one's (`queueArn`, bundled: false).
    var queueArn: JSONValue {
        trigger.isBundled ? Intrinsic.getAtt(queueID, "Arn") : Intrinsic.string(trigger.string("queueArn") ?? InterpolatedString(literal: ""))
    }

    /// `arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:<name>`, built from the name so that the
    /// dead-letter queue can name its source without a circular reference.
    static func arn(ofQueueNamed name: InterpolatedString) -> InterpolatedString {
        InterpolatedString(
            parts: [
                .literal("arn:"), .pseudo("AWS::Partition"), .literal(":sqs:"), .pseudo("AWS::Region"), .literal(":"),
                .pseudo("AWS::AccountId"), .literal(":"),
            ] + name.parts)
    }

    /// The encryption properties of every queue the trigger creates.
    static func encryption(_ trigger: ResolvedTrigger) -> [(String, JSONValue?)] {
        switch trigger.string("queueEncryption")?.literalValue {
        case "KMS": [("KmsMasterKeyId", trigger.string("queueKmsMasterKeyId").map(Intrinsic.string))]
        case "NONE": [("SqsManagedSseEnabled", .bool(false))]
        default: [("SqsManagedSseEnabled", .bool(true))]
        }
    }

    func addQueues(to builder: inout TemplateBuilder) {
        let fifo = trigger.isFIFO
        let metadata = Checkov.metadata(Checkov.queue(encryption: trigger.string("queueEncryption")?.literalValue))
        builder.add(
            deadLetterQueueID,
            Resource(
                "AWS::SQS::Queue", metadata: metadata,
                properties: [
                    ("QueueName", Intrinsic.string(deadLetterQueueName)),
                    ("FifoQueue", fifo ? .bool(true) : nil),
                    ("MessageRetentionPeriod", trigger.integer("dLQueueMessageRetentionPeriod").map(JSONValue.integer)),
                    (
                        "RedriveAllowPolicy",
                        .object([
                            ("redrivePermission", .string("byQueue")),
                            ("sourceQueueArns", .array([Intrinsic.string(Self.arn(ofQueueNamed: queueName))])),
                        ])
                    ),
                    ("Tags", builder.tagList),
                ] + Self.encryption(trigger)))
        builder.add(
            queueID,
            Resource(
                "AWS::SQS::Queue", metadata: metadata,
                properties: [
                    ("QueueName", Intrinsic.string(queueName)),
                    ("FifoQueue", fifo ? .bool(true) : nil),
                    ("ContentBasedDeduplication", fifo ? trigger.boolean("queueContentBasedDeduplication").map(JSONValue.bool) : nil),
                    ("VisibilityTimeout", trigger.integer("queueVisibilityTimeout").map(JSONValue.integer)),
                    ("MessageRetentionPeriod", trigger.integer("queueMessageRetentionPeriod").map(JSONValue.integer)),
                    ("DelaySeconds", trigger.integer("queueDelaySeconds").map(JSONValue.integer)),
                    ("ReceiveMessageWaitTimeSeconds", trigger.integer("queueReceiveMessageWaitTimeSeconds").map(JSONValue.integer)),
                    (
                        "RedrivePolicy",
                        .object([
                            ("deadLetterTargetArn", Intrinsic.getAtt(deadLetterQueueID, "Arn")),
                            ("maxReceiveCount", .integer(trigger.integer("queueMaxReceiveCount") ?? 3)),
                        ])
                    ),
                    ("Tags", builder.tagList),
                ] + Self.encryption(trigger)))
        builder.output(queueID + "Url", Intrinsic.ref(queueID), "URL of the source queue")
        builder.output(queueID + "Arn", Intrinsic.getAtt(queueID, "Arn"), "ARN of the source queue")
        builder.output(deadLetterQueueID + "Url", Intrinsic.ref(deadLetterQueueID), "URL of the dead-letter queue")
        builder.output(deadLetterQueueID + "Arn", Intrinsic.getAtt(deadLetterQueueID, "Arn"), "ARN of the dead-letter queue")
    }

    /// A service allowed to send to the source queue, only on behalf of one source (`aws:SourceArn`).
    struct Sender {
        let sid: String
        let service: String
        let sourceArn: JSONValue
        let queueArn: JSONValue
    }

    /// The queue policy of the created queues: each sender may `sqs:SendMessage` from its source only, and
    /// every request without TLS is refused.
    func addQueuePolicy(to builder: inout TemplateBuilder, senders: [Sender], extraQueues: [(ref: JSONValue, arn: JSONValue)] = []) {
        let arns = [Intrinsic.getAtt(queueID, "Arn"), Intrinsic.getAtt(deadLetterQueueID, "Arn")] + extraQueues.map(\.arn)
        let statements = senders.map(Self.allow) + [Self.denyInsecureTransport(arns)]
        builder.add(
            prefix + "QueuePolicy",
            Resource(
                "AWS::SQS::QueuePolicy",
                properties: [
                    ("Queues", .array([Intrinsic.ref(queueID), Intrinsic.ref(deadLetterQueueID)] + extraQueues.map(\.ref))),
                    ("PolicyDocument", .object([("Version", .string("2012-10-17")), ("Statement", .array(statements))])),
                ]))
    }

    /// The statement that lets one service send to a queue on behalf of one source (`aws:SourceArn`).
    static func allow(_ sender: Sender) -> JSONValue {
        .object([
            ("Sid", .string(sender.sid)),
            ("Effect", .string("Allow")),
            ("Principal", .object([("Service", .string(sender.service))])),
            ("Action", .string("sqs:SendMessage")),
            ("Resource", sender.queueArn),
            ("Condition", .object([("ArnEquals", .object([("aws:SourceArn", sender.sourceArn)]))])),
        ])
    }

    /// The statement that refuses every request made without TLS, for a queue policy.
    static func denyInsecureTransport(_ resources: [JSONValue]) -> JSONValue {
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
        var statements: [JSONValue] = [
            .object([
                ("Sid", .string("PollQueue")),
                ("Effect", .string("Allow")),
                (
                    "Action",
                    .array([
                        .string("sqs:ReceiveMessage"), .string("sqs:DeleteMessage"), .string("sqs:GetQueueAttributes"),
                    ])
                ),
                ("Resource", queueArn),
            ])
        ]
        if trigger.isBundled, trigger.string("queueEncryption")?.literalValue == "KMS", let key = trigger.string("queueKmsMasterKeyId") {
            statements.append(KMSKey(key).decryptStatement())
        }
        return statements
    }

    /// Adds the polling policy (when the role is known) and the event source mapping.
    func addMapping(to builder: inout TemplateBuilder, function: TemplateBuilder.FunctionReference) {
        let dependsOn = PollingPolicy.add(pollingStatements(), source: "queue", prefix: prefix, function: function, to: &builder)
        let window = trigger.integer("maximumBatchingWindowInSeconds") ?? 0
        builder.add(
            prefix + "EventSourceMapping",
            Resource(
                "AWS::Lambda::EventSourceMapping", dependsOn: dependsOn,
                properties: [
                    ("FunctionName", function.name),
                    ("EventSourceArn", queueArn),
                    ("BatchSize", trigger.integer("batchSize").map(JSONValue.integer)),
                    ("MaximumBatchingWindowInSeconds", window > 0 ? .integer(window) : nil),
                    (
                        "FunctionResponseTypes",
                        trigger.boolean("reportBatchItemFailures") == false
                            ? nil : .array([.string("ReportBatchItemFailures")])
                    ),
                    ("Enabled", .bool(PollingPolicy.mappingEnabled(trigger))),
                    (
                        "ScalingConfig",
                        trigger.integer("maximumConcurrency").map {
                            .object([("MaximumConcurrency", .integer($0))])
                        }
                    ),
                    ("FilterCriteria", PollingPolicy.filterCriteria(trigger)),
                    ("Tags", builder.tagList),
                ]))
    }

    func addAlarms(to builder: inout TemplateBuilder) {
        let alarms = AlarmFactory(trigger: trigger, tags: builder.tagList)
        alarms.addDeadLetterAlarms(queueID: deadLetterQueueID, queueName: deadLetterQueueName, prefix: prefix, to: &builder)
        if trigger.alarmEnabled("alarmSQSApproximateAgeOfOldestMessageMode"),
            let threshold = trigger.integer("alarmSQSApproximateAgeOfOldestMessageThreshold")
        {
            builder.add(
                prefix + "QueueAgeAlarm",
                alarms.queueAlarm(
                    queueID: queueID, queueName: queueName, suffix: "oldest-message-age", metric: "ApproximateAgeOfOldestMessage",
                    threshold: threshold, description: "A message has waited in the queue longer than the threshold (seconds)"))
        }
    }
}

/// The execution-role grant and mapping options every polled trigger (SQS or Kinesis) shares.
enum PollingPolicy {
    /// Adds `<prefix>PollingPolicy` on the function's role when it is known, and returns what a mapping must
    /// wait for: Lambda checks the role's permissions when it creates the mapping.
    static func add(
        _ statements: [JSONValue], source: String, prefix: String, function: TemplateBuilder.FunctionReference,
        to builder: inout TemplateBuilder
    ) -> [String] {
        guard let roleName = function.roleName else { return [] }
        let policyID = prefix + "PollingPolicy"
        builder.add(
            policyID,
            Resource(
                "AWS::IAM::Policy",
                properties: [
                    ("PolicyName", .string("poll-" + source + (prefix.isEmpty ? "" : "-" + prefix))),
                    ("Roles", .array([roleName])),
                    ("PolicyDocument", .object([("Version", .string("2012-10-17")), ("Statement", .array(statements))])),
                ]))
        return [policyID]
    }

    /// `triggerEnabled: false` disables the mapping but keeps every queue and stream.
    static func mappingEnabled(_ trigger: ResolvedTrigger) -> Bool {
        (trigger.boolean("triggerEnabled") ?? true) && (trigger.boolean("eventSourceEnabled") ?? true)
    }

    /// `FilterCriteria` from the `filterCriteria` parameter: one pattern object or a list of them.
    static func filterCriteria(_ trigger: ResolvedTrigger) -> JSONValue? {
        guard let parameter = trigger.parameters["filterCriteria"] else { return nil }
        let patterns: [JSONValue]
        if case .array(let items) = parameter.json { patterns = items } else { patterns = [parameter.json] }
        return .object([("Filters", .array(patterns.map { .object([("Pattern", .string(TemplateWriter.compact($0)))]) }))])
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
            members.append(
                (
                    "Condition",
                    .object([
                        ("ForAnyValue:StringEquals", .object([("kms:ResourceAliases", .string(alias))]))
                    ])
                ))
        } else {
            members.append(("Resource", Intrinsic.string(InterpolatedString(parts: keyARNPrefix.parts + text.parts))))
        }
        return .object(members)
    }
}

/// Builds CloudWatch alarms with the notification actions and naming every alarm shares.
struct AlarmFactory {
    let trigger: ResolvedTrigger
    /// The `Tags` list of the template, which alarms carry too.
    let tags: JSONValue

    var actions: [(String, JSONValue?)] {
        guard let arns = trigger.list("alarmActions"), !arns.isEmpty else { return [] }
        let list = JSONValue.array(arns.map(Intrinsic.string))
        return [("AlarmActions", list), ("OKActions", list)]
    }

    /// The age and depth alarms of a dead-letter queue, each when its mode is enabled.
    func addDeadLetterAlarms(queueID: String, queueName: InterpolatedString, prefix: String, to builder: inout TemplateBuilder) {
        if trigger.alarmEnabled("alarmDLQApproximateAgeOfOldestMessageMode") {
            builder.add(
                prefix + "DeadLetterQueueAgeAlarm",
                queueAlarm(
                    queueID: queueID, queueName: queueName, suffix: "oldest-message-age",
                    metric: "ApproximateAgeOfOldestMessage",
                    threshold: trigger.integer("alarmDLQApproximateAgeOfOldestMessageThreshold") ?? 60,
                    description: "A message has waited in the dead-letter queue longer than the threshold (seconds)"))
        }
        if trigger.alarmEnabled("alarmDLQApproximateNumberOfMessagesVisibleMode") {
            builder.add(
                prefix + "DeadLetterQueueDepthAlarm",
                queueAlarm(
                    queueID: queueID, queueName: queueName, suffix: "messages-visible",
                    metric: "ApproximateNumberOfMessagesVisible",
                    threshold: trigger.integer("alarmDLQApproximateNumberOfMessagesVisibleThreshold") ?? 1,
                    description: "The dead-letter queue holds at least the threshold number of messages"))
        }
    }

    func queueAlarm(
        queueID: String, queueName: InterpolatedString, suffix: String, metric: String, threshold: Int, description: String
    ) -> Resource {
        Resource(
            "AWS::CloudWatch::Alarm",
            properties: [
                ("AlarmName", Intrinsic.string(InterpolatedString(parts: queueName.droppingFIFOSuffix.parts + [.literal("-" + suffix)]))),
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
                ("Tags", tags),
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
        return Resource(
            "AWS::CloudWatch::Alarm",
            properties: [
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
                ("Tags", tags),
            ] + actions)
    }
}

extension InterpolatedString {
    /// The name without a trailing `.fifo`, for names derived from a queue's (alarms, the rule), which would
    /// otherwise carry the suffix in their middle.
    var droppingFIFOSuffix: InterpolatedString {
        guard case .literal(let last)? = parts.last, last.hasSuffix(".fifo") else { return self }
        return InterpolatedString(parts: parts.dropLast() + [.literal(String(last.dropLast(5)))])
    }
}

extension TemplateBuilder {
    /// A standard queue of its own (a rule's, a stream's or a function's dead-letter queue) with a policy that
    /// lets each sender in from its source only and refuses every request without TLS. Returns its ARN.
    @discardableResult
    mutating func addStandaloneQueue(
        _ queueID: String, name: InterpolatedString, retention: Int?, encryption: [(String, JSONValue?)],
        senders: [QueueResources.Sender] = []
    ) -> JSONValue {
        let encrypted = encryption.contains { $0.0 == "SqsManagedSseEnabled" && $0.1 == .bool(true) }
        add(
            queueID,
            Resource(
                "AWS::SQS::Queue", metadata: Checkov.metadata(encrypted ? [Checkov.queueEncryptedWithSSESQS] : []),
                properties: [
                    ("QueueName", Intrinsic.string(name)),
                    ("MessageRetentionPeriod", retention.map(JSONValue.integer)),
                    ("Tags", tagList),
                ] + encryption))
        let queueArn = Intrinsic.getAtt(queueID, "Arn")
        let statements = senders.map { QueueResources.allow($0) } + [QueueResources.denyInsecureTransport([queueArn])]
        add(
            queueID + "Policy",
            Resource(
                "AWS::SQS::QueuePolicy",
                properties: [
                    ("Queues", .array([Intrinsic.ref(queueID)])),
                    ("PolicyDocument", .object([("Version", .string("2012-10-17")), ("Statement", .array(statements))])),
                ]))
        return queueArn
    }
}
