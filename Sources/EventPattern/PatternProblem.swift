/// One problem with a pattern: its kind (which rule reports it), where it is and what is wrong.
public struct PatternProblem: Sendable, Hashable {
    /// What kind of problem; each kind is reported by one rule of the catalog.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Root, object and array shape; leaf value types.
        case structure
        /// Match-expression objects: one key, a known operator, operand types, `anything-but` forms.
        case matchOperator
        /// `wildcard` escapes and consecutive `*`.
        case wildcard
        /// `numeric` grammar and bounds.
        case numeric
        /// Numbers beyond the documented range or precision (sources disagree, so a warning).
        case numericPrecision
        /// `cidr` syntax and masks.
        case cidr
        /// `$or` shape, reserved keys and the 1,000-combination limit.
        case or
        /// `anything-but` with a list of prefixes, suffixes, case-insensitive values or wildcards.
        case anythingButList
        /// SNS filter-policy limits and operators (nesting, five keys, 150 combinations, numeric range).
        case snsFilterPolicy
    }

    public var kind: Kind
    public var message: String
    public var path: PatternPath
    /// Whether the problem is with the member's key rather than its value (an unknown operator, a reserved word).
    public var onKey: Bool
    /// The characters of a string value the problem is about (Unicode scalar offsets), e.g. a bad escape.
    public var offsets: Range<Int>?
    public var help: String?

    public init(
        _ kind: Kind, _ message: String, at path: PatternPath, onKey: Bool = false, offsets: Range<Int>? = nil,
        help: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.path = path
        self.onKey = onKey
        self.offsets = offsets
        self.help = help
    }
}

/// The pattern languages that share EventBridge's grammar with differences.
public enum PatternDialect: String, Sendable, Hashable {
    /// EventBridge rule event patterns.
    case eventBridge
    /// Lambda event-source-mapping filter patterns (`FilterCriteria.Filters[].Pattern`).
    case lambdaFilter
    /// SNS subscription filter policies on message attributes (the default `FilterPolicyScope`).
    case snsFilterPolicy
}
