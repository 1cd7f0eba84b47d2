import Foundation
import Reporting
import TestSupport
import Testing
import TriggerKit

/// Each manifest under `Tests/Fixtures/faulty/` holds mistakes a new user makes; its lint output in text,
/// json, github and sarif form is a golden file, and no template is produced.
@Suite struct FaultyManifestTests {
    static let manifests: [String] = {
        let directory = Snapshot.fixtures.appendingPathComponent("faulty")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    /// The SARIF document from `"results"` on: the rules' metadata is the same for every file and is covered by
    /// the catalog tests, so the golden files hold what differs.
    static func resultsOnly(_ sarif: String) -> String {
        guard let start = sarif.range(of: "      \"results\": [") else { return sarif }
        return String(sarif[start.lowerBound...])
    }

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
        let sarif = SARIFRenderer(toolVersion: "0.0.0-test", rules: Catalog.sarifRules).render(result.diagnostics)
        Snapshot.assert(Self.resultsOnly(sarif), matches: "faulty/\(base).sarif")
    }
}
