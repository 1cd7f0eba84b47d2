import Diagnostics

/// What a rule is, for `triggerc rules`, `triggerc explain`, SARIF and `docs/rules.md`.
public struct RuleDescription: Sendable, Hashable {
    public let code: DiagnosticCode
    /// A short kebab-case name, e.g. `visibility-timeout-below-function-timeout`.
    public let name: String
    public let severity: Severity
    /// One line: what the rule finds.
    public let summary: String
    /// Why it matters, in a few sentences.
    public let rationale: String
    /// The AWS documentation the rule rests on.
    public let documentation: String
    /// Manifests that must produce the diagnostic where `↓` marks it.
    public let triggering: [String]
    /// Manifests that must not produce it.
    public let nonTriggering: [String]

    public init(
        code: DiagnosticCode, name: String, severity: Severity, summary: String, rationale: String,
        documentation: String, triggering: [String] = [], nonTriggering: [String] = []
    ) {
        self.code = code
        self.name = name
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.documentation = documentation
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}
