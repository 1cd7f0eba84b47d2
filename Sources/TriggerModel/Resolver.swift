import Diagnostics
import YAMLSource

/// Resolves a manifest for a syslevel: `syslevels.<lvl>` over `defaults` over the type's built-in defaults
/// (SPEC 2.1), keeping where every value came from. Pure: no diagnostics, no I/O.
public struct Resolver: Sendable {
    public init() {}

    public func resolve(_ manifest: Manifest, for syslevel: Syslevel) -> ResolvedManifest {
        let function = manifest.function.map { spec in
            ResolvedFunction(
                spec: spec, name: spec.name.value.resolving(syslevel: syslevel),
                roleName: spec.roleName?.value.resolving(syslevel: syslevel))
        }
        var tags = manifest.tags.map { (key: $0.key.value, value: $0.value.value.resolving(syslevel: syslevel)) }
        tags.append((key: "syslevel", value: InterpolatedString(literal: syslevel.rawValue)))
        tags.sort { $0.key < $1.key }
        let triggers = manifest.triggers.map { resolve($0, for: syslevel, function: function) }
        return ResolvedManifest(manifest: manifest, syslevel: syslevel, function: function, tags: tags, triggers: triggers)
    }

    /// Resolves one trigger: explicit values first, then the built-in defaults, which may depend on them.
    public func resolve(_ spec: TriggerSpec, for syslevel: Syslevel, function: ResolvedFunction?) -> ResolvedTrigger {
        // Room for the built-in defaults too, so that the table is not rehashed as it fills.
        var settings: [SettingName: ResolvedSetting] = Dictionary(minimumCapacity: 64)
        var defaults: [String: SettingEntry] = Dictionary(minimumCapacity: spec.defaults.count)
        for entry in spec.defaults {
            defaults[entry.name] = entry
            settings[SettingName(entry.name)] = ResolvedSetting(
                name: entry.name, value: Self.substitute(entry.value, syslevel), written: entry.value,
                provenance: .defaults(entry.keyRange),
                valueRange: entry.valueRange, replacedDefault: nil)
        }
        let override = spec.syslevels.first { $0.syslevel == syslevel }
        for entry in override?.settings ?? [] {
            settings[SettingName(entry.name)] = ResolvedSetting(
                name: entry.name, value: Self.substitute(entry.value, syslevel), written: entry.value,
                provenance: .syslevel(syslevel, entry.keyRange), valueRange: entry.valueRange,
                replacedDefault: defaults[entry.name])
        }
        // `consume`: the trigger takes the only reference, so the merge below does not copy the table.
        var trigger = ResolvedTrigger(spec: spec, syslevel: syslevel, settings: consume settings, parameters: [:])
        // What the manifest sets wins; `merge` looks each name up once.
        trigger.settings.merge(
            BuiltInDefaults.values(for: trigger, function: function).lazy.map { name, value, how in
                (
                    SettingName(name),
                    ResolvedSetting(name: name, value: value, written: value, provenance: .builtIn(how), valueRange: nil, replacedDefault: nil)
                )
            },
            uniquingKeysWith: { written, _ in written })
        var parameters: [String: ResolvedParameter] = [:]
        for parameter in spec.parameters {
            parameters[parameter.name] = resolve(parameter, syslevel: syslevel, provenance: .defaults(parameter.keyRange))
        }
        for parameter in override?.parameters ?? [] {
            parameters[parameter.name] = resolve(
                parameter, syslevel: syslevel, provenance: .syslevel(syslevel, parameter.keyRange))
        }
        trigger.parameters = parameters
        return trigger
    }

    func resolve(_ parameter: ParameterSpec, syslevel: Syslevel, provenance: Provenance) -> ResolvedParameter {
        switch parameter.content {
        case .value(let text):
            let resolved = text.value.resolving(syslevel: syslevel)
            return ResolvedParameter(
                name: parameter.name, json: Self.json(resolved), text: resolved, node: nil, valueRange: text.range,
                provenance: provenance)
        case .jsonValue(let node):
            return ResolvedParameter(
                name: parameter.name, json: Self.json(node, syslevel: syslevel), text: nil, node: node,
                valueRange: node.range, provenance: provenance)
        }
    }

    static func substitute(_ value: SettingValue, _ syslevel: Syslevel) -> SettingValue {
        switch value {
        case .string(let text): .string(text.resolving(syslevel: syslevel))
        case .list(let items): .list(items.map { $0.resolving(syslevel: syslevel) })
        case .integer, .boolean: value
        }
    }

    /// A string as CloudFormation JSON: plain, or `Fn::Sub` when a pseudo parameter is left.
    public static func json(_ text: InterpolatedString) -> JSONValue {
        if let literal = text.literalValue { return .string(literal) }
        return .object([("Fn::Sub", .string(text.substitutionTemplate))])
    }

    /// Converts a `jsonValue` YAML tree to JSON. Scalars are typed the YAML 1.2 core way, not YAML 1.1's:
    /// quoted or `!!str` scalars are strings; plain `null`/`~`/empty, `true`/`false` and JSON-syntax numbers
    /// are null, booleans and numbers; every other plain scalar is a string.
    public static func json(_ node: YAMLNode, syslevel: Syslevel) -> JSONValue {
        switch node.kind {
        case .scalar(let text, let style):
            if node.isNull { return .null }
            if style == .plain,
                node.tag == nil || node.tag == "tag:yaml.org,2002:bool" || node.tag == "tag:yaml.org,2002:int"
                    || node.tag == "tag:yaml.org,2002:float"
            {
                if text == "true" || text == "True" || text == "TRUE" { return .bool(true) }
                if text == "false" || text == "False" || text == "FALSE" { return .bool(false) }
                if JSONValue.isJSONNumber(text) { return .number(text) }
            }
            return json(InterpolatedString.parse(text).0.resolving(syslevel: syslevel))
        case .sequence(let items):
            return .array(items.map { json($0, syslevel: syslevel) })
        case .mapping(let pairs):
            return .object(
                pairs.map {
                    (
                        InterpolatedString.parse($0.key.scalar ?? "").0.resolving(syslevel: syslevel)
                            .literalValue ?? ($0.key.scalar ?? ""), json($0.value, syslevel: syslevel)
                    )
                })
        }
    }
}
