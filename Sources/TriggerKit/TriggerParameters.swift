import TriggerModel

/// The event pattern and schedule of a manifest's triggers, as `test-pattern` and `schedule` use them.
public enum TriggerParameters {
    /// The first trigger's event pattern (or, failing that, its first `filterCriteria` filter) for `syslevel`.
    public static func pattern(in result: ManifestResult, syslevel: Syslevel) -> JSONValue? {
        guard let manifest = result.resolved.first(where: { $0.syslevel == syslevel }) else { return nil }
        for trigger in manifest.triggers {
            if let pattern = trigger.parameters["eventPattern"] { return pattern.json }
            if let filter = trigger.parameters["filterCriteria"] {
                if case .array(let items) = filter.json { return items.first }
                return filter.json
            }
        }
        return nil
    }

    /// The first trigger's `scheduleExpression` for `syslevel`, with the function timeout when known.
    public static func schedule(in result: ManifestResult, syslevel: Syslevel) -> String? {
        guard let manifest = result.resolved.first(where: { $0.syslevel == syslevel }) else { return nil }
        for trigger in manifest.triggers {
            if let parameter = trigger.parameters["scheduleExpression"] {
                if let text = parameter.text { return text.displayText }
                if case .string(let text) = parameter.json { return text }
            }
        }
        return nil
    }
}
