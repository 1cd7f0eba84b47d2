import CloudFormation
import Reporting
import TestSupport
import Testing
import TriggerKit
import TriggerModel

/// Every example compiles for every syslevel to exactly its golden template, and lints to its golden text.
@Suite struct ExampleGoldenTests {
    static let examples = Snapshot.examples()

    @Test func examplesExist() {
        #expect(Self.examples.contains("Examples/seed/trigger.yaml"))
        #expect(Self.examples.count >= 3)
    }

    @Test(arguments: examples) func templatesMatchGoldenFiles(_ example: String) {
        let result = Pipeline().run(file: example, bytes: Snapshot.bytes(example))
        #expect(!result.hasErrors, "\(result.diagnostics)")
        #expect(result.templates.map(\.syslevel) == Syslevel.allCases)
        let name = example.split(separator: "/")[1]
        for entry in result.templates {
            Snapshot.assert(entry.text, matches: "templates/\(name).\(entry.syslevel.rawValue).json")
        }
    }

    @Test(arguments: examples) func lintOutputMatchesGoldenFile(_ example: String) {
        let result = Pipeline().run(file: example, bytes: Snapshot.bytes(example))
        let text = TextRenderer().render(result.diagnostics, sources: [example: result.source], fileCount: 1)
        let name = example.split(separator: "/")[1]
        Snapshot.assert(text, matches: "lint/\(name).txt")
        Snapshot.assert(JSONRenderer().render(result.diagnostics), matches: "lint/\(name).json")
    }

    @Test(arguments: examples) func compilingTwiceGivesIdenticalBytes(_ example: String) {
        let first = Pipeline().run(file: example, bytes: Snapshot.bytes(example)).templates.map(\.text)
        let second = Pipeline().run(file: example, bytes: Snapshot.bytes(example)).templates.map(\.text)
        #expect(!first.isEmpty)
        #expect(first == second)
    }

    /// The writer streams templates without building `Template.json`; both must state the same layout.
    @Test(arguments: examples) func streamedTemplatesEqualTheirJSONValue(_ example: String) {
        for entry in Pipeline().run(file: example, bytes: Snapshot.bytes(example)).templates {
            let json = entry.template.json
            let (text, size) = TemplateWriter.render(entry.template)
            #expect(text == JSONWriter.pretty(json))
            #expect(size == JSONWriter.compact(json).utf8.count)
        }
    }
}
