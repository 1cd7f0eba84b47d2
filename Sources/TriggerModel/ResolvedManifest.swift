import Diagnostics
import YAMLSource

/// One setting after resolution for a syslevel.
public struct ResolvedSetting: Sendable, Hashable {
    public var name: String
    /// The value with `${syslevel}` replaced; pseudo parameters remain for `Fn::Sub`.
    public var value: SettingValue
    /// The value as written, before `${syslevel}` was replaced: what messages quote, so that a problem with a
    /// shared value reads the same in every syslevel and is reported once.
    public var written: SettingValue
    public var provenance: Provenance
    /// The range of the value in the source; `nil` for built-in defaults.
    public var valueRange: SourceRange?
    /// The `defaults` entry a syslevel override replaced, for "note: the default is here".
    public var replacedDefault: SettingEntry?
}

/// One parameter after resolution for a syslevel.
public struct ResolvedParameter: Sendable {
    public var name: String
    /// The parameter as CloudFormation JSON (strings with pseudo parameters become `Fn::Sub` objects).
    public var json: JSONValue
    /// The `value` form's text, when the parameter was given with `value`.
    public var text: InterpolatedString?
    /// The YAML it was written as, with positions, when given with `jsonValue`.
    public var node: YAMLNode?
    public var valueRange: SourceRange
    public var provenance: Provenance

    /// Where the parameter came from, in words: `parameters at line N` or `syslevels.prd.parameters at line N`.
    /// `provenance` says `defaults` for the trigger's own `parameters`, which would mislead a reader.
    public var origin: String {
        switch provenance {
        case .builtIn(let how): "built-in default (\(how))"
        case .defaults(let range): "parameters at line \(range.start.line)"
        case .syslevel(let level, let range): "syslevels.\(level.rawValue).parameters at line \(range.start.line)"
        }
    }
}

/// A trigger resolved for one syslevel: every setting that has a value, and its parameters.
public struct ResolvedTrigger: Sendable {
    public var spec: TriggerSpec
    public var syslevel: Syslevel
    public var settings: [SettingName: ResolvedSetting]
    public var parameters: [String: ResolvedParameter]

    public var type: TriggerType { spec.type.value }
    public var name: String? { spec.name?.value }
    public var isBundled: Bool { spec.isBundled }

    /// The setting, if it has a value.
    public subscript(_ name: String) -> ResolvedSetting? { settings[SettingName(name)] }

    public func string(_ name: String) -> InterpolatedString? {
        if case .string(let value)? = settings[SettingName(name)]?.value { return value }
        return nil
    }

    public func integer(_ name: String) -> Int? {
        if case .integer(let value)? = settings[SettingName(name)]?.value { return value }
        return nil
    }

    public func boolean(_ name: String) -> Bool? {
        if case .boolean(let value)? = settings[SettingName(name)]?.value { return value }
        return nil
    }

    /// The setting's text as written in the manifest (`${syslevel}` kept), for messages.
    public func written(_ name: String) -> String? {
        settings[SettingName(name)].map { $0.written.description }
    }

    public func list(_ name: String) -> [InterpolatedString]? {
        if case .list(let value)? = settings[SettingName(name)]?.value { return value }
        return nil
    }

    /// Whether the source queue is FIFO.
    public var isFIFO: Bool { string("queueType")?.literalValue == "FIFO" }

    /// Whether an alarm mode setting is `enabled`.
    public func alarmEnabled(_ mode: String) -> Bool { string(mode)?.literalValue == "enabled" }

    /// The best range to report a problem with a setting at: its value, or the trigger's key when built in.
    public func range(of name: String) -> SourceRange {
        settings[SettingName(name)]?.valueRange ?? spec.keyRange
    }

    /// Notes that point at the default a syslevel override replaced.
    public func overrideNotes(for name: String) -> [Note] {
        guard let replaced = settings[SettingName(name)]?.replacedDefault else { return [] }
        return [Note("the default it overrides is \(replaced.value) here", at: replaced.valueRange)]
    }
}

/// The function after resolution for a syslevel.
public struct ResolvedFunction: Sendable {
    public var spec: FunctionSpec
    public var name: InterpolatedString
    public var roleName: InterpolatedString?
    public var timeout: Int { spec.effectiveTimeout }
    public var isDefined: Bool { spec.isDefined }
}

/// A whole manifest resolved for one syslevel.
public struct ResolvedManifest: Sendable {
    public var manifest: Manifest
    public var syslevel: Syslevel
    public var function: ResolvedFunction?
    /// The user's tags plus `syslevel`, sorted by key.
    public var tags: [(key: String, value: InterpolatedString)]
    public var triggers: [ResolvedTrigger]
}
