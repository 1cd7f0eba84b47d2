import TriggerModel

/// The event pattern and schedule of a manifest's triggers, as `test-pattern` and `schedule` use them.
public enum TriggerParameters {
    /// The triggers to look in: all of them in order, or only the one named under `triggers:`.
    public static func triggers(in result: ManifestResult, syslevel: Syslevel, named name: String?) -> [ResolvedTrigger] {
        guard let manifest = result.resolved.first(where: { $0.syslevel == syslevel }) else { return [] }
        guard let name else { return manifest.triggers }
        return manifest.triggers.filter { $0.name == name }
    }

    /// The names of the manifest's triggers, for a message when `--trigger` names none of them.
    public static func names(in result: ManifestResult) -> [String] {
        result.resolved.first?.triggers.compactMap(\.name) ?? []
    }

    /// The first trigger's event pattern (or, failing that, its first `filterCriteria` filter) for `syslevel`.
    public static func pattern(in result: ManifestResult, syslevel: Syslevel, trigger name: String? = nil) -> JSONValue? {
        for trigger in triggers(in: result, syslevel: syslevel, named: name) {
            if let pattern = trigger.parameters["eventPattern"] { return pattern.json }
            if let filter = trigger.parameters["filterCriteria"] {
                if case .array(let items) = filter.json { return items.first }
                return filter.json
            }
        }
        return nil
    }

    /// The first trigger's `scheduleExpression` for `syslevel`, with the function timeout when known.
    public static func schedule(in result: ManifestResult, syslevel: Syslevel, trigger name: String? = nil) -> String? {
        for trigger in triggers(in: result, syslevel: syslevel, named: name) {
            if let parameter = trigger.parameters["scheduleExpression"] {
                if let text = parameter.text { return text.displayText }
                if case .string(let text) = parameter.json { return text }
            }
        }
        return nil
    }
}
