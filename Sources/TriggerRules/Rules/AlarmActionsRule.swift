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
        nonTriggering: [
            RuleExample.eventQueue(defaults: "alarmActions: [arn:aws:sns:us-east-1:123456789012:alarms]"),
            RuleExample.eventQueue(defaults: "alarmDLQApproximateAgeOfOldestMessageMode: disabled"),
        ])

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
        return [
            diagnostic(
                "\(enabled.count == 1 ? "an alarm is" : "\(enabled.count) alarms are") enabled but "
                    + "alarmActions is empty, so nobody is notified", at: range,
                help: "set `alarmActions: [arn:aws:sns:...]` in defaults")
        ]
    }
}

/// The silence alarm of a disabled rule is left out of the template; say so, since the manifest asks for it.
public struct DisabledRuleAlarmRule: TriggerRule {
    public static let description = RuleDescription(
        code: .alarmOnDisabledRule, name: "alarm-on-disabled-rule", severity: .info,
        summary: "the TriggeredRules alarm is not created in a syslevel where the rule is disabled",
        rationale: "A disabled rule never triggers, so an alarm on too few triggers would be in ALARM for as long as "
            + "the rule stays disabled and notify every period; triggerc leaves it out of that syslevel's template.",
        documentation: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-monitoring.html",
        triggering: [
            RuleExample.eventQueue(
                defaults: "alarmEventsTriggeredRulesCountMode: enabled\nalarmActions: [arn:aws:sns:us-east-1:123456789012:a]",
                syslevels: "ci:\n  triggerEnabled: ↓false")
        ],
        nonTriggering: [
            RuleExample.eventQueue(
                defaults: "alarmEventsTriggeredRulesCountMode: enabled\nalarmActions: [arn:aws:sns:us-east-1:123456789012:a]")
        ])

    public init() {}

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        guard trigger.type.hasRule, trigger.isBundled, trigger.alarmEnabled("alarmEventsTriggeredRulesCountMode") else { return [] }
        let cause = trigger.boolean("triggerEnabled") == false ? "triggerEnabled" : "ruleState"
        guard cause == "triggerEnabled" || trigger.string("ruleState")?.literalValue == "DISABLED" else { return [] }
        return [
            diagnostic(
                "the rule is disabled, so its TriggeredRules alarm is left out of this syslevel's template",
                at: trigger.range(of: cause))
        ]
    }
}
