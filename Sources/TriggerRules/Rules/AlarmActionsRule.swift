import Diagnostics
import TriggerModel

/// An alarm with no action changes state where nobody sees it.
public struct AlarmActionsRule: TriggerRule {
    public static let description = RuleDescription(
        code: .alarmWithoutActions, name: "alarm-without-actions", severity: .info,
        summary: "alarms are enabled but alarmActions is empty",
        rationale: "Without AlarmActions an alarm only changes colour in the console; set alarmActions to an SNS "
            + "topic (or another action) so that someone is told.",
        documentation: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html",
        triggering: [RuleExample.eventQueue(defaults: "alarmDLQApproximateAgeOfOldestMessageMode: ↓enabled")],
        nonTriggering: [RuleExample.eventQueue(defaults: "alarmActions: [arn:aws:sns:us-east-1:123456789012:alarms]"), RuleExample.eventQueue(defaults: "alarmDLQApproximateAgeOfOldestMessageMode: disabled")])

    public init() {}

    static let modes = [
        "alarmDLQApproximateAgeOfOldestMessageMode", "alarmSQSApproximateAgeOfOldestMessageMode",
        "alarmEventsTriggeredRulesCountMode", "alarmDLQApproximateNumberOfMessagesVisibleMode",
        "alarmEventsFailedInvocationsMode",
    ]

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        let enabled = Self.modes.filter { trigger.alarmEnabled($0) }
        guard !enabled.isEmpty, trigger.list("alarmActions")?.isEmpty ?? true else { return [] }
        let range = enabled.compactMap { trigger[$0]?.valueRange }.first ?? trigger.spec.keyRange
        return [diagnostic("\(enabled.count == 1 ? "an alarm is" : "\(enabled.count) alarms are") enabled but "
                           + "alarmActions is empty, so nobody is notified", at: range,
                           help: "set `alarmActions: [arn:aws:sns:...]` in defaults")]
    }
}
