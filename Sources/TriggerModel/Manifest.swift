import Diagnostics
import YAMLSource

/// A decoded manifest: what the user wrote, typed, with the source range of every value.
public struct Manifest: Sendable {
    public var file: String
    public var function: FunctionSpec?
    public var tags: [TagSpec]
    /// One trigger from `trigger:` (its `name` is `nil`), or several from `triggers:`.
    public var triggers: [TriggerSpec]
    public var range: SourceRange

    public init(file: String, function: FunctionSpec?, tags: [TagSpec], triggers: [TriggerSpec], range: SourceRange) {
        self.file = file
        self.function = function
        self.tags = tags
        self.triggers = triggers
        self.range = range
    }
}

/// One entry of the manifest's `tags`.
public struct TagSpec: Sendable, Hashable {
    public var key: Located<String>
    public var value: Located<InterpolatedString>
}

/// The `function:` block (SPEC 2.3): an existing function by name, or one the template defines.
public struct FunctionSpec: Sendable {
    /// Where the function's code comes from, when the template defines it.
    public enum Code: Sendable, Hashable {
        case s3(bucket: InterpolatedString, key: InterpolatedString, objectVersion: InterpolatedString?)
        case zipFile(String)
        case imageUri(InterpolatedString)
    }

    public var name: Located<InterpolatedString>
    public var timeout: Located<Int>?
    public var roleName: Located<InterpolatedString>?
    public var runtime: Located<String>?
    public var handler: Located<String>?
    public var code: Located<Code>?
    public var memorySize: Located<Int>?
    public var architecture: Located<String>?
    public var environment: [(key: Located<String>, value: Located<InterpolatedString>)]
    public var reservedConcurrency: Located<Int>?
    public var description: Located<InterpolatedString>?
    public var range: SourceRange
    public var keyRange: SourceRange

    /// Whether the template defines the function (runtime, handler and code given).
    public var isDefined: Bool { runtime != nil && handler != nil && code != nil }

    /// The timeout in seconds, with Lambda's default of 3.
    public var effectiveTimeout: Int { timeout?.value ?? 3 }
}

/// One setting as written in `defaults` or a syslevel block.
public struct SettingEntry: Sendable, Hashable {
    public var name: String
    public var keyRange: SourceRange
    public var value: SettingValue
    public var valueRange: SourceRange
}

/// A typed setting value.
public enum SettingValue: Sendable, Hashable, CustomStringConvertible {
    case string(InterpolatedString)
    case integer(Int)
    case boolean(Bool)
    case list([InterpolatedString])

    public var description: String {
        switch self {
        case .string(let text): text.displayText
        case .integer(let value): String(value)
        case .boolean(let value): String(value)
        case .list(let items): "[" + items.map(\.displayText).joined(separator: ", ") + "]"
        }
    }

    /// The value as JSON for `resolve` and `diff`, strings with their variables shown as `${NAME}`.
    public var json: JSONValue {
        switch self {
        case .string(let text): .string(text.displayText)
        case .integer(let value): .integer(value)
        case .boolean(let value): .bool(value)
        case .list(let items): .array(items.map { .string($0.displayText) })
        }
    }
}

/// A `parameters.<name>` entry: `{value: scalar}` or `{jsonValue: any YAML}`.
public struct ParameterSpec: Sendable {
    /// The two ways to give a parameter.
    public enum Content: Sendable {
        case value(Located<InterpolatedString>)
        case jsonValue(YAMLNode)
    }

    public var name: String
    public var keyRange: SourceRange
    public var content: Content

    /// The range of the parameter's value.
    public var valueRange: SourceRange {
        switch content {
        case .value(let text): text.range
        case .jsonValue(let node): node.range
        }
    }
}

/// The settings and parameters one syslevel overrides.
public struct SyslevelOverride: Sendable {
    public var syslevel: Syslevel
    public var keyRange: SourceRange
    public var settings: [SettingEntry]
    public var parameters: [ParameterSpec]
}

/// One trigger of the manifest.
public struct TriggerSpec: Sendable {
    /// The name under `triggers:`; `nil` for a lone `trigger:`.
    public var name: Located<String>?
    public var type: Located<TriggerType>
    public var bundled: Located<Bool>?
    public var defaults: [SettingEntry]
    public var syslevels: [SyslevelOverride]
    public var parameters: [ParameterSpec]
    public var range: SourceRange
    public var keyRange: SourceRange

    /// Whether the template creates the trigger's resources (SPEC 2.2; default `true`).
    public var isBundled: Bool { bundled?.value ?? true }
}
