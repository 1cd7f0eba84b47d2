import Diagnostics
import TriggerModel

/// A check of one trigger resolved for one syslevel.
public protocol TriggerRule: Sendable {
    static var description: RuleDescription { get }
    func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic]
}

/// A check that compares the resolutions of all four syslevels.
public protocol SyslevelsRule: Sendable {
    static var description: RuleDescription { get }
    func check(_ manifests: [ResolvedManifest]) -> [Diagnostic]
}

extension TriggerRule {
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
