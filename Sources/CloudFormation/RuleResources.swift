import TriggerModel

/// The EventBridge parts every rule-based trigger shares: the rule's name, state, target options and alarms.
struct RuleResources {
    let trigger: ResolvedTrigger
    let prefix: String
    let function: ResolvedFunction?

    var ruleID: String { prefix + "Rule" }

    /// The explicit rule name, or one derived deterministically (alarms need the name; `Ref` gives the id).
    var ruleName: InterpolatedString {
        if let name = trigger.string("ruleName") { return name }
        return RuleNaming.derivedName(for: trigger, function: function)
    }

    /// The bus, when it is not the default one (omitted from the template in that case).
    var eventBus: String? {
        guard let bus = trigger.string("eventBusName")?.displayText, bus != "default" else { return nil }
        return bus
    }

    var state: String {
        if trigger.boolean("triggerEnabled") == false { return "DISABLED" }
        return trigger.string("ruleState")?.literalValue ?? "ENABLED"
    }

    /// `RetryPolicy`, when either limit is set; otherwise AWS's defaults apply.
    var retryPolicy: JSONValue? {
        let attempts = trigger.integer("targetMaximumRetryAttempts")
        let age = trigger.integer("targetMaximumEventAgeInSeconds")
        guard attempts != nil || age != nil else { return nil }
        return .object(
            [
                ("MaximumEventAgeInSeconds", age.map(JSONValue.integer)),
                ("MaximumRetryAttempts", attempts.map(JSONValue.integer)),
            ].compactMap { key, value in value.map { (key, $0) } })
    }

    /// `Input`, from the `input` parameter, as the JSON text EventBridge sends instead of the event.
    var input: JSONValue? {
        guard let parameter = trigger.parameters["input"] else { return nil }
        if let text = parameter.text { return Intrinsic.string(text) }
        return .string(TemplateWriter.compact(parameter.json))
    }

    /// Adds the rule with one target; the target gets the retry policy and input every rule target shares.
    func addRule(to builder: inout TemplateBuilder, target: [(String, JSONValue?)], describing what: String) {
        let members = target + [("RetryPolicy", retryPolicy), ("Input", input)]
        builder.add(
            ruleID,
            Resource(
                "AWS::Events::Rule",
                properties: [
                    ("Name", Intrinsic.string(ruleName)),
                    ("Description", .string(trigger.string("ruleDescription")?.displayText ?? what)),
                    ("EventBusName", eventBus.map { .string($0) }),
                    ("EventPattern", trigger.parameters["eventPattern"]?.json),
                    ("ScheduleExpression", trigger.parameters["scheduleExpression"]?.json),
                    ("State", .string(state)),
                    ("Targets", .array([.object(members.compactMap { key, value in value.map { (key, $0) } })])),
                    ("Tags", builder.tagList),
                ]))
        builder.output(ruleID + "Arn", Intrinsic.getAtt(ruleID, "Arn"), "ARN of the EventBridge rule")
    }

    /// The condition that ties a queue-policy grant to this rule.
    var fromRule: JSONValue { Intrinsic.getAtt(ruleID, "Arn") }

    func addAlarms(to builder: inout TemplateBuilder) {
        let alarms = AlarmFactory(trigger: trigger, tags: builder.tagList)
        // A disabled rule never triggers: its silence alarm would stay in ALARM and notify every period.
        if trigger.alarmEnabled("alarmEventsTriggeredRulesCountMode"), state == "ENABLED" {
            builder.add(
                prefix + "RuleTriggeredRulesAlarm",
                alarms.ruleAlarm(
                    ruleName: ruleName, eventBus: eventBus, suffix: "triggered-rules", metric: "TriggeredRules",
                    threshold: trigger.integer("alarmEventsTriggeredRulesCountThreshold") ?? 1,
                    period: trigger.integer("alarmEventsTriggeredRulesCountPeriod") ?? 3600,
                    comparison: "LessThanThreshold",
                    // TriggeredRules is not sent while nothing matches: silence is exactly what this alarm is for.
                    treatMissingData: "breaching",
                    description: "The rule triggered fewer times than the threshold in the period"))
        }
        if trigger.alarmEnabled("alarmEventsFailedInvocationsMode") {
            builder.add(
                prefix + "RuleFailedInvocationsAlarm",
                alarms.ruleAlarm(
                    ruleName: ruleName, eventBus: eventBus, suffix: "failed-invocations", metric: "FailedInvocations",
                    threshold: trigger.integer("alarmEventsFailedInvocationsThreshold") ?? 1, period: 300,
                    comparison: "GreaterThanOrEqualToThreshold",
                    // FailedInvocations is only sent when non-zero.
                    treatMissingData: "notBreaching",
                    description: "The rule failed to deliver events to its target"))
        }
    }
}

/// Derives rule names that are stable, valid and at most 64 characters.
public enum RuleNaming {
    /// `<queue name without .fifo>-rule`, else `<function name>[-<trigger>]-rule`, else `<trigger>-rule`.
    public static func derivedName(for trigger: ResolvedTrigger, function: ResolvedFunction?) -> InterpolatedString {
        var base: InterpolatedString
        if let queue = trigger.string("queueName") {
            base = queue.droppingFIFOSuffix
        } else if let function {
            base = InterpolatedString(parts: function.name.parts + (trigger.name.map { [.literal("-" + $0)] } ?? []))
        } else {
            base = InterpolatedString(literal: (trigger.name ?? "trigger") + "-" + trigger.syslevel.rawValue)
        }
        let name = InterpolatedString(parts: base.parts + [.literal("-rule")])
        guard let literal = name.literalValue, literal.count > 64 else { return name }
        return InterpolatedString(literal: String(literal.prefix(55)) + "-" + stableHash(literal))
    }

    /// FNV-1a, 32 bits, as 8 hex digits: the same on every run and machine, unlike `Hasher`.
    static func stableHash(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
