/// What makes two mapping keys the same key: scalars compare by their text alone (so `a`, `'a'` and `"a"`
/// collide), collections by their structure; ranges, styles, tags and anchors do not matter.
indirect enum YAMLKeyShape: Hashable {
    case scalar(String)
    case sequence([YAMLKeyShape])
    case mapping([YAMLKeyShape])
    /// A `<<` merge key, which only ever collides with another merge key.
    case mergeKey

    init(_ node: YAMLNode) {
        if node.isMergeKey {
            self = .mergeKey
            return
        }
        switch node.kind {
        case .scalar(let value, _):
            self = .scalar(value)
        case .sequence(let items):
            self = .sequence(items.map(YAMLKeyShape.init))
        case .mapping(let pairs):
            self = .mapping(pairs.flatMap { [YAMLKeyShape($0.key), YAMLKeyShape($0.value)] })
        }
    }
}

extension YAMLNode {
    /// Whether the node is a YAML 1.1 merge key: a plain `<<` without a tag, or one tagged `!!merge`.
    var isMergeKey: Bool {
        guard case .scalar("<<", .plain) = kind else { return false }
        return tag == nil || tag == "tag:yaml.org,2002:merge"
    }
}
