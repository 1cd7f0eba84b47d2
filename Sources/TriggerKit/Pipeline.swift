import CloudFormation
import Diagnostics
import Reporting
import TriggerModel
import TriggerRules
import YAMLSource

/// What the pipeline made of one manifest.
public struct ManifestResult: Sendable {
    public let file: String
    public let source: SourceFile
    public let diagnostics: [Diagnostic]
    /// The manifest resolved for every syslevel; empty when it could not be decoded.
    public let resolved: [ResolvedManifest]
    /// The templates of the requested syslevels; empty when there is any error.
    public let templates: [(syslevel: Syslevel, template: Template, text: String)]

    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// The pipeline facade (SPEC section 1): parse -> decode -> resolve -> lint -> emit. Never prints, never exits.
public struct Pipeline: Sendable {
    public static let version = "0.1.0"

    public let limits: YAMLLimits

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Runs every stage on a manifest's bytes; templates are emitted for `syslevels` only when nothing is an error.
    public func run(file: String, bytes: [UInt8], syslevels: [Syslevel] = Syslevel.allCases) -> ManifestResult {
        let source = SourceFile(path: file, text: String(decoding: bytes, as: UTF8.self))
        let read = YAMLReader(limits: limits).read(bytes: bytes, file: file)
        var diagnostics = read.diagnostics
        guard let root = read.root, !read.diagnostics.hasErrors else {
            return ManifestResult(file: file, source: source, diagnostics: diagnostics.sorted(), resolved: [], templates: [])
        }
        let (manifest, decodeDiagnostics) = ManifestDecoder().decode(root)
        diagnostics += decodeDiagnostics
        let resolver = Resolver()
        let resolved = Syslevel.allCases.map { resolver.resolve(manifest, for: $0) }
        // Rules run on a cleanly decoded manifest only: a dropped typo'd key would otherwise cascade into
        // "missing setting" reports that hide the one real mistake.
        if !manifest.triggers.isEmpty, !decodeDiagnostics.hasErrors {
            diagnostics += Linter().lint(resolved)
        }
        guard !diagnostics.hasErrors else {
            return ManifestResult(file: file, source: source, diagnostics: diagnostics.sorted(), resolved: resolved, templates: [])
        }
        let emitter = TemplateEmitter(compilerVersion: Self.version)
        var templates: [(Syslevel, Template, String)] = []
        var sizeProblems: [(Diagnostic, Syslevel?)] = []
        // Every syslevel's template is emitted, so that `lint` (which keeps none) still reports an oversized one.
        for manifest in resolved {
            let template = emitter.emit(manifest)
            // The streaming writer measures the compact size as it writes, more cheaply than building the
            // sorted JSON value would, so unkept templates are written and dropped.
            let (text, size) = TemplateWriter.render(template)
            if syslevels.contains(manifest.syslevel) { templates.append((manifest.syslevel, template, text)) }
            if let problem = TemplateSizeRule().check(size: size, manifest: manifest) { sizeProblems.append((problem, manifest.syslevel)) }
        }
        diagnostics += Linter.fold(sizeProblems, syslevelCount: Syslevel.allCases.count)
        return ManifestResult(file: file, source: source, diagnostics: diagnostics.sorted(), resolved: resolved, templates: templates)
    }

    /// Where `compile` writes a template (SPEC 5): `DIR/<manifest path without extension>.<syslevel>.json`.
    /// `..` and `.` components and a leading `/` are dropped so that every output stays inside DIR.
    public static func outputPath(manifest: String, outputDirectory: String, syslevel: Syslevel, fileExtension: String) -> String {
        outputPath(stem: outputStem(manifest: manifest, outputDirectory: outputDirectory), syslevel: syslevel, fileExtension: fileExtension)
    }

    /// `outputPath` from a manifest's `outputStem`, worked out once for its templates.
    public static func outputPath(stem: String, syslevel: Syslevel, fileExtension: String) -> String {
        stem + "." + syslevel.rawValue + "." + fileExtension
    }

    /// `outputPath` without `.<syslevel>.<extension>`: the same for every template of a manifest, so worked out
    /// once per manifest.
    public static func outputStem(manifest: String, outputDirectory: String) -> String {
        // By UTF-8 bytes: `/` and `.` are ASCII, never part of another character, and splitting by characters
        // (grapheme breaking) cost more than the rest of the path handling.
        var components = manifest.utf8.split(separator: UInt8(ascii: "/")).compactMap(Substring.init)
            .filter { $0 != "." && $0 != ".." }
        if var last = components.popLast() {
            if let dot = last.utf8.lastIndex(of: UInt8(ascii: ".")), dot != last.startIndex { last = last[..<dot] }
            components.append(last)
        }
        let relative = components.joined(separator: "/")
        let directory = outputDirectory.hasSuffix("/") ? String(outputDirectory.dropLast()) : outputDirectory
        return directory + "/" + relative
    }
}
