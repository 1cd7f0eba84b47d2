/// Where something sits inside a pattern or an event: a list of object members and array elements. Members
/// carry their index too, so that a caller holding a parallel tree with positions (the manifest's YAML) can
/// find the node without comparing keys.
public struct PatternPath: Sendable, Hashable, CustomStringConvertible {
    /// One step down.
    public enum Step: Sendable, Hashable {
        case member(String, index: Int)
        case element(Int)
    }

    public var steps: [Step]

    public init(_ steps: [Step] = []) {
        self.steps = steps
    }

    public func member(_ key: String, _ index: Int) -> PatternPath { PatternPath(steps + [.member(key, index: index)]) }
    public func element(_ index: Int) -> PatternPath { PatternPath(steps + [.element(index)]) }

    /// `detail.object.key[0].prefix`; the root is `(root)`.
    public var description: String {
        var text = ""
        for step in steps {
            switch step {
            case .member(let key, _): text += text.isEmpty ? key : "." + key
            case .element(let index): text += "[\(index)]"
            }
        }
        return text.isEmpty ? "(root)" : text
    }

    /// The dotted field name of an event path, without array positions, as EventBridge flattens it.
    public var fieldName: String {
        steps.compactMap { step in
            if case .member(let key, _) = step { return key }
            return nil
        }.joined(separator: ".")
    }
}
