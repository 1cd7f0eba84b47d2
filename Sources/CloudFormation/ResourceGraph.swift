import TriggerModel

/// The resources of a template and how events flow between them, derived from the template's `Ref`s,
/// `Fn::GetAtt`s and the properties that carry a flow (a rule's targets, a queue's redrive policy, a mapping's
/// source and function...), so that the picture is always the template's own.
public struct ResourceGraph: Sendable, Hashable {
    /// What a node stands for.
    public enum Kind: Sendable, Hashable {
        /// A resource of the template, with its CloudFormation type.
        case resource(type: String)
        /// A template parameter (the function or role passed in).
        case parameter
        /// Something the template names but does not create, such as an existing queue's ARN.
        case external
    }

    /// One box of the picture.
    public struct Node: Sendable, Hashable {
        /// An alphanumeric id: the logical id, the parameter name, or `External<n>`.
        public let id: String
        public let kind: Kind
        /// The lines of the label: the id, the type, the name when the template gives one.
        public let label: [String]
    }

    /// One arrow: `flow` for events and messages, `control` for what watches, grants or configures.
    public struct Edge: Sendable, Hashable {
        /// Whether an edge carries events or only relates two resources.
        public enum Style: Sendable, Hashable {
            case flow
            case control
        }

        public let from: String
        public let to: String
        public let label: String
        public let style: Style
    }

    public let nodes: [Node]
    public let edges: [Edge]

    /// The graph of a template: every resource a node, edges in logical-id order.
    public init(_ template: Template) {
        var builder = GraphBuilder(template)
        builder.build()
        nodes = builder.nodes
        edges = builder.edges
    }
}

/// Walks a template's resources and collects nodes and edges.
struct GraphBuilder {
    /// A reference read from the template: a resource or parameter by id, or a name/ARN outside the template.
    enum Target: Hashable {
        case node(String)
        case external(String)
    }

    let template: Template
    let resources: [(String, Resource)]
    let parameterNames: Set<String>
    let resourceIDs: Set<String>
    /// Literal names of the template's resources (QueueName, Name...) -> logical id, to follow alarm dimensions
    /// and literal function names.
    let namesToIDs: [String: String]
    var nodes: [ResourceGraph.Node] = []
    var edges: [ResourceGraph.Edge] = []
    var externals: [String: String] = [:]
    var usedParameters: [String] = []

    /// The property that holds a resource's own name, by type (elsewhere, such as a mapping's `FunctionName`,
    /// the same key refers to another resource).
    static let nameProperties = [
        "AWS::SQS::Queue": "QueueName", "AWS::SNS::Topic": "TopicName", "AWS::Events::Rule": "Name",
        "AWS::Kinesis::Stream": "Name", "AWS::Lambda::Function": "FunctionName", "AWS::IAM::Role": "RoleName",
        "AWS::Logs::LogGroup": "LogGroupName", "AWS::CloudWatch::Alarm": "AlarmName",
    ]

    init(_ template: Template) {
        self.template = template
        resources = template.resources.sorted { $0.0 < $1.0 }
        parameterNames = Set(template.parameters.map(\.0))
        resourceIDs = Set(template.resources.map(\.0))
        var names: [String: String] = [:]
        for (id, resource) in resources {
            if let name = Self.text(Self.nameProperties[resource.type].flatMap { resource[property: $0] }), names[name] == nil {
                names[name] = id
            }
        }
        namesToIDs = names
    }

    mutating func build() {
        for (id, resource) in resources {
            nodes.append(ResourceGraph.Node(id: id, kind: .resource(type: resource.type), label: label(id, resource)))
        }
        for (id, resource) in resources {
            edges(of: id, resource)
        }
        var seen = Set<ResourceGraph.Edge>()
        edges = edges.filter { seen.insert($0).inserted }
        for name in usedParameters {
            nodes.append(ResourceGraph.Node(id: name, kind: .parameter, label: [name, "template parameter"]))
        }
    }

    func label(_ id: String, _ resource: Resource) -> [String] {
        var lines = [id, resource.type]
        if let name = Self.text(Self.nameProperties[resource.type].flatMap { resource[property: $0] }) { lines.append(name) }
        return lines
    }

