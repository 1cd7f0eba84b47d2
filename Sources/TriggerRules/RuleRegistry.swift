/// Every rule, by code. An explicit list: adding a rule means adding it here, and a test checks the list.
public enum RuleRegistry {
    public static let triggerRules: [any TriggerRule] = [
        RequiredSettingRule(),
        UnsupportedTriggerRule(),
        VisibilityTimeoutRule(),
        VisibilityTimeoutRecommendationRule(),
        FIFONameRule(),
        MessageGroupIdRule(),
        FIFODeduplicationRule(),
        FIFOBatchingRule(),
        DeadLetterRetentionRule(),
        S3EventBridgeNotificationRule(),
        NameRule(),
        PlaceholderValueRule(),
        AlarmActionsRule(),
        FunctionUnknownRule(),
        RolePermissionsRule(),
    ]

    public static let syslevelsRules: [any SyslevelsRule] = [
        SameNameAcrossSyslevelsRule(),
    ]

    /// The descriptions of every rule, sorted by code.
    public static var descriptions: [RuleDescription] {
        (triggerRules.map { type(of: $0).description } + syslevelsRules.map { type(of: $0).description }
            + [TemplateSizeRule.description])
            .sorted { $0.code < $1.code }
    }
}
