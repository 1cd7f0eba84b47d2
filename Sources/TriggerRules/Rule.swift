import Diagnostics
import TriggerModel

/// A check of one trigger resolved for one syslevel.
public protocol TriggerRule: Sendable {
    static var description: RuleDescription { get }
    func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic]
    /// What the linter calls: the trigger with the analysis the rules share (`AnalysedRule`). Rules that do not
    /// read the analysis keep the default, which calls `check(_:in:)`. A requirement rather than a cast to
    /// `AnalysedRule`: the cast, done for every rule, trigger and syslevel, was 5% of a compile.
    func check(_ analysis: TriggerAnalysis, trigger: ResolvedTrigger, manifest: ResolvedManifest) -> [Diagnostic]
}

/// A check that compares the resolutions of all four syslevels.
public protocol SyslevelsRule: Sendable {
    static var description: RuleDescription { get }
    func check(_ manifests: [ResolvedManifest]) -> [Diagnostic]
}

extension TriggerRule {
    public func check(_ analysis: TriggerAnalysis, trigger: ResolvedTrigger, manifest: ResolvedManifest) -> [Diagnostic] {
        check(trigger, in: manifest)
    }

    /// A diagnostic with this rule's code and default severity.
    func diagnostic(_ message: String, at range: SourceRange, notes: [Note] = [], help: String? = nil) -> Diagnostic {
        Diagnostic(
            code: Self.description.code, severity: Self.description.severity, message: message, range: range,
            notes: notes, help: help)
    }
}

extension SyslevelsRule {
    func diagnostic(_ message: String, at range: SourceRange, notes: [Note] = [], help: String? = nil) -> Diagnostic {
        Diagnostic(
            code: Self.description.code, severity: Self.description.severity, message: message, range: range,
            notes: notes, help: help)
    }
}
