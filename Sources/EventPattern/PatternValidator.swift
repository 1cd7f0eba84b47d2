import TriggerModel

/// Checks a pattern against EventBridge's grammar (aws/event-ruler's `JsonRuleCompiler`, the EventBridge user
/// guide) and the differences of a dialect. Collects every problem; never stops at the first. Recursion is
/// bounded by the depth of the input, which the YAML reader and `JSONParser` both limit to 256.
public struct PatternValidator: Sendable {
    public let dialect: PatternDialect

    /// The operators a match expression may use.
    public static let operators = [
        "prefix", "suffix", "equals-ignore-case", "wildcard", "anything-but", "numeric",
        "exists", "cidr",
    ]
    /// The operators allowed inside `anything-but` (Ruler's `JsonRuleCompiler` switch).
    public static let anythingButOperators = ["prefix", "suffix", "equals-ignore-case", "wildcard"]
    /// Field names Ruler refuses inside an `$or` branch (`Constants.RESERVED_FIELD_NAMES_IN_OR_RELATIONSHIP`).
    public static let reservedInOr: Set<String> = [
        "exactly", "equals-ignore-case", "prefix", "suffix", "anything-but", "exists", "wildcard", "numeric", "cidr",
        "=", "<", "<=", ">", ">=", "regex", "not-wildcard", "not-equals-ignore-case", "date-after",
        "date-on-or-after", "date-before", "date-on-or-before", "in-date-range", "ip-address-in-range",
        "ip-address-not-in-range",
    ]
    /// EventBridge's limit on `$or` rule combinations (EB-UG content-based filtering).
    public static let maxOrCombinations = 1000
    /// SNS filter-policy limits (SNS developer guide, "Filter policy constraints").
    public static let snsMaxKeys = 5
    public static let snsMaxCombinations = 150

    public init(dialect: PatternDialect = .eventBridge) {
        self.dialect = dialect
    }

    public func validate(_ pattern: JSONValue) -> [PatternProblem] {
        var problems: [PatternProblem] = []
        guard case .object(let members) = pattern else {
            problems.append(
                PatternProblem(
                    .structure, "the pattern must be an object, found \(Self.kindName(pattern))",
                    at: PatternPath()))
            return problems
        }
        checkObject(members, at: PatternPath(), inOrBranch: false, into: &problems)
        if dialect == .snsFilterPolicy {
            checkSNSLimits(pattern, into: &problems)
        } else if let (path, count) = firstOrOverLimit(pattern) {
            problems.append(
                PatternProblem(
                    .or, "the `$or` combinations multiply to \(count) rules, more than EventBridge's \(Self.maxOrCombinations)",
                    at: path, onKey: true, help: "split the pattern into several rules"))
        }
        return problems
    }

