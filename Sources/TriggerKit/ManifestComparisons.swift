import CloudFormation
import ManifestDiff
import TriggerModel

/// The comparisons `triggerc diff` prints, built from pipeline results without errors.
public enum ManifestComparisons {
    /// Pairs of syslevels of one manifest, e.g. the promotion chain `ci -> eng -> sat -> prd`.
    public static func syslevels(_ result: ManifestResult, pairs: [(Syslevel, Syslevel)]) -> [Comparison] {
        pairs.compactMap { from, to in
            guard let old = compiled(result, from), let new = compiled(result, to) else { return nil }
            return ManifestDiffer().compare(old, new)
        }
    }

    /// Two versions of a manifest, compared syslevel by syslevel.
    public static func versions(old: ManifestResult, new: ManifestResult, syslevels: [Syslevel]) -> [Comparison] {
        syslevels.compactMap { level in
            guard let before = compiled(old, level), let after = compiled(new, level) else { return nil }
            return ManifestDiffer().compare(before, after)
        }
    }

    static func compiled(_ result: ManifestResult, _ syslevel: Syslevel) -> CompiledManifest? {
        guard let resolved = result.resolved.first(where: { $0.syslevel == syslevel }),
            let template = result.templates.first(where: { $0.syslevel == syslevel })?.template
        else { return nil }
        return CompiledManifest(file: result.file, resolved: resolved, template: template)
    }
}
