import Foundation
import Reporting
import TestSupport
import Testing
import TriggerKit

/// Each manifest under `Tests/Fixtures/faulty/` holds mistakes a new user makes; its lint output in text,
/// json and github form is a golden file, and no template is produced.
@Suite struct FaultyManifestTests {
    static let manifests: [String] = {
        let directory = Snapshot.fixtures.appendingPathComponent("faulty")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test func thereAreFaultyManifests() {
        #expect(Self.manifests.count >= 5)
    }

    @Test(arguments: manifests) func lintOutputMatchesGoldenFiles(_ name: String) {
        let path = "Tests/Fixtures/faulty/\(name)"
        let result = Pipeline().run(file: path, bytes: Snapshot.bytes(path))
        #expect(result.hasErrors, "a faulty manifest must have an error")
        #expect(result.templates.isEmpty)
        let base = String(name.dropLast(5))
        let text = TextRenderer().render(result.diagnostics, sources: [path: result.source], fileCount: 1)
        Snapshot.assert(text, matches: "faulty/\(base).txt")
        Snapshot.assert(JSONRenderer().render(result.diagnostics), matches: "faulty/\(base).json")
        Snapshot.assert(GitHubRenderer().render(result.diagnostics), matches: "faulty/\(base).github")
    }
}