    /// A short name of a value's kind for messages.
    public static func kindName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .number(let text): "the number \(text)"
        case .string(let text): "the string \"\(text)\""
        case .array: "a list"
        case .object: "an object"
        }
    }

    // MARK: - Objects and leaves

    func checkObject(
        _ members: [(String, JSONValue)], at path: PatternPath, inOrBranch: Bool,
        into problems: inout [PatternProblem]
    ) {
        if members.isEmpty {
            problems.append(PatternProblem(.structure, "empty objects are not allowed", at: path))
            return
        }
        for (index, (key, value)) in members.enumerated() {
            let memberPath = path.member(key, index)
            if key == "$or" {
                checkOr(value, at: memberPath, into: &problems)
                continue
            }
            if inOrBranch, Self.reservedInOr.contains(key) {
                problems.append(
                    PatternProblem(
                        .or, "`\(key)` is a reserved word and cannot be a field name inside `$or`", at: memberPath, onKey: true))
            }
            switch value {
            case .object(let children):
                if dialect == .snsFilterPolicy {
                    problems.append(
                        PatternProblem(
                            .snsFilterPolicy, "a filter policy on message attributes cannot nest keys; `\(key)` holds an object",
                            at: memberPath, help: "message attributes are flat: give each attribute a list of values"))
                }
                checkObject(children, at: memberPath, inOrBranch: false, into: &problems)
            case .array(let items):
                checkLeaf(items, at: memberPath, into: &problems)
            default:
                problems.append(
                    PatternProblem(
                        .structure, "`\(key)` must be an object or a list of values, found \(Self.kindName(value))",
                        at: memberPath, help: "put the value in a list: [\(JSONWriter.compact(value))]"))
            }
        }
    }

    func checkLeaf(_ items: [JSONValue], at path: PatternPath, into problems: inout [PatternProblem]) {
        if items.isEmpty {
            problems.append(PatternProblem(.structure, "empty lists are not allowed: the field could never match", at: path))
            return
        }
        for (index, item) in items.enumerated() {
            let itemPath = path.element(index)
            switch item {
            case .null, .bool, .number, .string: continue
            case .array:
                problems.append(
                    PatternProblem(
                        .structure, "a match value must be a string, number, true, false, null or an operator object, found a list",
                        at: itemPath))
            case .object(let members):
                checkMatchExpression(members, at: itemPath, into: &problems)
            }
        }
    }

    // MARK: - Match expressions

    func checkMatchExpression(_ members: [(String, JSONValue)], at path: PatternPath, into problems: inout [PatternProblem]) {
        guard members.count == 1, let (name, operand) = members.first else {
            let message =
                members.isEmpty
                ? "empty objects are not allowed"
                : "a match expression holds exactly one operator, found \(members.count): "
                    + members.map { "`\($0.0)`" }.joined(separator: ", ")
            problems.append(
                PatternProblem(
                    .matchOperator, message, at: path,
                    help: members.count > 1 ? "give each operator its own object in the list" : nil))
            return
        }
        let operandPath = path.member(name, 0)
        switch name {
        case "prefix", "suffix":
            checkAffix(name, operand, at: operandPath, into: &problems)
        case "equals-ignore-case":
            requireString(name, operand, at: operandPath, into: &problems)
        case "wildcard":
            if dialect == .snsFilterPolicy {
                problems.append(
                    PatternProblem(
                        .snsFilterPolicy, "SNS filter policies do not support `wildcard`", at: operandPath, onKey: true,
                        help: "use `prefix` or `suffix`"))
            }
            if case .string(let text) = operand {
                checkWildcard(text, at: operandPath, into: &problems)
            } else {
                requireString(name, operand, at: operandPath, into: &problems)
            }
        case "anything-but":
            checkAnythingBut(operand, at: operandPath, into: &problems)
        case "numeric":
            checkNumeric(operand, at: operandPath, into: &problems)
        case "exists":
            if case .bool = operand { break }
            problems.append(
                PatternProblem(
                    .matchOperator, "`exists` takes true or false, found \(Self.kindName(operand))", at: operandPath))
        case "cidr":
            if case .string(let text) = operand {
                if case .failure(let problem) = CIDRBlock.parse(text) {
                    problems.append(PatternProblem(.cidr, problem.message, at: operandPath, help: problem.help))
                }
            } else {
                requireString(name, operand, at: operandPath, into: &problems)
            }
        case "exactly":
            problems.append(
                PatternProblem(
                    .matchOperator, "`exactly` is not an EventBridge operator (only Ruler knows it)", at: operandPath,
                    onKey: true, help: "put the value itself in the list"))
        case "$or":
            problems.append(
                PatternProblem(
                    .matchOperator, "`$or` is a key of an object, not an operator inside a value list", at: operandPath,
                    onKey: true, help: "write `$or: [{...}, {...}]` beside the fields it combines"))
        default:
            let suggestion = Suggestion.closest(to: name, in: Self.operators)
            problems.append(
                PatternProblem(
                    .matchOperator, "unknown operator `\(name)`", at: operandPath, onKey: true,
                    help: suggestion.map { "did you mean `\($0)`?" } ?? "the operators are " + Self.operators.joined(separator: ", ")))
        }
    }

    func requireString(_ name: String, _ operand: JSONValue, at path: PatternPath, into problems: inout [PatternProblem]) {
        if case .string = operand { return }
        problems.append(PatternProblem(.matchOperator, "`\(name)` takes a string, found \(Self.kindName(operand))", at: path))
    }

    /// `prefix`/`suffix`: a string, or `{"equals-ignore-case": string}`.
    func checkAffix(_ name: String, _ operand: JSONValue, at path: PatternPath, into problems: inout [PatternProblem]) {
        switch operand {
        case .string: return
        case .object(let members) where members.count == 1 && members[0].0 == "equals-ignore-case":
            requireString("equals-ignore-case", members[0].1, at: path.member("equals-ignore-case", 0), into: &problems)
        default:
            problems.append(
                PatternProblem(
                    .matchOperator, "`\(name)` takes a string or {\"equals-ignore-case\": string}, found \(Self.kindName(operand))",
                    at: path))
        }
    }

    func checkWildcard(_ text: String, at path: PatternPath, into problems: inout [PatternProblem]) {
        if case .failure(let problem) = Wildcard.parse(text) {
            problems.append(PatternProblem(.wildcard, problem.message, at: path, offsets: problem.offsets))
        }
    }

    func checkAnythingBut(_ operand: JSONValue, at path: PatternPath, into problems: inout [PatternProblem]) {
        switch operand {
        case .string: return
        case .number(let text): checkNumberRange(text, at: path, into: &problems)
        case .array(let items):
            let strings = items.allSatisfy { if case .string = $0 { true } else { false } }
            let numbers = items.allSatisfy { if case .number = $0 { true } else { false } }
            if items.isEmpty || !(strings || numbers) {
                problems.append(
                    PatternProblem(
                        .matchOperator,
                        items.isEmpty
                            ? "an `anything-but` list must not be empty"
                            : "an `anything-but` list holds only strings or only numbers, not a mix or null, true, false or objects",
                        at: path))
                return
            }
            for (index, item) in items.enumerated() {
                if case .number(let text) = item { checkNumberRange(text, at: path.element(index), into: &problems) }
            }
        case .object(let members):
            guard members.count == 1, let (inner, value) = members.first else {
                problems.append(
                    PatternProblem(
                        .matchOperator, "`anything-but` takes one inner operator, found \(members.count)", at: path))
                return
            }
            let innerPath = path.member(inner, 0)
            guard Self.anythingButOperators.contains(inner) else {
                problems.append(
                    PatternProblem(
                        .matchOperator, "`\(inner)` is not allowed inside `anything-but`", at: innerPath, onKey: true,
                        help: "inside `anything-but` only " + Self.anythingButOperators.map { "`\($0)`" }.joined(separator: ", ")
                            + " are allowed"))
                return
            }
            if dialect == .snsFilterPolicy, inner != "prefix" {
                problems.append(
                    PatternProblem(
                        .snsFilterPolicy, "SNS filter policies document only `prefix` inside `anything-but`, not `\(inner)`",
                        at: innerPath, onKey: true))
            }
            let values: [(JSONValue, PatternPath)]
            if case .array(let items) = value {
                if items.isEmpty {
                    problems.append(PatternProblem(.matchOperator, "the `\(inner)` list must not be empty", at: innerPath))
                    return
                }
                problems.append(
                    PatternProblem(
                        .anythingButList,
                        "`anything-but` with a list of `\(inner)` values is documented by Ruler but not by the EventBridge user guide",
                        at: innerPath, help: "check it with `aws events test-event-pattern` before relying on it"))
                values = items.enumerated().map { ($1, innerPath.element($0)) }
            } else {
                values = [(value, innerPath)]
            }
            for (item, itemPath) in values {
                guard case .string(let text) = item else {
                    problems.append(
                        PatternProblem(
                            .matchOperator, "`\(inner)` inside `anything-but` takes strings, found \(Self.kindName(item))", at: itemPath))
                    continue
                }
                if text.isEmpty, inner == "prefix" || inner == "suffix" {
                    problems.append(PatternProblem(.matchOperator, "an empty \(inner) is not allowed inside `anything-but`", at: itemPath))
                }
                if inner == "wildcard" { checkWildcard(text, at: itemPath, into: &problems) }
            }
        default:
            problems.append(
                PatternProblem(
                    .matchOperator,
                    "`anything-but` takes a string, a number, a list of either, or an operator object, found "
                        + Self.kindName(operand), at: path))
        }
    }

    // MARK: - numeric

    func checkNumeric(_ operand: JSONValue, at path: PatternPath, into problems: inout [PatternProblem]) {
        guard case .array(let items) = operand, !items.isEmpty else {
            problems.append(
                PatternProblem(
                    .numeric, "`numeric` takes a list such as [\">\", 0, \"<=\", 5], found \(Self.kindName(operand))", at: path))
            return
        }
        var bounds: [(String, Double)] = []
        var index = 0
        while index < items.count {
            let operatorPath = path.element(index)
            guard case .string(let op) = items[index], ["=", "<", "<=", ">", ">="].contains(op) else {
                problems.append(
                    PatternProblem(
                        .numeric, "expected a numeric operator (=, <, <=, >, >=), found \(Self.kindName(items[index]))",
                        at: operatorPath))
                return
            }
            if index == 2 {
                guard bounds.first.map({ $0.0 == ">" || $0.0 == ">=" }) == true else {
                    problems.append(
                        PatternProblem(
                            .numeric, "nothing may follow `\(bounds.first?.0 ?? "")` \(Self.numberText(items[1]))",
                            at: operatorPath, help: "write a range as [\">\", low, \"<\", high]"))
                    return
                }
                guard op == "<" || op == "<=" else {
                    problems.append(
                        PatternProblem(
                            .numeric, "the second operator of a range must be `<` or `<=`, found `\(op)`", at: operatorPath))
                    return
                }
            }
            if index >= 4 {
                problems.append(PatternProblem(.numeric, "too many elements in the numeric expression", at: operatorPath))
                return
            }
            guard index + 1 < items.count else {
                problems.append(PatternProblem(.numeric, "`\(op)` needs a number after it", at: operatorPath))
                return
            }
            let valuePath = path.element(index + 1)
            guard case .number(let text) = items[index + 1] else {
                problems.append(
                    PatternProblem(
                        .numeric, "the value of `\(op)` must be a number, found \(Self.kindName(items[index + 1]))", at: valuePath))
                return
            }
            guard let value = NumberText(text: text).double else {
                problems.append(PatternProblem(.numeric, "\(text) cannot be represented as a number", at: valuePath))
                return
            }
            checkNumberRange(text, at: valuePath, into: &problems)
            bounds.append((op, value))
            index += 2
        }
        if bounds.count == 2, bounds[0].1 >= bounds[1].1 {
            problems.append(
                PatternProblem(
                    .numeric, "the lower bound \(Self.numberText(items[1])) must be below the upper bound \(Self.numberText(items[3]))",
                    at: path, help: "no number lies in this range, so the field never matches"))
        }
    }

    static func numberText(_ value: JSONValue) -> String {
        if case .number(let text) = value { return text }
        return kindName(value)
    }

    /// EventBridge documents ±5.0e9 with six decimals (Ruler now takes any double: aws-facts §8.1, a warning);
    /// SNS documents ±1e9 with five decimals.
    func checkNumberRange(_ text: String, at path: PatternPath, into problems: inout [PatternProblem]) {
        let number = NumberText(text: text)
        guard let value = number.double else { return }
        if dialect == .snsFilterPolicy {
            if abs(value) > 1e9 || number.decimalPlaces > 5 {
                problems.append(
                    PatternProblem(
                        .snsFilterPolicy, "SNS compares numbers between -1e9 and 1e9 with 5 decimal places; \(text) is outside that",
                        at: path))
            }
            return
        }
        if abs(value) > 5e9 {
            problems.append(
                PatternProblem(
                    .numericPrecision, "\(text) is outside the documented range of numeric matching, -5.0e9 to 5.0e9", at: path))
        } else if number.decimalPlaces > 6 {
            problems.append(
                PatternProblem(
                    .numericPrecision, "\(text) has more than the 6 decimal places numeric matching documents", at: path))
        }
    }

    // MARK: - $or

    func checkOr(_ value: JSONValue, at path: PatternPath, into problems: inout [PatternProblem]) {
        guard case .array(let branches) = value else {
            problems.append(PatternProblem(.or, "`$or` takes a list of at least two objects, found \(Self.kindName(value))", at: path))
            return
        }
        if branches.count < 2 {
            problems.append(
                PatternProblem(
                    .or, "`$or` needs at least two objects, found \(branches.count)", at: path,
                    help: branches.count == 1 ? "move the fields of the one object up beside `$or`" : nil))
        }
        for (index, branch) in branches.enumerated() {
            guard case .object(let members) = branch else {
                problems.append(
                    PatternProblem(
                        .or, "each `$or` entry must be an object, found \(Self.kindName(branch))", at: path.element(index)))
                continue
            }
            checkObject(members, at: path.element(index), inOrBranch: true, into: &problems)
        }
    }

    /// The number of rules an object expands into: each `$or` multiplies by the sum over its branches.
    static func combinations(_ value: JSONValue) -> Int {
        guard case .object(let members) = value else { return 1 }
        var total = 1
        for (key, child) in members {
            if key == "$or", case .array(let branches) = child {
                total = Self.saturatingMultiply(total, branches.reduce(0) { min($0 + combinations($1), Int.max / 2) })
            } else if case .object = child {
                total = Self.saturatingMultiply(total, combinations(child))
            }
        }
        return total
    }

    static func saturatingMultiply(_ a: Int, _ b: Int) -> Int {
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max / 2 : result
    }

    func firstOrOverLimit(_ pattern: JSONValue) -> (PatternPath, Int)? {
        let count = Self.combinations(pattern)
        guard count > Self.maxOrCombinations else { return nil }
        return (Self.firstOrPath(pattern, at: PatternPath()) ?? PatternPath(), count)
    }

    static func firstOrPath(_ value: JSONValue, at path: PatternPath) -> PatternPath? {
        guard case .object(let members) = value else { return nil }
        for (index, (key, child)) in members.enumerated() {
            if key == "$or" { return path.member(key, index) }
            if let found = firstOrPath(child, at: path.member(key, index)) { return found }
        }
        return nil
    }

    // MARK: - SNS

    /// Five attribute names and 150 value combinations (SNS developer guide, "Filter policy constraints").
    func checkSNSLimits(_ pattern: JSONValue, into problems: inout [PatternProblem]) {
        var keys: [PatternPath] = []
        func collect(_ value: JSONValue, _ path: PatternPath) -> Int {
            guard case .object(let members) = value else { return 1 }
            var product = 1
            for (index, (key, child)) in members.enumerated() {
                let childPath = path.member(key, index)
                switch child {
                case .array(let items) where key == "$or":
                    product = Self.saturatingMultiply(
                        product,
                        items.enumerated().reduce(0) {
                            min($0 + collect($1.1, childPath.element($1.0)), Int.max / 2)
                        })
                case .array(let items):
                    keys.append(childPath)
                    product = Self.saturatingMultiply(product, max(1, items.count))
                case .object:
                    product = Self.saturatingMultiply(product, collect(child, childPath))
                default: continue
                }
            }
            return product
        }
        let combinations = collect(pattern, PatternPath())
        var names: Set<String> = []
        var firstOver: PatternPath?
        for path in keys {
            if names.insert(path.fieldName).inserted, names.count == Self.snsMaxKeys + 1 { firstOver = path }
        }
        if let firstOver {
            problems.append(
                PatternProblem(
                    .snsFilterPolicy, "a filter policy may name at most \(Self.snsMaxKeys) attributes, found \(names.count)",
                    at: firstOver, onKey: true))
        }
        if combinations > Self.snsMaxCombinations {
            problems.append(
                PatternProblem(
                    .snsFilterPolicy,
                    "the value lists multiply to \(combinations) combinations, more than SNS's \(Self.snsMaxCombinations)",
                    at: PatternPath(), help: "the product of the lengths of every value list must stay at or below 150"))
        }
    }
}
