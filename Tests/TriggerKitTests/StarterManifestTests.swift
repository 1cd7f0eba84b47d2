import TestSupport
import Testing
import TriggerKit
import TriggerModel

/// Every starter manifest `triggerc init` writes compiles cleanly: no error, no warning, in any syslevel.
@Suite struct StarterManifestTests {
    @Test(arguments: TriggerType.allCases) func starterLintsWithNoErrorAndNoWarning(_ type: TriggerType) {
        let text = StarterManifest.text(type: type, service: "orders")
        let result = Pipeline().run(file: "trigger.yaml", bytes: Array(text.utf8))
        let problems = result.diagnostics.filter { $0.severity != .info }
        #expect(problems.isEmpty, "\(problems)")
        #expect(result.templates.count == Syslevel.allCases.count)
        #expect(result.resolved.first?.triggers.first?.type == type)
    }

    @Test(arguments: TriggerType.allCases) func starterMatchesItsGoldenFile(_ type: TriggerType) {
        Snapshot.assert(StarterManifest.text(type: type, service: "orders"), matches: "init/\(type.rawValue).yaml")
    }

    @Test func firstLineIsTheYAMLLanguageServerModeline() {
        let text = StarterManifest.text(type: .sqsdlq, service: "orders")
        #expect(text.hasPrefix("# yaml-language-server: $schema=trigger-manifest.schema.json\n"))
        let custom = StarterManifest.text(type: .sqsdlq, service: "orders", schema: "../schema/trigger-manifest.schema.json")
        #expect(custom.hasPrefix("# yaml-language-server: $schema=../schema/trigger-manifest.schema.json\n"))
    }

    @Test func serviceNamesAreSafeForEveryDerivedName() {
        #expect(StarterManifest.serviceName(fromDirectory: "services/Thumbnailer_v2") == "thumbnailer-v2")
        #expect(StarterManifest.serviceName(fromDirectory: "/tmp/x/") == "x")
        #expect(StarterManifest.serviceName(fromDirectory: ".") == "my-service")
        #expect(StarterManifest.serviceName(fromDirectory: "42") == "my-service")
        #expect(StarterManifest.serviceName(fromDirectory: String(repeating: "a", count: 99)).count == 40)
    }

    @Test(arguments: TriggerType.allCases) func aLongServiceNameStillLintsClean(_ type: TriggerType) {
        let service = StarterManifest.serviceName(fromDirectory: String(repeating: "abcdefghij", count: 9))
        let result = Pipeline().run(file: "trigger.yaml", bytes: Array(StarterManifest.text(type: type, service: service).utf8))
        #expect(result.diagnostics.filter { $0.severity != .info }.isEmpty, "\(result.diagnostics)")
    }
}
