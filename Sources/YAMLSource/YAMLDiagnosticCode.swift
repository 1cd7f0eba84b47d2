import Diagnostics

extension DiagnosticCode {
    /// libyaml rejected the text (reader, scanner or parser error).
    public static let yamlSyntax: DiagnosticCode = "TRG001"
    /// A mapping holds the same key twice.
    public static let duplicateKey: DiagnosticCode = "TRG002"
    /// The file holds no yaml document, or more than one.
    public static let documentCount: DiagnosticCode = "TRG003"
    /// The file is larger than `YAMLLimits.maxBytes`.
    public static let inputTooLarge: DiagnosticCode = "TRG004"
    /// Collections nest deeper than `YAMLLimits.maxDepth`.
    public static let nestingTooDeep: DiagnosticCode = "TRG005"
    /// The document has more nodes than `YAMLLimits.maxNodes` once aliases are expanded.
    public static let tooManyNodes: DiagnosticCode = "TRG006"
    /// The value of a `<<` merge key is not a mapping or a list of mappings.
    public static let invalidMergeKey: DiagnosticCode = "TRG007"
    /// An alias names an anchor that no earlier node defines.
    public static let undefinedAlias: DiagnosticCode = "TRG008"
}
