/// The resource limits of the reader (SPEC section 1). Exceeding one is a diagnostic, never a crash or hang.
public struct YAMLLimits: Sendable, Hashable {
    /// Input size in bytes.
    public var maxBytes: Int
    /// Nesting depth of collections.
    public var maxDepth: Int
    /// Nodes in the tree after alias expansion (each alias counts the whole subtree it stands for).
    public var maxNodes: Int

    public init(maxBytes: Int = 8 * 1024 * 1024, maxDepth: Int = 256, maxNodes: Int = 100_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    public static let `default` = YAMLLimits()
}
