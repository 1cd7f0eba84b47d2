import Diagnostics

/// Builds the node tree from the event stream with an explicit stack (so nesting depth never becomes call
/// depth), expands aliases, applies `<<` merges, and enforces the limits while reading.
struct YAMLTreeBuilder {
    /// A finished node with what the limits need to know about it, kept so an alias costs no tree walk.
    private struct Measured {
        let node: YAMLNode
        /// Nodes in the subtree with aliases expanded.
        let size: Int
        /// Collection levels in the subtree: 0 for a scalar, 1 for a flat list.
        let height: Int
    }

    /// A collection whose end event has not come yet.
    private struct Frame {
        let isMapping: Bool
        let isFlow: Bool
        let startRange: SourceRange
        let tag: String?
        let anchor: String?
        /// The node count before this collection, so its expanded size is a subtraction at the end.
        let countBefore: Int
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        var childHeight = 0
        /// Where the last child was written (for an alias, the alias itself, not the node it refers to).
        var contentEnd: SourceLocation?
    }

    private let file: String
    private let limits: YAMLLimits
    private var stack: [Frame] = []
    private var anchors: [String: Measured] = [:]
    private var nodeCount = 0
    private var documentCount = 0
    private var root: YAMLNode?
    private var stopped = false
    private var finished = false
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
    }

    /// Whether the reader should feed another event.
    var wantsMoreEvents: Bool { !stopped && !finished }

    /// The root when the stream held exactly one document and reading was not cut short.
    var result: YAMLReadResult {
        YAMLReadResult(root: stopped || documentCount != 1 ? nil : root, diagnostics: diagnostics.sorted())
    }

    /// Records an error that ends reading, such as one from libyaml.
    mutating func stop(with diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        stopped = true
    }

    mutating func consume(_ event: YAMLEvent) {
        guard wantsMoreEvents else { return }
        switch event {
        case .streamStart, .documentEnd:
            break
        case .streamEnd:
            finished = true
            if documentCount == 0 {
                error(.documentCount, "the file holds no yaml document", at: .fileStart(file))
            }
        case .documentStart(let range):
            documentCount += 1
            if documentCount > 1 {
                stop(
                    with: Self.error(
                        .documentCount, "the file holds more than one yaml document; a manifest is exactly one",
                        at: range))
            }
        case .scalar(let value, let style, let tag, let anchor, let range):
            guard count(1, at: range, alias: nil) else { return }
            let node = YAMLNode(kind: .scalar(value, style), range: range, tag: tag, anchor: anchor)
            finish(Measured(node: node, size: 1, height: 0), writtenEnd: range.end, defines: anchor)
        case .alias(let name, let range):
            alias(name, at: range)
        case .sequenceStart(let tag, let anchor, let isFlow, let range):
            open(isMapping: false, isFlow: isFlow, tag: tag, anchor: anchor, range: range)
        case .mappingStart(let tag, let anchor, let isFlow, let range):
            open(isMapping: true, isFlow: isFlow, tag: tag, anchor: anchor, range: range)
        case .sequenceEnd(let range), .mappingEnd(let range):
            close(endRange: range)
        }
    }

    private mutating func alias(_ name: String, at range: SourceRange) {
        guard let target = anchors[name] else {
            let message =
                stack.contains(where: { $0.anchor == name })
                ? "alias *\(name) refers to a node that contains it"
                : "undefined alias *\(name); no node before it has the anchor &\(name)"
            error(.undefinedAlias, message, at: range)
            // An empty stand-in keeps the surrounding structure intact so later problems are still found.
            guard count(1, at: range, alias: nil) else { return }
            let node = YAMLNode(kind: .scalar("", .plain), range: range)
            finish(Measured(node: node, size: 1, height: 0), writtenEnd: range.end, defines: nil)
            return
        }
        if stack.count + target.height > limits.maxDepth {
            stop(
                with: Self.error(
                    .nestingTooDeep,
                    "alias *\(name) nests collections more than \(limits.maxDepth) levels deep; "
                        + "the limit is \(limits.maxDepth)",
                    at: range))
            return
        }
        guard count(target.size, at: range, alias: name) else { return }
        finish(target, writtenEnd: range.end, defines: nil)
    }

    private mutating func open(isMapping: Bool, isFlow: Bool, tag: String?, anchor: String?, range: SourceRange) {
        if stack.count + 1 > limits.maxDepth {
            stop(
                with: Self.error(
                    .nestingTooDeep,
                    "collections are nested more than \(limits.maxDepth) levels deep; "
                        + "the limit is \(limits.maxDepth)",
                    at: range))
            return
        }
        let countBefore = nodeCount
        guard count(1, at: range, alias: nil) else { return }
        stack.append(
            Frame(
                isMapping: isMapping, isFlow: isFlow, startRange: range, tag: tag, anchor: anchor,
                countBefore: countBefore))
    }

    private mutating func close(endRange: SourceRange) {
        guard let frame = stack.popLast() else { return }
        // A block collection's end event sits at the next token, after any blank lines and comments, so
        // the collection ends where its last child was written instead.
        let end = frame.isFlow ? endRange.end : (frame.contentEnd ?? endRange.end)
        let range = SourceRange(file: file, start: frame.startRange.start, end: end)
        let kind: YAMLNode.Kind = frame.isMapping ? .mapping(resolvePairs(frame.pairs)) : .sequence(frame.items)
        let node = YAMLNode(kind: kind, range: range, tag: frame.tag, anchor: frame.anchor)
        finish(
            Measured(node: node, size: nodeCount - frame.countBefore, height: frame.childHeight + 1),
            writtenEnd: end, defines: frame.anchor)
    }

    /// Adds `amount` expanded nodes to the count; false (and reading stops) once the limit is exceeded.
    private mutating func count(_ amount: Int, at range: SourceRange, alias: String?) -> Bool {
        nodeCount += amount
        guard nodeCount > limits.maxNodes else { return true }
        let message =
            if let alias {
                "alias *\(alias) repeats \(amount) nodes, which takes the document over the limit of "
                    + "\(limits.maxNodes) nodes"
            } else {
                "the document has more than \(limits.maxNodes) nodes (an alias counts every node it repeats); "
                    + "the limit is \(limits.maxNodes)"
            }
        stop(with: Self.error(.tooManyNodes, message, at: range))
        return false
    }

    private mutating func finish(_ measured: Measured, writtenEnd: SourceLocation, defines anchor: String?) {
        if let anchor { anchors[anchor] = measured }
        guard !stack.isEmpty else {
            root = measured.node
            return
        }
        let top = stack.count - 1
        stack[top].childHeight = max(stack[top].childHeight, measured.height)
        stack[top].contentEnd = writtenEnd
        if !stack[top].isMapping {
            stack[top].items.append(measured.node)
        } else if let key = stack[top].pendingKey {
            stack[top].pairs.append(YAMLPair(key: key, value: measured.node))
            stack[top].pendingKey = nil
        } else {
            stack[top].pendingKey = measured.node
        }
    }

    /// The mapping's pairs with duplicates reported and dropped and `<<` merges applied: merged pairs go
    /// where the `<<` key was, unless the mapping writes the key itself or an earlier merge supplied it.
    private mutating func resolvePairs(_ written: [YAMLPair]) -> [YAMLPair] {
        if written.count <= 16, Self.hasDistinctScalarKeys(written) { return written }
        enum Entry {
            case pair(YAMLPair)
            case merge([[YAMLPair]])
        }
        var firstKeys: [YAMLKeyShape: YAMLNode] = [:]
        var entries: [Entry] = []
        var present: Set<YAMLKeyShape> = []
        var explicitPairs: [YAMLPair] = []
        var hasMerge = false
        for pair in written {
            let shape = YAMLKeyShape(pair.key)
            if let first = firstKeys[shape] {
                duplicate(pair.key, first: first)
                continue
            }
            firstKeys[shape] = pair.key
            if pair.key.isMergeKey {
                hasMerge = true
                if let sources = mergeSources(pair.value) { entries.append(.merge(sources)) }
            } else {
                present.insert(shape)
                explicitPairs.append(pair)
                entries.append(.pair(pair))
            }
        }
        guard hasMerge else { return explicitPairs }
        var pairs: [YAMLPair] = []
        for entry in entries {
            switch entry {
            case .pair(let pair):
                pairs.append(pair)
            case .merge(let sources):
                for source in sources {
                    for pair in source where present.insert(YAMLKeyShape(pair.key)).inserted {
                        pairs.append(pair)
                    }
                }
            }
        }
        return pairs
    }

    /// Whether every key is a scalar other than `<<` and no two have the same text: the common mapping, which
    /// needs neither merging nor a duplicate report. Comparing a few texts costs less than hashing key shapes.
    private static func hasDistinctScalarKeys(_ pairs: [YAMLPair]) -> Bool {
        var texts: [String] = []
        texts.reserveCapacity(pairs.count)
        for pair in pairs {
            guard case .scalar(let text, _) = pair.key.kind, !pair.key.isMergeKey, !texts.contains(text) else { return false }
            texts.append(text)
        }
        return true
    }

    /// The pair lists a `<<` value merges in, or nil (with a diagnostic) when it is not a mapping or a list
    /// of mappings.
    private mutating func mergeSources(_ value: YAMLNode) -> [[YAMLPair]]? {
        switch value.kind {
        case .mapping(let pairs):
            return [pairs]
        case .sequence(let items):
            var sources: [[YAMLPair]] = []
            var valid = true
            for item in items {
                if let pairs = item.pairs {
                    sources.append(pairs)
                } else {
                    valid = false
                    error(
                        .invalidMergeKey,
                        "a list merged with \"<<\" may hold only mappings, not \(item.kindName)",
                        at: item.range)
                }
            }
            return valid ? sources : nil
        case .scalar:
            error(
                .invalidMergeKey,
                "the value of a \"<<\" merge key must be a mapping or a list of mappings, not \(value.kindName)",
                at: value.range)
            return nil
        }
    }

    private mutating func duplicate(_ key: YAMLNode, first: YAMLNode) {
        let name = key.scalar.map { "\"\($0)\"" } ?? "(\(key.kindName))"
        diagnostics.append(
            Diagnostic(
                code: .duplicateKey, severity: .error, message: "duplicate key \(name) in this mapping",
                range: key.range, notes: [Note("first defined here", at: first.range)]))
    }

    private mutating func error(_ code: DiagnosticCode, _ message: String, at range: SourceRange) {
        diagnostics.append(Self.error(code, message, at: range))
    }

    private static func error(_ code: DiagnosticCode, _ message: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: code, severity: .error, message: message, range: range)
    }
}
