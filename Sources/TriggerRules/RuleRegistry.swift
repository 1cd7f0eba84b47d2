import Diagnostics
import YAMLSource

/// Every rule, by code. An explicit list: adding a rule means adding it here, and a test checks the list.
public enum RuleRegistry {
    public static let triggerRules: [any TriggerRule] = [
        RequiredSettingRule(),
        ModeRule(),
        ScheduleBusRule(),
        VisibilityTimeoutRule(),
        VisibilityTimeoutRecommendationRule(),
        FIFONameRule(),
        MessageGroupIdRule(),
        FIFODeduplicationRule(),
        FIFOBatchingRule(),
        DeadLetterRetentionRule(),
        ManagedKeyRule(),
        KeyWithoutKMSRule(),
        FIFOTopicRule(),
        StandardDeadLetterRule(),
        StreamMappingRule(),
        S3EventBridgeNotificationRule(),
        PatternStructureRule(),
        PatternOperatorRule(),
        PatternWildcardRule(),
        PatternNumericRule(),
        PatternNumericPrecisionRule(),
        PatternCIDRRule(),
        PatternOrRule(),
        PatternSizeRule(),
        PatternQuotaRule(),
        PatternAnythingButListRule(),
        FilterCriteriaLimitsRule(),
        SNSFilterPolicyRule(),
        ScheduleFormRule(),
        CronExpressionRule(),
        RateExpressionRule(),
        ScheduleFrequencyRule(),
        NameRule(),
        PlaceholderValueRule(),
        AlarmActionsRule(),
        DisabledRuleAlarmRule(),
        FunctionUnknownRule(),
        RolePermissionsRule(),
    ]

    public static let syslevelsRules: [any SyslevelsRule] = [
        SameNameAcrossSyslevelsRule()
    ]

    /// The descriptions of every check (reader and decoder checks included), sorted by code.
    public static let descriptions: [RuleDescription] =
        (StructureRules.descriptions
        + triggerRules.map { type(of: $0).description }
        + syslevelsRules.map { type(of: $0).description }
        + [TemplateSizeRule.description]).sorted { $0.code < $1.code }

    /// Checks whose triggering input is too large for an example, with the tests that cover them instead.
    public static let examplesElsewhere: [DiagnosticCode: String] = [
        .inputTooLarge: "an 8 MiB input; YAMLSourceTests read a file over a small limit",
        .nestingTooDeep: "257 nested collections; YAMLSourceTests nest 5,000 deep",
        .tooManyNodes: "a billion-laughs document; YAMLSourceTests expand one to the default limit",
        .patternTooLarge: "an event pattern over 4,096 characters; TriggerKitTests lint one",
        .patternOverQuota: "an event pattern over 2,048 characters; TriggerKitTests lint one",
    ]

    /// The description of a code, or `nil`.
    public static func description(of code: DiagnosticCode) -> RuleDescription? {
        descriptions.first { $0.code == code }
    }
}
