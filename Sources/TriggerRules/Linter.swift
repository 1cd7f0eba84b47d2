import Diagnostics
import TriggerModel

/// Runs every registered rule over the four syslevel resolutions of a manifest and folds problems that
/// appear in several syslevels into one diagnostic that names them.
public struct Linter: Sendable {
    public init() {}

    public func lint(_ manifests: [ResolvedManifest]) -> [Diagnostic] {
        var found: [(Diagnostic, Syslevel?)] = []
        // Validating patterns and parsing schedules are the dearest checks: the rules share one analysis per
        // trigger, which takes over what the previous syslevel found wherever the input is the same.
        var previous: [TriggerAnalysis] = []
        for manifest in manifests {
            for (index, trigger) in manifest.triggers.enumerated() {
                let analysis = TriggerAnalysis(trigger, reusing: index < previous.count ? previous[index] : nil)
                if index < previous.count { previous[index] = analysis } else { previous.append(analysis) }
                for rule in RuleRegistry.triggerRules {
                    found += rule.check(analysis, trigger: trigger, manifest: manifest).map { ($0, manifest.syslevel) }
                }
            }
        }
        for rule in RuleRegistry.syslevelsRules {
            found += rule.check(manifests).map { ($0, nil) }
        }
        return Self.fold(found, syslevelCount: manifests.count)
    }

    /// Merges identical diagnostics from several syslevels; `syslevels` stays `nil` when all have it.
    public static func fold(_ found: [(Diagnostic, Syslevel?)], syslevelCount: Int) -> [Diagnostic] {
        var order: [Diagnostic] = []
        var levels: [Diagnostic: Set<Syslevel>] = [:]
        var everywhere: Set<Diagnostic> = []
        for (diagnostic, syslevel) in found {
            if levels[diagnostic] == nil, !everywhere.contains(diagnostic) { order.append(diagnostic) }
            if let syslevel {
                levels[diagnostic, default: []].insert(syslevel)
            } else {
                everywhere.insert(diagnostic)
            }
        }
        return order.map { diagnostic in
            var folded = diagnostic
            if !everywhere.contains(diagnostic), let set = levels[diagnostic], set.count < syslevelCount {
                folded.syslevels = set.sorted().map(\.rawValue)
            }
            return folded
        }
    }
}
