import TriggerModel

/// Whether an event matches a pattern, and when it does not, why: one line per failing field.
public enum MatchOutcome: Sendable, Hashable {
    case match
    case noMatch(reasons: [String])
}

/// Matches events against a valid pattern offline, with EventBridge's semantics (aws-facts §1.6):
/// every pattern field must match (AND) and any value of its list may (OR); a field missing from the pattern
/// is ignored; an event array matches when any element does, and the fields of one nested pattern object must
/// all come from the same array element; exact values compare by type and text (`300` is not `300.0`, `"5"` is
/// not `5`), `numeric` by value; `prefix`, `suffix`, `wildcard`, `equals-ignore-case` and `cidr` apply to
/// strings only; `exists: true` matches leaves only, `exists: false` a missing field or an object.
/// Strings are compared by Unicode scalars, not by Swift's canonical equivalence: EventBridge does no
/// normalization. Recursion follows the pattern's depth, which the readers bound.
public struct PatternMatcher: Sendable {
    public init() {}

    public func match(_ pattern: JSONValue, event: JSONValue) -> MatchOutcome {
        guard case .object(let members) = pattern else { return .noMatch(reasons: ["the pattern is not an object"]) }
        let reasons = matchObject(members, event, at: PatternPath())
        return reasons.isEmpty ? .match : .noMatch(reasons: reasons)
    }

    /// The reasons `event` fails the pattern object; empty when it matches.
    func matchObject(_ members: [(String, JSONValue)], _ event: JSONValue?, at path: PatternPath) -> [String] {
        var reasons: [String] = []
        for (index, (key, patternValue)) in members.enumerated() {
            if key == "$or", case .array(let branches) = patternValue {
                var branchReasons: [String] = []
                var matched = false
                for (number, branch) in branches.enumerated() {
                    guard case .object(let branchMembers) = branch else { continue }
                    let found = matchObject(branchMembers, event, at: path)
                    if found.isEmpty {
                        matched = true
                        break
                    }
                    branchReasons.append("branch \(number + 1): " + found.joined(separator: "; "))
                }
                if !matched {
                    let location = path.steps.isEmpty ? "$or" : "\(path).$or"
                    reasons.append("\(location): no branch matches (" + branchReasons.joined(separator: " | ") + ")")
                }
                continue
            }
            let fieldPath = path.member(key, index)
            let child = event?[key]
            switch patternValue {
            case .object(let nested):
                reasons += matchNested(nested, child, at: fieldPath)
            case .array(let items):
                if let reason = matchLeaf(items, child, at: fieldPath) { reasons.append(reason) }
            default:
                reasons.append("\(fieldPath): the pattern value is not a list")
            }
        }
        return reasons
    }

    /// A nested pattern object against an event value: an array must have one element satisfying all of it.
    func matchNested(_ members: [(String, JSONValue)], _ value: JSONValue?, at path: PatternPath) -> [String] {
        guard case .array(let elements) = value else { return matchObject(members, value, at: path) }
        let flattened = Self.flatten(elements)
        var first: [String]?
        for element in flattened {
            let found = matchObject(members, element, at: path)
            if found.isEmpty { return [] }
            if first == nil { first = found }
        }
        guard let first else { return matchObject(members, nil, at: path) }
        if flattened.count == 1 { return first }
        return [
            "\(path): no element of the list matches all of the nested fields; the first fails on "
                + first.joined(separator: "; ")
        ]
    }

    static func flatten(_ elements: [JSONValue]) -> [JSONValue] {
        var result: [JSONValue] = []
        var stack = Array(elements.reversed())
        while let element = stack.popLast() {
            if case .array(let inner) = element {
                stack.append(contentsOf: inner.reversed())
            } else {
                result.append(element)
            }
        }
        return result
    }

    /// What the event holds at a leaf of the pattern.
    enum Leaf {
        case missing
        case object
        case values([JSONValue])
    }

