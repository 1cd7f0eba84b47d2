import TriggerModel

/// One resource of a template.
public struct Resource: Sendable, Hashable {
    public var type: String
    public var condition: String?
    public var dependsOn: [String]
    public var metadata: JSONValue?
    public var properties: [(String, JSONValue)]

    public init(
        _ type: String, condition: String? = nil, dependsOn: [String] = [], metadata: JSONValue? = nil,
        properties: [(String, JSONValue?)]
    ) {
        self.type = type
        self.condition = condition
        self.dependsOn = dependsOn
        self.metadata = metadata
        self.properties = properties.compactMap { key, value in value.map { (key, $0) } }
    }

    public static func == (lhs: Resource, rhs: Resource) -> Bool {
        lhs.type == rhs.type && lhs.condition == rhs.condition && lhs.dependsOn == rhs.dependsOn
            && lhs.metadata == rhs.metadata && JSONValue.object(lhs.properties) == JSONValue.object(rhs.properties)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(type)
        hasher.combine(JSONValue.object(properties))
    }

    /// The property named `name`, or `nil`.
    public subscript(property name: String) -> JSONValue? {
        properties.first { $0.0 == name }?.1
    }
}

/// A CloudFormation template as values; `TemplateWriter` turns it into canonical bytes.
public struct Template: Sendable {
    public var description: String
    public var metadata: JSONValue?
    public var parameters: [(String, JSONValue)] = []
    public var conditions: [(String, JSONValue)] = []
    public var resources: [(String, Resource)] = []
    public var outputs: [(String, JSONValue)] = []

    public init(description: String, metadata: JSONValue? = nil) {
        self.description = description
        self.metadata = metadata
    }

    /// The resource with a logical ID, or `nil`.
    public func resource(_ logicalID: String) -> Resource? {
        resources.first { $0.0 == logicalID }?.1
    }

    /// The template as one JSON object, sections in CloudFormation's order (SPEC 5.3).
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("AWSTemplateFormatVersion", .string("2010-09-09")),
            ("Description", .string(description)),
        ]
        if let metadata { members.append(("Metadata", metadata)) }
        if !parameters.isEmpty { members.append(("Parameters", .object(parameters))) }
        if !conditions.isEmpty { members.append(("Conditions", .object(conditions))) }
        let sortedResources = resources.sorted { $0.0 < $1.0 }.map { id, resource -> (String, JSONValue) in
            var body: [(String, JSONValue)] = [("Type", .string(resource.type))]
            if let condition = resource.condition { body.append(("Condition", .string(condition))) }
            if !resource.dependsOn.isEmpty { body.append(("DependsOn", .array(resource.dependsOn.sorted().map { .string($0) }))) }
            if let metadata = resource.metadata { body.append(("Metadata", metadata)) }
            if !resource.properties.isEmpty { body.append(("Properties", TemplateWriter.sortedKeys(.object(resource.properties)))) }
            return (id, .object(body))
        }
        members.append(("Resources", .object(sortedResources)))
        if !outputs.isEmpty { members.append(("Outputs", TemplateWriter.sortedKeys(.object(outputs)))) }
        return .object(members)
    }
}

/// CloudFormation intrinsic functions as JSON values.
public enum Intrinsic {
    public static func ref(_ logicalID: String) -> JSONValue { .object([("Ref", .string(logicalID))]) }
    public static func getAtt(_ logicalID: String, _ attribute: String) -> JSONValue {
        .object([("Fn::GetAtt", .array([.string(logicalID), .string(attribute)]))])
    }
    public static func sub(_ text: String) -> JSONValue { .object([("Fn::Sub", .string(text))]) }
    public static func not(_ condition: JSONValue) -> JSONValue { .object([("Fn::Not", .array([condition]))]) }
    public static func equals(_ a: JSONValue, _ b: JSONValue) -> JSONValue { .object([("Fn::Equals", .array([a, b]))]) }
    /// A string value: literal, or `Fn::Sub` when pseudo parameters are left.
    public static func string(_ text: InterpolatedString) -> JSONValue { Resolver.json(text) }
}
