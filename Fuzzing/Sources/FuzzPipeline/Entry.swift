import Reporting
import TriggerKit

/// libFuzzer entry point for the whole lint-and-compile pipeline and every diagnostic renderer.
public func fuzzPipeline(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let result = Pipeline().run(file: "fuzz.yaml", bytes: bytes)
    if result.hasErrors != result.templates.isEmpty {
        fatalError("templates and errors disagree: \(result.diagnostics.count) diagnostics, \(result.templates.count) templates")
    }
    _ = TextRenderer(colour: true).render(result.diagnostics, sources: ["fuzz.yaml": result.source], fileCount: 1)
    _ = JSONRenderer().render(result.diagnostics)
    _ = GitHubRenderer().render(result.diagnostics)
    _ = SARIFRenderer(toolVersion: Pipeline.version, rules: Catalog.sarifRules).render(result.diagnostics)
    return 0
}
