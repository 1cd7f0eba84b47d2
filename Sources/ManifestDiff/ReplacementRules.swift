/// Which property changes make CloudFormation replace a resource, and which resources lose data when it does.
///
/// The createOnly lists are the `createOnlyProperties` of the resource provider schemas bundled with cfn-lint
/// 1.51.0 (`cfnlint/data/schemas/providers/us_east_1.py` maps each type to a schema under
/// `cfnlint/data/schemas/resources/`), restricted to top-level properties. `docs/design.md` cites them.
public enum ReplacementRules {
    /// Resource type -> the top-level properties that cannot be updated in place.
    public static let createOnly: [String: Set<String>] = [
        "AWS::SQS::Queue": ["FifoQueue", "QueueName"],
        "AWS::Events::Rule": ["Name"],
        "AWS::Lambda::EventSourceMapping": ["EventSourceArn", "StartingPosition", "StartingPositionTimestamp", "SelfManagedEventSource"],
        "AWS::Lambda::Function": ["FunctionName", "PackageType", "TenancyConfig"],
        "AWS::Lambda::Permission": [
            "Action", "EventSourceToken", "FunctionName", "FunctionUrlAuthType", "InvokedViaFunctionUrl", "Principal",
            "PrincipalOrgID", "SourceAccount", "SourceArn",
        ],
        "AWS::IAM::Role": ["Path", "RoleName"],
        "AWS::CloudWatch::Alarm": ["AlarmName"],
        "AWS::Logs::LogGroup": ["LogGroupName"],
        "AWS::SNS::Topic": ["FifoTopic", "TopicName"],
        "AWS::SNS::Subscription": ["Endpoint", "Protocol", "TopicArn"],
        "AWS::Kinesis::Stream": ["Name"],
    ]

    /// Resource types whose replacement or removal destroys what they hold, and what that is.
    public static let dataHeld: [String: String] = [
        "AWS::SQS::Queue": "messages",
        "AWS::Kinesis::Stream": "records",
        "AWS::Logs::LogGroup": "log events",
    ]

    /// Whether changing the property at `path` (`Resources.<id>.Properties.<name>...`) replaces a resource of `type`.
    public static func replaces(type: String, path: String, logicalID: String) -> Bool {
        guard let name = propertyName(in: path, logicalID: logicalID) else { return false }
        return name == "Type" || createOnly[type]?.contains(name) == true
    }

    /// The top-level property a template path is in (`QueueName`), or `Type` for a changed resource type.
    public static func propertyName(in path: String, logicalID: String) -> String? {
        let resourcePrefix = "Resources." + logicalID + "."
        guard path.hasPrefix(resourcePrefix) else { return nil }
        let rest = path.dropFirst(resourcePrefix.count)
        if rest == "Type" { return "Type" }
        guard rest.hasPrefix("Properties.") else { return nil }
        let property = rest.dropFirst("Properties.".count)
        let end = property.firstIndex { $0 == "." || $0 == "[" } ?? property.endIndex
        return String(property[..<end])
    }
}
