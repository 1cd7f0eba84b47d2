import Foundation
import ManifestDiff
import Reporting
import TestSupport
import Testing
import TriggerKit
import TriggerModel

/// `diff` and `resolve` output, byte for byte, for the OLD/NEW fixture pair and every example's promotion chain.
@Suite struct DiffGoldenTests {
    static let old = "Tests/Fixtures/diff/old.yaml"
    static let new = "Tests/Fixtures/diff/new.yaml"

    static func result(_ path: String) -> ManifestResult {
        Pipeline().run(file: path, bytes: Snapshot.bytes(path))
    }

    static func assertFormats(_ comparisons: [Comparison], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        Snapshot.assert(DiffTextRenderer().render(comparisons), matches: "diff/\(name).txt", sourceLocation: sourceLocation)
        Snapshot.assert(DiffJSONRenderer().render(comparisons), matches: "diff/\(name).json", sourceLocation: sourceLocation)
        Snapshot.assert(DiffMarkdownRenderer().render(comparisons), matches: "diff/\(name).md", sourceLocation: sourceLocation)
    }

    @Test func versionsInEverySyslevelMatchGoldenFiles() {
        let comparisons = ManifestComparisons.versions(
            old: Self.result(Self.old), new: Self.result(Self.new), syslevels: Syslevel.allCases)
        #expect(comparisons.count == 4)
        Self.assertFormats(comparisons, "old-new")
    }

    @Test(arguments: Snapshot.examples()) func promotionChainMatchesGoldenFiles(_ example: String) {
        let result = Self.result(example)
        #expect(!result.hasErrors)
        let comparisons = ManifestComparisons.syslevels(result, pairs: ManifestDiffer.promotionPairs)
        #expect(comparisons.map { "\($0.from.syslevel)->\($0.to.syslevel)" } == ["ci->eng", "eng->sat", "sat->prd"])
        Self.assertFormats(comparisons, example.split(separator: "/")[1] + ".promotion")
    }

    @Test(arguments: Snapshot.examples() + [old, new]) func resolveMatchesGoldenFiles(_ path: String) {
        let result = Self.result(path)
        guard let prd = result.resolved.first(where: { $0.syslevel == .prd }) else {
            Issue.record("\(path) did not resolve")
            return
        }
        let name =
            path.hasPrefix("Examples/")
            ? String(path.split(separator: "/")[1]) : "fixture-" + (path as NSString).lastPathComponent.replacing(".yaml", with: "")
        Snapshot.assert(ResolvedManifestRenderer().yaml(prd), matches: "diff/\(name).resolve.prd.yaml")
        Snapshot.assert(ResolvedManifestRenderer().json(prd), matches: "diff/\(name).resolve.prd.json")
    }
}