    static func leaf(_ value: JSONValue?) -> Leaf {
        switch value {
        case nil: return .missing
        case .object?: return .object
        case .array(let elements)?:
            let scalars = flatten(elements).filter { if case .object = $0 { false } else { true } }
            if scalars.isEmpty { return flatten(elements).isEmpty ? .missing : .object }
            return .values(scalars)
        case let scalar?: return .values([scalar])
        }
    }

    /// `nil` when any item of the leaf list matches; otherwise the reason.
    func matchLeaf(_ items: [JSONValue], _ value: JSONValue?, at path: PatternPath) -> String? {
        let leaf = Self.leaf(value)
        for item in items where Self.matches(item, leaf) { return nil }
        let phrases = items.map(Self.phrase)
        switch leaf {
        case .missing:
            return "\(path): missing from the event (the pattern wants a value that " + phrases.map(\.positive).joined(separator: " or ") + ")"
        case .object:
            return "\(path): is an object, not a value (the pattern wants a value that "
                + phrases.map(\.positive).joined(separator: " or ") + ")"
        case .values(let values):
            let subject = values.count == 1 ? JSONWriter.compact(values[0]) : "no element of " + JSONWriter.compact(.array(values))
            if values.count == 1, phrases.count == 1 { return "\(path): \(subject) \(phrases[0].negative)" }
            if values.count == 1 {
                return "\(path): \(subject) matches none of: " + phrases.map(\.positive).joined(separator: ", ")
            }
            return "\(path): \(subject) " + phrases.map(\.positive).joined(separator: " or ")
        }
    }

    // MARK: - One pattern item

    static func matches(_ item: JSONValue, _ leaf: Leaf) -> Bool {
        if case .object(let members) = item, members.count == 1, members[0].0 == "exists", case .bool(let wanted) = members[0].1 {
            if case .values = leaf { return wanted }
            return !wanted
        }
        guard case .values(let values) = leaf else { return false }
        return values.contains { matches(item, value: $0) }
    }

    static func matches(_ item: JSONValue, value: JSONValue) -> Bool {
        guard case .object(let members) = item else { return exactlyEqual(item, value) }
        guard members.count == 1, let (name, operand) = members.first else { return false }
        switch name {
        case "prefix": return affix(operand, value, isPrefix: true)
        case "suffix": return affix(operand, value, isPrefix: false)
        case "equals-ignore-case":
            guard case .string(let wanted) = operand, case .string(let text) = value else { return false }
            return scalars(text.lowercased()) == scalars(wanted.lowercased())
        case "wildcard":
            guard case .string(let wanted) = operand, case .string(let text) = value,
                case .success(let wildcard) = Wildcard.parse(wanted)
            else { return false }
            return wildcard.matches(text)
        case "anything-but": return anythingBut(operand, value)
        case "numeric": return numeric(operand, value)
        case "cidr":
            guard case .string(let block) = operand, case .string(let text) = value,
                case .success(let cidr) = CIDRBlock.parse(block), let address = IPAddress.parse(text)
            else { return false }
            return cidr.contains(address)
        default: return false
        }
    }

