import CloudFormation

/// Renders a `ResourceGraph` as a Mermaid flowchart or a Graphviz digraph. Event flows are solid arrows;
/// what only watches, grants or configures (alarms, policies, permissions) is dashed.
public struct GraphRenderer: Sendable {
    /// The formats `triggerc graph` prints.
    public enum Format: String, Sendable, CaseIterable {
        case mermaid
        case dot
    }

    /// A line naming the manifest and syslevel the graph is of, written as a comment.
    public let title: String

    public init(title: String) {
        self.title = title
    }

    public func render(_ graph: ResourceGraph, as format: Format) -> String {
        switch format {
        case .mermaid: mermaid(graph)
        case .dot: dot(graph)
        }
    }

    /// `flowchart LR`; node ids are alphanumeric, labels quoted with `"` and `<` `>` as entities.
    public func mermaid(_ graph: ResourceGraph) -> String {
        var lines = ["%% " + title.replacingAll("\n", with: " "), "flowchart LR"]
        for node in graph.nodes {
            let label = "\"" + node.label.map(mermaidEscape).joined(separator: "<br/>") + "\""
            let shape: String =
                switch Self.shape(node.kind) {
                case .store: "[(\(label))]"
                case .box: "[\(label)]"
                case .outside: "([\(label)])"
                }
            lines.append("    \(node.id)\(shape)")
        }
        for edge in graph.edges {
            let arrow = edge.style == .flow ? "-->" : "-.->"
            lines.append("    \(edge.from) \(arrow)|\(edge.label)| \(edge.to)")
        }
        let outside = graph.nodes.filter { Self.shape($0.kind) == .outside }.map(\.id)
        if !outside.isEmpty {
            lines.append("    classDef outside stroke-dasharray: 4 4")
            lines.append("    class \(outside.joined(separator: ",")) outside")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Graphviz `digraph`, left to right; render it with `dot -Tsvg`.
    public func dot(_ graph: ResourceGraph) -> String {
        var lines = [
            "// " + title.replacingAll("\n", with: " "),
            "digraph triggerc {",
            "    rankdir=LR;",
            "    node [shape=box, fontname=\"Helvetica\", fontsize=10];",
            "    edge [fontname=\"Helvetica\", fontsize=9];",
        ]
        for node in graph.nodes {
            var attributes = ["label=\"" + node.label.map(dotEscape).joined(separator: "\\n") + "\""]
            switch Self.shape(node.kind) {
            case .store: attributes.append("shape=cylinder")
            case .box: break
            case .outside: attributes.append("style=dashed")
            }
            lines.append("    \(node.id) [\(attributes.joined(separator: ", "))];")
        }
        for edge in graph.edges {
            var attributes = ["label=\"\(dotEscape(edge.label))\""]
            if edge.style == .control { attributes.append("style=dashed") }
            lines.append("    \(edge.from) -> \(edge.to) [\(attributes.joined(separator: ", "))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    enum Shape {
        case store
        case box
        case outside
    }

    static func shape(_ kind: ResourceGraph.Kind) -> Shape {
        switch kind {
        case .resource(let type) where ["AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::Kinesis::Stream"].contains(type): .store
        case .resource: .box
        case .parameter, .external: .outside
        }
    }

    func mermaidEscape(_ text: String) -> String {
        text.replacingAll("&", with: "#amp;").replacingAll("\"", with: "#quot;")
            .replacingAll("<", with: "#lt;").replacingAll(">", with: "#gt;")
    }

    func dotEscape(_ text: String) -> String {
        text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"").replacingAll("\n", with: "\\n")
    }
}

extension String {
    /// The string with every occurrence of `target` replaced, without Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
