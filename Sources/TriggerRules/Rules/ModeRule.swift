import Diagnostics
import TriggerModel

/// Settings that only make sense when the template creates the resources, or only when they exist already.
public struct ModeRule: TriggerRule {
    public static let description = RuleDescription(
        code: .settingForOtherMode, name: "setting-for-other-mode", severity: .error,
        summary: "a setting that only applies with the other value of `bundled`, or two ways to name one resource",
        rationale: "With `bundled: false` the queues, topic and stream exist already and the template holds only the "
            + "wiring, so settings that shape them would be ignored; with `bundled: true` the template creates them, so "
            + "an existing queue's ARN would be ignored. Ignored settings are never what their author meant.",
        documentation: "https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html",
        triggering: [
            "trigger:\n  type: sqsdlq\n  bundled: false\n  defaults:\n    queueArn: arn:aws:sqs:us-east-1:123456789012:jobs\n"
                + "    queueVisibilityTimeout: ↓60\n",
            RuleExample.eventQueue(defaults: "queueArn: ↓arn:aws:sqs:us-east-1:123456789012:orders"),
            "trigger:\n  type: snssqsdlq\n  defaults:\n    queueName: a-${syslevel}\n    dLQueueName: b-${syslevel}\n"
                + "    topicName: t-${syslevel}\n    topicArn: ↓arn:aws:sns:us-east-1:123456789012:t\n",
        ],
        nonTriggering: [
            "trigger:\n  type: sqsdlq\n  bundled: false\n  defaults:\n    queueArn: arn:aws:sqs:us-east-1:123456789012:jobs\n"
                + "    batchSize: 5\n",
            RuleExample.eventQueue(),
        ])

    /// Settings that shape resources the template creates.
    static let bundledOnly: Set<String> = [
        "queueName", "dLQueueName", "topicName", "topicType", "topicEncryption", "topicKmsMasterKeyId", "streamName", "streamShardCount",
        "queueVisibilityTimeout",
        "queueMessageRetentionPeriod", "queueDelaySeconds", "queueReceiveMessageWaitTimeSeconds", "queueMaxReceiveCount",
        "queueMessageGroupId", "queueContentBasedDeduplication", "queueEncryption", "queueKmsMasterKeyId",
        "dLQueueMessageRetentionPeriod", "rawMessageDelivery",
        "alarmDLQApproximateAgeOfOldestMessageMode", "alarmDLQApproximateAgeOfOldestMessageThreshold",
        "alarmSQSApproximateAgeOfOldestMessageMode", "alarmSQSApproximateAgeOfOldestMessageThreshold",
        "alarmEventsTriggeredRulesCountMode", "alarmEventsTriggeredRulesCountThreshold", "alarmEventsTriggeredRulesCountPeriod",
        "alarmDLQApproximateNumberOfMessagesVisibleMode", "alarmDLQApproximateNumberOfMessagesVisibleThreshold",
        "alarmEventsFailedInvocationsMode", "alarmEventsFailedInvocationsThreshold", "alarmActions",
    ]

    /// `bundledOnly` for types with a rule, whose `topicName` is not a resource the template creates.
    static let bundledOnlyWithRule = bundledOnly.subtracting(["topicName"])

    public init() {}

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let bundledRange = trigger.spec.bundled?.range
        let modeNote = bundledRange.map { [Note("bundled is set here", at: $0)] } ?? []
        if trigger.isBundled {
            // In name order, as the other branch reports.
            for name in trigger.type.hasQueue ? ["dLQueueArn", "queueArn"] : [] {
                guard let range = trigger[name]?.valueRange else { continue }
                found.append(
                    diagnostic(
                        "`\(name)` names an existing queue, but the template creates the queues (bundled: true)",
                        at: range, help: "use `bundled: false` to wire an existing queue, or remove it"))
            }
            for (create, existing) in [("topicName", "topicArn"), ("streamName", "streamArn")]
            where trigger[create] != nil && trigger[existing]?.valueRange != nil {
                found.append(
                    diagnostic(
                        "`\(create)` and `\(existing)` are both set; give one",
                        at: trigger[existing]!.valueRange!,
                        help: "`\(create)` creates the resource, `\(existing)` uses an existing one"))
            }
        } else {
            let creates = trigger.type.hasRule ? Self.bundledOnlyWithRule : Self.bundledOnly
            // Filtered before sorting: sorting every written setting cost more than the check.
            let ignored = trigger.settings.values.filter { $0.valueRange != nil && creates.contains($0.name) }
            for setting in ignored.sorted(by: { $0.name < $1.name }) {
                found.append(
                    diagnostic(
                        "`\(setting.name)` has no effect with bundled: false: the template creates no queue, topic, stream or alarm",
                        at: setting.valueRange!, notes: modeNote, help: "remove it, or set `bundled: true`"))
            }
        }
        return found
    }
}

/// Scheduled rules run only on the default event bus.
public struct ScheduleBusRule: TriggerRule {
    public static let description = RuleDescription(
        code: .scheduleOnCustomBus, name: "schedule-on-custom-bus", severity: .error,
        summary: "a cwschedule trigger on an event bus other than default",
        rationale: "\"You can only create scheduled rules using the default event bus\"; CloudFormation rejects the rule.",
        documentation: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-rule-schedule.html",
        triggering: [
            "trigger:\n  type: cwschedule\n  defaults:\n    eventBusName: ↓orders\n  parameters:\n"
                + "    scheduleExpression: {value: rate(5 minutes)}\n"
        ],
        nonTriggering: ["trigger:\n  type: cwschedule\n  parameters:\n    scheduleExpression: {value: rate(5 minutes)}\n"])

    public init() {}

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        guard trigger.type == .cwschedule, let bus = trigger.string("eventBusName")?.displayText, bus != "default",
            !bus.hasSuffix(":event-bus/default")
        else { return [] }
        return [
            diagnostic(
                "a schedule runs only on the default event bus; eventBusName is \"\(bus)\"",
                at: trigger.range(of: "eventBusName"), help: "remove eventBusName")
        ]
    }
}
