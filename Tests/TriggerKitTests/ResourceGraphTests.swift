import CloudFormation
import Foundation
import Reporting
import TestSupport
import Testing
import TriggerKit
import TriggerModel

/// `triggerc graph` over every example: goldens in both formats, Mermaid that parses as a flowchart, DOT that
/// Graphviz renders, and edges that follow the template's references.
@Suite struct ResourceGraphTests {
    static let examples = Snapshot.examples()

    static func graph(_ example: String, _ syslevel: Syslevel = .prd) throws -> (ResourceGraph, GraphRenderer) {
        let result = Pipeline().run(file: example, bytes: Snapshot.bytes(example), syslevels: [syslevel])
        let template = try #require(result.templates.first?.template, "\(result.diagnostics)")
        return (ResourceGraph(template), GraphRenderer(title: "triggerc graph \(example) (\(syslevel.rawValue))"))
    }

    static func name(_ example: String) -> String { String(example.split(separator: "/")[1]) }

    @Test(arguments: examples) func graphsMatchGoldenFiles(_ example: String) throws {
        let (graph, renderer) = try Self.graph(example)
        Snapshot.assert(renderer.mermaid(graph), matches: "graphs/\(Self.name(example)).mmd")
        Snapshot.assert(renderer.dot(graph), matches: "graphs/\(Self.name(example)).dot")
    }

    @Test(arguments: examples) func mermaidIsAFlowchart(_ example: String) throws {
        let (graph, renderer) = try Self.graph(example)
        let problems = Self.mermaidProblems(renderer.mermaid(graph))
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test(arguments: examples) func everyResourceIsANodeAndEveryEdgeEndsAtANode(_ example: String) throws {
        let result = Pipeline().run(file: example, bytes: Snapshot.bytes(example), syslevels: [.prd])
        let template = try #require(result.templates.first?.template)
        let graph = ResourceGraph(template)
        let ids = Set(graph.nodes.map(\.id))
        #expect(ids.count == graph.nodes.count, "node ids are unique")
        for (logicalID, _) in template.resources { #expect(ids.contains(logicalID)) }
        for edge in graph.edges {
            #expect(ids.contains(edge.from) && ids.contains(edge.to), "\(edge)")
            #expect(edge.from != edge.to, "\(edge)")
        }
    }

    @Test func eventsFlowFromRuleThroughQueueAndMappingToFunction() throws {
        let (graph, _) = try Self.graph("Examples/s3-to-fifo-function/trigger.yaml")
        let edges = Set(graph.edges.map { "\($0.from) \($0.label) \($0.to)" })
        #expect(
            edges.isSuperset(of: [
                "Rule target Queue", "Queue polled by EventSourceMapping", "EventSourceMapping invokes Function",
                "Queue redrive DeadLetterQueue", "DeadLetterQueueAgeAlarm watches DeadLetterQueue",
                "PollingPolicy attached to FunctionRole",
            ]))
    }

    @Test func topicStreamAndExistingResourcesAreFollowed() throws {
        let topic = Set(try Self.graph("Examples/order-events-fifo-topic/trigger.yaml").0.edges.map { "\($0.from) \($0.label) \($0.to)" })
        #expect(topic.isSuperset(of: ["Topic subscription Subscription", "Subscription delivers Queue"]))
        let stream = Set(try Self.graph("Examples/clickstream-kinesis/trigger.yaml").0.edges.map { "\($0.from) \($0.label) \($0.to)" })
        #expect(stream.isSuperset(of: ["Stream polled by EventSourceMapping", "EventSourceMapping on failure DeadLetterQueue"]))
        let (existing, _) = try Self.graph("Examples/existing-stream/trigger.yaml")
        #expect(existing.nodes.contains { $0.id == "FunctionArn" && $0.kind == .parameter })
        #expect(existing.nodes.contains { $0.kind == .external && $0.label.last?.hasSuffix("stream/telemetry-prd") == true })
    }

    static let dotPath = ["/usr/bin/dot", "/usr/local/bin/dot", "/opt/homebrew/bin/dot"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(.enabled(if: dotPath != nil, "Graphviz `dot` is not installed"), arguments: examples)
    func dotRendersWithGraphviz(_ example: String) throws {
        let path = try #require(Self.dotPath)
        let (graph, renderer) = try Self.graph(example)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-Tsvg"]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(renderer.dot(graph).utf8))
        try input.fileHandleForWriting.close()
        let svg = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
        #expect(message.isEmpty, "dot warned: \(message)")
        #expect(String(decoding: svg, as: UTF8.self).contains("<svg"))
    }

    /// Mermaid's flowchart grammar as far as triggerc uses it: a `flowchart LR` header, `%%` comments, nodes
    /// `Id["label"]` / `Id[("label")]` / `Id(["label"])` with alphanumeric ids and no raw quote in a label,
    /// edges `A -->|label| B` or `A -.->|label| B` between declared nodes, and `classDef`/`class` lines.
    static func mermaidProblems(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var problems: [String] = []
        guard lines.last == "" else { return ["no trailing newline"] }
        lines.removeLast()
        while lines.first?.hasPrefix("%%") == true { lines.removeFirst() }
        guard lines.first == "flowchart LR" else { return ["the first statement is not `flowchart LR`"] }
        let node = /^    ([A-Za-z][A-Za-z0-9]*)(\["[^"]*"\]|\[\("[^"]*"\)\]|\(\["[^"]*"\]\))$/
        let edge = /^    ([A-Za-z][A-Za-z0-9]*) (-->|-\.->)\|([a-z ]+)\| ([A-Za-z][A-Za-z0-9]*)$/
        let classDef = /^    classDef [a-z]+ [a-z-]+: [0-9 ]+$/
        let classLine = /^    class ([A-Za-z0-9,]+) [a-z]+$/
        var declared = Set<String>()
        for line in lines.dropFirst() {
            if let match = line.wholeMatch(of: node) {
                if !declared.insert(String(match.1)).inserted { problems.append("node declared twice: \(line)") }
            } else if let match = line.wholeMatch(of: edge) {
                if !declared.contains(String(match.1)) || !declared.contains(String(match.4)) {
                    problems.append("edge to an undeclared node: \(line)")
                }
            } else if line.wholeMatch(of: classDef) != nil {
                continue
            } else if let match = line.wholeMatch(of: classLine) {
                for id in match.1.split(separator: ",") where !declared.contains(String(id)) {
                    problems.append("class of an undeclared node: \(line)")
                }
            } else {
                problems.append("not a flowchart statement: \(line)")
            }
        }
        return problems
    }
}
