import Diagnostics
import Testing
import YAMLSource

@testable import TriggerModel

/// The file name every manifest in these tests is read under.
let manifestFile = "trigger.yaml"

/// A manifest decoded from YAML text, with the decoder's diagnostics.
struct Decoded {
    let manifest: Manifest
    let diagnostics: [Diagnostic]

    /// The only trigger of the manifest.
    var trigger: TriggerSpec? { manifest.triggers.count == 1 ? manifest.triggers[0] : nil }
}

/// Reads `text` as YAML (which must succeed without diagnostics) and decodes it.
func decode(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Decoded {
    let result = YAMLReader().read(text: text, file: manifestFile)
    #expect(result.diagnostics.isEmpty, "unexpected yaml diagnostics: \(result.diagnostics)", sourceLocation: sourceLocation)
    let root = try #require(result.root, sourceLocation: sourceLocation)
    let (manifest, diagnostics) = ManifestDecoder().decode(root)
    return Decoded(manifest: manifest, diagnostics: diagnostics)
}

/// Decodes `text`, requires that the decoder reported nothing, and resolves the manifest for `syslevel`.
func resolve(_ text: String, for syslevel: Syslevel, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
    -> ResolvedManifest
{
    let decoded = try decode(text, sourceLocation: sourceLocation)
    #expect(decoded.diagnostics.isEmpty, "unexpected diagnostics: \(decoded.diagnostics)", sourceLocation: sourceLocation)
    return Resolver().resolve(decoded.manifest, for: syslevel)
}

/// A 1-based range in the test file from `line:column` to `endLine:endColumn` (end exclusive).
func span(_ line: Int, _ column: Int, _ endLine: Int, _ endColumn: Int) -> SourceRange {
    SourceRange(
        file: manifestFile, start: Diagnostics.SourceLocation(line: line, column: column),
        end: Diagnostics.SourceLocation(line: endLine, column: endColumn))
}

/// A range on one line.
func span(_ line: Int, _ column: Int, _ endColumn: Int) -> SourceRange {
    span(line, column, line, endColumn)
}

/// An expected error.
func error(
    _ code: DiagnosticCode, _ range: SourceRange, _ message: String, help: String? = nil, notes: [Note] = []
) -> Diagnostic {
    Diagnostic(code: code, severity: .error, message: message, range: range, notes: notes, help: help)
}

/// An expected warning.
func warning(_ code: DiagnosticCode, _ range: SourceRange, _ message: String, help: String? = nil) -> Diagnostic {
    Diagnostic(code: code, severity: .warning, message: message, range: range, help: help)
}

/// A string setting value without variables.
func text(_ value: String) -> SettingValue { .string(InterpolatedString(literal: value)) }

extension TriggerSpec {
    /// The `defaults` entry named `name`.
    func defaultEntry(_ name: String) -> SettingEntry? { defaults.first { $0.name == name } }
}
