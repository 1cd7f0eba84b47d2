import Diagnostics
import EventPattern
import TriggerModel
import YAMLSource

/// One pattern of a trigger as the pattern rules see it: the event pattern, each `filterCriteria` filter, or
/// the SNS filter policy, with its YAML node so that every problem is reported at the node it is about.
struct PatternSubject {
    let parameter: String
    /// The pattern with `${syslevel}` resolved; pseudo parameters stay as `${AWS::Region}` text, which is
    /// what the grammar checks need (CloudFormation's `Fn::Sub` would put a string there).
    let json: JSONValue
    let node: YAMLNode
    let dialect: PatternDialect

    /// Every pattern a trigger holds, in the order the rules report them.
    static func all(in trigger: ResolvedTrigger) -> [PatternSubject] {
        var subjects: [PatternSubject] = []
        if let parameter = trigger.parameters["eventPattern"], let node = parameter.node {
            subjects.append(
                PatternSubject(
                    parameter: "eventPattern", json: literalJSON(node, trigger.syslevel, resolved: parameter.json), node: node,
                    dialect: .eventBridge))
        }
        if let parameter = trigger.parameters["filterCriteria"], let node = parameter.node {
            // A list of filters resolves to an array of as many values.
            let resolved: [JSONValue] = if node.items != nil, case .array(let items) = parameter.json { items } else { [parameter.json] }
            for (item, json) in zip(node.items ?? [node], resolved) {
                subjects.append(
                    PatternSubject(
                        parameter: "filterCriteria", json: literalJSON(item, trigger.syslevel, resolved: json),
                        node: item, dialect: .lambdaFilter))
            }
        }
        if let parameter = trigger.parameters["filterPolicy"], let node = parameter.node {
            subjects.append(
                PatternSubject(
                    parameter: "filterPolicy", json: literalJSON(node, trigger.syslevel, resolved: parameter.json), node: node,
                    dialect: .snsFilterPolicy))
        }
        return subjects
    }

    /// `literalJSON(node, syslevel)`, given what the resolver made of the same node: the two differ only where the
    /// resolver turned a scalar into `Fn::Sub`, so without any `Fn::Sub` the resolver's value is the answer and
    /// the tree need not be built again.
    static func literalJSON(_ node: YAMLNode, _ syslevel: Syslevel, resolved: JSONValue) -> JSONValue {
        containsSubstitution(resolved) ? literalJSON(node, syslevel) : resolved
    }

    static func containsSubstitution(_ value: JSONValue) -> Bool {
        switch value {
        case .array(let items): items.contains(where: containsSubstitution)
        case .object(let members): members.contains { $0.0 == "Fn::Sub" || containsSubstitution($0.1) }
        default: false
        }
    }

    /// The YAML as JSON, typed as the resolver types it, with strings kept as text.
    static func literalJSON(_ node: YAMLNode, _ syslevel: Syslevel) -> JSONValue {
        switch node.kind {
        case .scalar(let text, _):
            let typed = Resolver.json(node, syslevel: syslevel)
            if case .object = typed { return .string(InterpolatedString.parse(text).0.resolving(syslevel: syslevel).displayText) }
            return typed
        case .sequence(let items):
            return .array(items.map { literalJSON($0, syslevel) })
        case .mapping(let pairs):
            return .object(
                pairs.map { pair in
                    let key = pair.key.scalar ?? ""
                    return (InterpolatedString.parse(key).0.resolving(syslevel: syslevel).literalValue ?? key, literalJSON(pair.value, syslevel))
                })
        }
    }

    func problems() -> [PatternProblem] { PatternValidator(dialect: dialect).validate(json) }

    /// The node a path leads to (its key when the problem is with a key); the deepest node reached when the
    /// YAML and the path part ways.
    func node(at path: PatternPath, onKey: Bool) -> YAMLNode {
        var current = node
        for (index, step) in path.steps.enumerated() {
            switch step {
            case .member(_, let position):
                guard let pairs = current.pairs, position < pairs.count else { return current }
                if onKey, index == path.steps.count - 1 { return pairs[position].key }
                current = pairs[position].value
            case .element(let position):
                guard let items = current.items, position < items.count else { return current }
                current = items[position]
            }
        }
        return current
    }

    /// Where a problem is: the node, or the characters inside a one-line scalar when the problem names them
    /// and the scalar's text is the value unchanged (no escapes, no `${...}`).
    func range(of problem: PatternProblem) -> SourceRange {
        let target = node(at: problem.path, onKey: problem.onKey)
        guard let offsets = problem.offsets, case .scalar(let text, let style) = target.kind,
            InterpolatedString.parse(text).0.literalValue == text
        else { return target.range }
        return Self.subrange(of: target, text: text, style: style, offsets: offsets)
    }

    /// The decoder's rule: for a single-line plain or quoted scalar whose width is its text (plus quotes),
    /// column = scalar start + quote + offset.
    static func subrange(of node: YAMLNode, text: String, style: ScalarStyle, offsets: Range<Int>) -> SourceRange {
        let range = node.range
        let quote = style.isQuoted ? 1 : 0
        guard range.start.line == range.end.line, style == .plain || style.isQuoted,
            range.end.column - range.start.column == text.unicodeScalars.count + 2 * quote
        else { return range }
        let start = range.start.column + quote
        return SourceRange(
            file: range.file, start: SourceLocation(line: range.start.line, column: start + offsets.lowerBound),
            end: SourceLocation(line: range.start.line, column: start + offsets.upperBound))
    }
}
