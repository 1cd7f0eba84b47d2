/// What a setting holds; the decoder checks a value against it and types scalars by it.
public enum SettingKind: Sendable, Hashable {
    /// A string of at most `maxLength` characters (after interpolation, checked by rules).
    case string(maxLength: Int?)
    /// A plain integer within the range.
    case integer(ClosedRange<Int>)
    /// `true` or `false`.
    case boolean
    /// One of a fixed set of strings, compared exactly.
    case enumeration([String])
    /// A list of strings of at most `maxCount` items.
    case stringList(maxCount: Int)

    /// A short name for messages ("an integer", "a boolean").
    public var expectation: String {
        switch self {
        case .string: "a string"
        case .integer(let range): "an integer from \(range.lowerBound) to \(range.upperBound)"
        case .boolean: "a boolean (true or false)"
        case .enumeration(let values): "one of " + values.joined(separator: ", ")
        case .stringList(let maxCount): "a list of at most \(maxCount) strings"
        }
    }
}

/// One setting a trigger's `defaults` / `syslevels.<lvl>` may hold (SPEC section 3).
public struct SettingSpec: Sendable, Hashable {
    public let name: String
    public let kind: SettingKind
    public let types: Set<TriggerType>
    /// What the built-in default is, for documentation; the value itself comes from `BuiltInDefaults`.
    public let defaultSummary: String
    public let summary: String

    public init(_ name: String, _ kind: SettingKind, types: Set<TriggerType>, default defaultSummary: String, _ summary: String) {
        self.name = name
        self.kind = kind
        self.types = types
        self.defaultSummary = defaultSummary
        self.summary = summary
    }
}
