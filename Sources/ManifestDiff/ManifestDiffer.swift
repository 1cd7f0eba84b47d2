import CloudFormation
import TriggerModel

/// A manifest resolved and compiled for one syslevel: one side of a comparison.
public struct CompiledManifest: Sendable {
    public var file: String
    public var resolved: ResolvedManifest
    public var template: Template

    public init(file: String, resolved: ResolvedManifest, template: Template) {
        self.file = file
        self.resolved = resolved
        self.template = template
    }

    public var endpoint: DiffEndpoint { DiffEndpoint(file: file, syslevel: resolved.syslevel) }
}

/// Compares two compiled manifests (SPEC 5.2): resolved settings, then the template. Pure.
public struct ManifestDiffer: Sendable {
    public init() {}

    public func compare(_ old: CompiledManifest, _ new: CompiledManifest) -> Comparison {
        var templateChanges = TemplateDiffer().changes(from: old.template, to: new.template)
        if old.resolved.syslevel != new.resolved.syslevel {
            // Each syslevel is deployed as its own stack: a queue named differently in sat and prd is two queues,
            // and promoting never turns one into the other. Replacement applies to one stack updated in place.
            for index in templateChanges.indices {
                templateChanges[index].replacement = false
                templateChanges[index].dataLoss = false
            }
        }
        return Comparison(
            from: old.endpoint, to: new.endpoint,
            changes: SettingDiffer().changes(from: old.resolved, to: new.resolved) + templateChanges)
    }

    /// The promotion chain's consecutive pairs: ci -> eng, eng -> sat, sat -> prd.
    public static var promotionPairs: [(Syslevel, Syslevel)] {
        Array(zip(Syslevel.allCases, Syslevel.allCases.dropFirst()))
    }
}