    /// The edges that start or end at one resource, by what its properties mean.
    mutating func edges(of id: String, _ resource: Resource) {
        let flow = ResourceGraph.Edge.Style.flow
        let control = ResourceGraph.Edge.Style.control
        switch resource.type {
        case "AWS::Events::Rule":
            for target in resource[property: "Targets"]?.items ?? [] {
                add(id, target["Arn"], "target", flow)
                add(id, target["DeadLetterConfig"]?["Arn"], "failed deliveries", flow)
            }
        case "AWS::SQS::Queue":
            add(id, resource[property: "RedrivePolicy"]?["deadLetterTargetArn"], "redrive", flow)
        case "AWS::Lambda::EventSourceMapping":
            add(resource[property: "EventSourceArn"], id, "polled by", flow)
            add(id, resource[property: "FunctionName"], "invokes", flow)
            add(id, resource[property: "DestinationConfig"]?["OnFailure"]?["Destination"], "on failure", flow)
        case "AWS::SNS::Subscription":
            add(resource[property: "TopicArn"], id, "subscription", flow)
            add(id, resource[property: "Endpoint"], "delivers", flow)
        case "AWS::CloudWatch::Alarm":
            for dimension in resource[property: "Dimensions"]?.items ?? [] {
                add(id, dimension["Value"], "watches", control)
            }
        case "AWS::IAM::Policy":
            for role in resource[property: "Roles"]?.items ?? [] {
                add(id, role, "attached to", control)
            }
        case "AWS::SQS::QueuePolicy":
            for queue in resource[property: "Queues"]?.items ?? [] {
                add(id, queue, "applies to", control)
            }
        case "AWS::Lambda::Permission":
            add(id, resource[property: "FunctionName"], "allows invoke", control)
            add(id, resource[property: "SourceArn"], "from", control)
        case "AWS::Lambda::Function":
            add(id, resource[property: "Role"], "runs as", control)
            if let name = Self.text(resource[property: "FunctionName"]),
                let group = namesToIDs["/aws/lambda/" + name], group != id
            {
                edges.append(ResourceGraph.Edge(from: id, to: group, label: "logs to", style: control))
            }
        default:
            break
        }
    }

    mutating func add(_ from: String, _ value: JSONValue?, _ label: String, _ style: ResourceGraph.Edge.Style) {
        guard let value, let target = nodeID(value) else { return }
        edges.append(ResourceGraph.Edge(from: from, to: target, label: label, style: style))
    }

    mutating func add(_ value: JSONValue?, _ to: String, _ label: String, _ style: ResourceGraph.Edge.Style) {
        guard let value, let source = nodeID(value) else { return }
        edges.append(ResourceGraph.Edge(from: source, to: to, label: label, style: style))
    }

    /// The node a property value points at, creating parameter and external nodes on first use.
    mutating func nodeID(_ value: JSONValue) -> String? {
        switch target(of: value) {
        case .node(let id)?:
            if parameterNames.contains(id), !usedParameters.contains(id) { usedParameters.append(id) }
            return id
        case .external(let text)?:
            // An existing function named once by ARN (a rule target) and once by name (a mapping) is one node.
            let key = text.hasPrefix("arn:") ? Self.lastSegment(text) : text
            if let id = externals[key] { return id }
            var number = externals.count + 1
            while resourceIDs.contains("External\(number)") || parameterNames.contains("External\(number)") { number += 1 }
            let id = "External\(number)"
            externals[key] = id
            nodes.append(ResourceGraph.Node(id: id, kind: .external, label: ["not in this template", text]))
            return id
        case nil:
            return nil
        }
    }

    func target(of value: JSONValue) -> Target? {
        if case .string(let id)? = value["Ref"] {
            if resourceIDs.contains(id) || parameterNames.contains(id) { return .node(id) }
            return nil
        }
        if case .array(let parts)? = value["Fn::GetAtt"], case .string(let id)? = parts.first, resourceIDs.contains(id) {
            return .node(id)
        }
        guard let text = Self.text(value) else { return nil }
        if let id = namesToIDs[text] { return .node(id) }
        // An ARN built with Fn::Sub from a name the template creates refers to that resource.
        if text.hasPrefix("arn:"), let id = namesToIDs[Self.lastSegment(text)] { return .node(id) }
        return .external(text)
    }

    /// The resource name at the end of an ARN (after the last `:` or `/`).
    static func lastSegment(_ arn: String) -> String {
        arn.split(whereSeparator: { $0 == ":" || $0 == "/" }).last.map(String.init) ?? arn
    }

    /// A literal string, or the text of an `Fn::Sub`, as users wrote it.
    static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: text
        case .object(let members)? where members.count == 1 && members[0].0 == "Fn::Sub":
            if case .string(let text) = members[0].1 { text } else { nil }
        default: nil
        }
    }
}

extension JSONValue {
    /// The items of an array, or `nil`.
    var items: [JSONValue]? {
        if case .array(let items) = self { items } else { nil }
    }
}
