import Diagnostics

/// How a scalar was written in the source; quoted scalars are never typed implicitly.
public enum ScalarStyle: String, Sendable, Hashable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded

    /// Whether the scalar was written inside quotes.
    public var isQuoted: Bool { self == .singleQuoted || self == .doubleQuoted }
}

/// One key/value pair of a mapping, in source order.
public struct YAMLPair: Sendable, Hashable {
    public let key: YAMLNode
    public let value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// An immutable YAML node with its source range. Aliases are expanded (they share storage) and `<<` merge
/// keys are applied, so consumers never see either; a merged pair keeps the range where it was written.
public struct YAMLNode: Sendable, Hashable {
    /// The shape of a node.
    public enum Kind: Sendable, Hashable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public let kind: Kind
    /// From the first character of the node to just after its last one (1-based lines and columns).
    public let range: SourceRange
    /// The explicit tag as written after resolution of `!!` handles (e.g. `tag:yaml.org,2002:str`), if any.
    public let tag: String?
    /// The anchor name when the node was defined with `&name`.
    public let anchor: String?

    public init(kind: Kind, range: SourceRange, tag: String? = nil, anchor: String? = nil) {
        self.kind = kind
        self.range = range
        self.tag = tag
        self.anchor = anchor
    }

    /// The scalar's text, or `nil` when the node is not a scalar.
    public var scalar: String? {
        if case .scalar(let value, _) = kind { return value }
        return nil
    }

    /// The scalar's style, or `nil` when the node is not a scalar.
    public var style: ScalarStyle? {
        if case .scalar(_, let style) = kind { return style }
        return nil
    }

    /// The pairs of a mapping, or `nil` when the node is not a mapping.
    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// The items of a sequence, or `nil` when the node is not a sequence.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// Whether this is a plain `null`, `~`, `Null`, `NULL` or empty scalar without a tag, or tagged `!!null`.
    public var isNull: Bool {
        guard case .scalar(let value, let style) = kind else { return false }
        if tag == "tag:yaml.org,2002:null" { return true }
        guard style == .plain, tag == nil else { return false }
        return value.isEmpty || value == "~" || value == "null" || value == "Null" || value == "NULL"
    }

    /// A short human name for the node's kind, for messages ("a mapping", "a list", "a string").
    public var kindName: String {
        switch kind {
        case .scalar: isNull ? "null" : "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}