    static func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    /// Exact matching: same type and the same text (EventBridge compares numbers by their string form here).
    static func exactlyEqual(_ pattern: JSONValue, _ value: JSONValue) -> Bool {
        switch (pattern, value) {
        case (.string(let a), .string(let b)): scalars(a) == scalars(b)
        case (.number(let a), .number(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        default: false
        }
    }

    static func affix(_ operand: JSONValue, _ value: JSONValue, isPrefix: Bool) -> Bool {
        guard case .string(let text) = value else { return false }
        var wanted: String
        var haystack = text
        switch operand {
        case .string(let plain): wanted = plain
        case .object(let members) where members.count == 1 && members[0].0 == "equals-ignore-case":
            guard case .string(let folded) = members[0].1 else { return false }
            wanted = folded.lowercased()
            haystack = text.lowercased()
        default: return false
        }
        let a = scalars(haystack)
        let b = scalars(wanted)
        return isPrefix ? a.starts(with: b) : a.count >= b.count && a.suffix(b.count).elementsEqual(b)
    }

    /// `anything-but`: a present value that none of the excluded values (or inner operator values) match.
    /// Excluded numbers compare by value, as Ruler's numeric anything-but does; inner operators need strings.
    static func anythingBut(_ operand: JSONValue, _ value: JSONValue) -> Bool {
        switch operand {
        case .string, .number: return !excluded(operand, value)
        case .array(let items): return !items.contains { excluded($0, value) }
        case .object(let members):
            guard members.count == 1, let (inner, operands) = members.first, case .string = value else { return false }
            let list: [JSONValue]
            if case .array(let items) = operands { list = items } else { list = [operands] }
            return !list.contains { matches(.object([(inner, $0)]), value: value) }
        default: return false
        }
    }

    static func excluded(_ item: JSONValue, _ value: JSONValue) -> Bool {
        if case .number(let a) = item, case .number(let b) = value,
            let x = NumberText(text: a).double, let y = NumberText(text: b).double
        {
            return x == y
        }
        return exactlyEqual(item, value)
    }

    static func numeric(_ operand: JSONValue, _ value: JSONValue) -> Bool {
        guard case .array(let items) = operand, case .number(let text) = value, let number = NumberText(text: text).double,
            items.count % 2 == 0
        else { return false }
        var index = 0
        while index + 1 < items.count {
            guard case .string(let op) = items[index], case .number(let boundText) = items[index + 1],
                let bound = NumberText(text: boundText).double
            else { return false }
            let holds =
                switch op {
                case "=": number == bound
                case "<": number < bound
                case "<=": number <= bound
                case ">": number > bound
                case ">=": number >= bound
                default: false
                }
            if !holds { return false }
            index += 2
        }
        return true
    }

    // MARK: - Words for reasons

    struct Phrase {
        let positive: String
        let negative: String
    }

    static func phrase(_ item: JSONValue) -> Phrase {
        guard case .object(let members) = item, members.count == 1, let (name, operand) = members.first else {
            let text = JSONWriter.compact(item)
            return Phrase(positive: "is \(text)", negative: "is not \(text)")
        }
        let text = JSONWriter.compact(operand)
        switch name {
        case "prefix", "suffix":
            let verb = name == "prefix" ? "start" : "end"
            if case .object(let inner) = operand, let folded = inner.first?.1 {
                let shown = JSONWriter.compact(folded)
                return Phrase(
                    positive: "\(verb)s with \(shown) ignoring case",
                    negative: "does not \(verb) with \(shown) ignoring case")
            }
            return Phrase(positive: "\(verb)s with \(text)", negative: "does not \(verb) with \(text)")
        case "equals-ignore-case":
            return Phrase(positive: "equals \(text) ignoring case", negative: "does not equal \(text) ignoring case")
        case "wildcard":
            return Phrase(positive: "matches the wildcard \(text)", negative: "does not match the wildcard \(text)")
        case "anything-but":
            return Phrase(positive: "is anything but \(text)", negative: "is excluded by anything-but \(text)")
        case "numeric":
            var bounds: [String] = []
            if case .array(let items) = operand {
                var index = 0
                while index + 1 < items.count {
                    if case .string(let op) = items[index] { bounds.append("\(op) \(JSONWriter.compact(items[index + 1]))") }
                    index += 2
                }
            }
            let range = bounds.joined(separator: " and ")
            return Phrase(positive: "is a number \(range)", negative: "is not a number \(range)")
        case "exists":
            return operand == .bool(false)
                ? Phrase(positive: "does not exist", negative: "exists")
                : Phrase(positive: "exists", negative: "is missing")
        case "cidr":
            return Phrase(positive: "is an IP address in \(text)", negative: "is not an IP address in \(text)")
        default:
            return Phrase(positive: "matches \(JSONWriter.compact(item))", negative: "does not match \(JSONWriter.compact(item))")
        }
    }
}
