import TriggerModel

/// Compares the resolved settings and parameters of two manifests, trigger by trigger (matched by name).
/// Only values that differ are reported; a value that moved between `defaults` and a syslevel block but
/// resolves the same is not a change.
public struct SettingDiffer: Sendable {
    public init() {}

    public func changes(from old: ResolvedManifest, to new: ResolvedManifest) -> [Change] {
        var names: [String?] = old.triggers.map(\.name)
        for trigger in new.triggers where !names.contains(trigger.name) { names.append(trigger.name) }
        return names.flatMap { name in
            changes(
                from: old.triggers.first { $0.name == name }, to: new.triggers.first { $0.name == name },
                prefix: name.map { "triggers.\($0)" } ?? "trigger")
        }
    }

    func changes(from old: ResolvedTrigger?, to new: ResolvedTrigger?, prefix: String) -> [Change] {
        var result: [Change] = []
        let settingNames = Set(old?.settings.keys.map(\.text) ?? []).union(new?.settings.keys.map(\.text) ?? [])
        for name in Self.catalogOrder(settingNames) {
            let before = old?[name]
            let after = new?[name]
            guard before?.value != after?.value else { continue }
            result.append(
                Change(
                    kind: .setting, path: prefix + "." + name, from: before?.value.json, to: after?.value.json,
                    fromProvenance: before?.provenance.description, toProvenance: after?.provenance.description))
        }
        let parameterNames = Set((old?.parameters.keys).map(Array.init) ?? []).union((new?.parameters.keys).map(Array.init) ?? [])
        for name in parameterNames.sorted() {
            let before = old?.parameters[name]
            let after = new?.parameters[name]
            guard before?.json != after?.json else { continue }
            result.append(
                Change(
                    kind: .setting, path: prefix + ".parameters." + name, from: before?.json, to: after?.json,
                    fromProvenance: before?.origin, toProvenance: after?.origin))
        }
        return result
    }

    /// Setting names in the order of `SettingCatalog` (the documentation's order); unknown names last, sorted.
    static func catalogOrder(_ names: Set<String>) -> [String] {
        let known = SettingCatalog.all.map(\.name).filter(names.contains)
        return known + names.subtracting(known).sorted()
    }
}
