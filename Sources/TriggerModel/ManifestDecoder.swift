import Diagnostics
import YAMLSource

/// Turns a positioned YAML tree into a typed `Manifest`, reporting every problem at the exact key or value.
/// It collects problems and keeps going; the manifest is returned even when some parts were dropped.
public struct ManifestDecoder: Sendable {
    public init() {}

    /// Decodes the root node of a manifest file.
    public func decode(_ root: YAMLNode) -> (Manifest, [Diagnostic]) {
        var context = DecodeContext()
        let manifest = context.manifest(root)
        return (manifest, context.diagnostics)
    }
}

/// The decoder's working state: the diagnostics found so far.
struct DecodeContext {
    var diagnostics: [Diagnostic] = []

    static let topLevelKeys = ManifestKeys.topLevel
    static let triggerKeys = ManifestKeys.trigger
    static let functionKeys = ManifestKeys.functionNames
    static let codeKeys = ManifestKeys.codeNames

    // MARK: - Reporting

    mutating func error(_ code: DiagnosticCode, _ message: String, at range: SourceRange, notes: [Note] = [], help: String? = nil) {
        diagnostics.append(Diagnostic(code: code, severity: .error, message: message, range: range, notes: notes, help: help))
    }

    mutating func warning(_ code: DiagnosticCode, _ message: String, at range: SourceRange, help: String? = nil) {
        diagnostics.append(Diagnostic(code: code, severity: .warning, message: message, range: range, help: help))
    }

    // MARK: - Shapes

    /// The pairs of a mapping, reporting a wrong kind. A null (an empty block) counts as an empty mapping.
    mutating func mapping(_ node: YAMLNode, _ what: String) -> [YAMLPair]? {
        if let pairs = node.pairs { return pairs }
        if node.isNull { return [] }
        error(.wrongNodeKind, "\(what) must be a mapping, found \(node.kindName)", at: node.range)
        return nil
    }

    /// The text of a key; non-scalar keys are reported and skipped.
    mutating func keyText(_ key: YAMLNode) -> String? {
        if let text = key.scalar { return text }
        error(.wrongNodeKind, "a key must be a scalar, found \(key.kindName)", at: key.range)
        return nil
    }

    /// Reports an unknown key with a "did you mean" suggestion.
    mutating func unknownKey(_ key: String, at range: SourceRange, in what: String, candidates: [String]) {
        let suggestion = Suggestion.closest(to: key, in: candidates)
        error(
            .unknownKey, "unknown key `\(key)` in \(what)", at: range,
            help: suggestion.map { "did you mean `\($0)`?" } ?? "the keys of \(what) are " + candidates.joined(separator: ", "))
    }

    // MARK: - Scalars

    /// A string scalar. Any scalar is a string here (a plain `no` is the text "no"); null and collections are not.
    mutating func string(_ node: YAMLNode, _ what: String) -> Located<String>? {
        guard case .scalar(let text, _) = node.kind, !node.isNull else {
            error(.wrongScalarType, "`\(what)` must be a string, found \(node.kindName)", at: node.range)
            return nil
        }
        return Located(text, at: node.range)
    }

    /// A string scalar parsed for `${...}` variables, with unknown variables reported inside the string.
    mutating func interpolated(_ node: YAMLNode, _ what: String) -> Located<InterpolatedString>? {
        guard let text = string(node, what) else { return nil }
        let (value, problems) = InterpolatedString.parse(text.value)
        for problem in problems {
            error(.unknownVariable, problem.message, at: subrange(of: node, offsets: problem.offsets), help: problem.help)
        }
        return Located(value, at: node.range)
    }

    /// The range of characters `offsets` inside a scalar, when the scalar sits on one line and its text maps
    /// one to one onto the source; otherwise the scalar's whole range.
    func subrange(of node: YAMLNode, offsets: Range<Int>) -> SourceRange {
        guard case .scalar(let text, let style) = node.kind, node.range.start.line == node.range.end.line else {
            return node.range
        }
        let quote = style.isQuoted ? 1 : 0
        let width = node.range.end.column - node.range.start.column
        guard style == .plain || style.isQuoted, width == text.unicodeScalars.count + 2 * quote else {
            return node.range
        }
        let start = node.range.start.column + quote
        return SourceRange(
            file: node.range.file,
            start: SourceLocation(line: node.range.start.line, column: start + offsets.lowerBound),
            end: SourceLocation(line: node.range.start.line, column: start + offsets.upperBound))
    }

    /// An integer scalar: plain decimal digits; a quoted integer is accepted with a warning.
    mutating func integer(_ node: YAMLNode, _ what: String, range allowed: ClosedRange<Int>?) -> Located<Int>? {
        guard case .scalar(let text, let style) = node.kind, !node.isNull else {
            error(.wrongScalarType, "`\(what)` must be an integer, found \(node.kindName)", at: node.range)
            return nil
        }
        let trimmed = text
        guard let value = Self.parseInteger(trimmed) else {
            if Self.isDecimalDigits(trimmed), let allowed {
                error(
                    .valueOutOfRange, "`\(what)` is \(text); it must be from \(allowed.lowerBound) to \(allowed.upperBound)",
                    at: node.range)
            } else {
                error(.wrongScalarType, "`\(what)` must be an integer, found \"\(text)\"", at: node.range)
            }
            return nil
        }
        if style != .plain {
            warning(.quotedScalar, "`\(what)` is a quoted integer; write it without quotes", at: node.range)
        }
        if let allowed, !allowed.contains(value) {
            error(
                .valueOutOfRange, "`\(what)` is \(value); it must be from \(allowed.lowerBound) to \(allowed.upperBound)",
                at: node.range)
            return nil
        }
        return Located(value, at: node.range)
    }

    /// Whether the text is an optionally signed run of decimal digits (too large for `Int` or not).
    static func isDecimalDigits(_ text: String) -> Bool {
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Decimal integers only: an optional sign and digits, no leading `+0x`, no underscores, no floats.
    static func parseInteger(_ text: String) -> Int? {
        var digits = Substring(text)
        var negative = false
        if digits.first == "-" || digits.first == "+" {
            negative = digits.first == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let magnitude = Int(digits) else {
            return nil
        }
        return negative ? -magnitude : magnitude
    }

    static let yaml11True: Set<String> = ["yes", "Yes", "YES", "on", "On", "ON", "y", "Y"]
    static let yaml11False: Set<String> = ["no", "No", "NO", "off", "Off", "OFF", "n", "N"]

    /// A boolean: `true`/`false`; YAML 1.1 spellings and quoted booleans are accepted with a warning.
    mutating func boolean(_ node: YAMLNode, _ what: String) -> Located<Bool>? {
        guard case .scalar(let text, let style) = node.kind, !node.isNull else {
            error(.wrongScalarType, "`\(what)` must be a boolean (true or false), found \(node.kindName)", at: node.range)
            return nil
        }
        let value: Bool
        if text == "true" || text == "True" || text == "TRUE" {
            value = true
        } else if text == "false" || text == "False" || text == "FALSE" {
            value = false
        } else if Self.yaml11True.contains(text) || Self.yaml11False.contains(text) {
            value = Self.yaml11True.contains(text)
            warning(
                .yaml11Boolean, "`\(what)` uses the yaml 1.1 spelling \"\(text)\" for \(value)", at: node.range,
                help: "write `\(value)`")
            return Located(value, at: node.range)
        } else {
            error(.wrongScalarType, "`\(what)` must be a boolean (true or false), found \"\(text)\"", at: node.range)
            return nil
        }
        if style != .plain {
            warning(.quotedScalar, "`\(what)` is a quoted boolean; write it without quotes", at: node.range)
        }
        return Located(value, at: node.range)
    }

    /// One of `allowed`, compared exactly, with a suggestion for near misses such as `fifo`.
    mutating func enumeration(_ node: YAMLNode, _ what: String, allowed: [String]) -> Located<String>? {
        guard let text = string(node, what) else { return nil }
        guard allowed.contains(text.value) else {
            let suggestion = Suggestion.closest(to: text.value, in: allowed)
            error(
                .notAllowedValue, "`\(what)` is \"\(text.value)\"; it must be one of " + allowed.joined(separator: ", "),
                at: node.range, help: suggestion.map { "did you mean `\($0)`?" })
            return nil
        }
        return text
    }

    // MARK: - Manifest

    mutating func manifest(_ root: YAMLNode) -> Manifest {
        var function: FunctionSpec?
        var tags: [TagSpec] = []
        var triggers: [TriggerSpec] = []
        var single: YAMLPair?
        var several: YAMLPair?
        for pair in mapping(root, "the manifest") ?? [] {
            guard let key = keyText(pair.key) else { continue }
            switch key {
            case "function": function = self.function(pair)
            case "tags": tags = self.tags(pair.value)
            case "trigger":
                single = pair
                if let trigger = trigger(pair.value, name: nil, keyRange: pair.key.range) { triggers.append(trigger) }
            case "triggers":
                several = pair
                let entries = mapping(pair.value, "`triggers`")
                if let entries, entries.isEmpty {
                    error(
                        .triggerBlockCount, "`triggers` holds no trigger", at: pair.value.range,
                        help: "add a named trigger, e.g. `orders: { type: cweventsqsdlq, ... }`")
                }
                for entry in entries ?? [] {
                    guard let name = keyText(entry.key) else { continue }
                    if !Self.isValidTriggerName(name) {
                        error(
                            .invalidTriggerName,
                            "trigger name \"\(name)\" must start with a letter and hold only letters and digits",
                            at: entry.key.range, help: "the name prefixes the template's logical ids, which are alphanumeric")
                        continue
                    }
                    if let trigger = trigger(entry.value, name: Located(name, at: entry.key.range), keyRange: entry.key.range) {
                        triggers.append(trigger)
                    }
                }
            default:
                unknownKey(key, at: pair.key.range, in: "the manifest", candidates: Self.topLevelKeys)
            }
        }
        if let single, let several {
            error(
                .triggerBlockCount, "a manifest holds `trigger` or `triggers`, not both", at: several.key.range,
                notes: [Note("`trigger` is here", at: single.key.range)])
        } else if single == nil, several == nil, root.pairs != nil || root.isNull {
            error(
                .triggerBlockCount, "the manifest has no `trigger` block",
                at: SourceRange(
                    file: root.range.file,
                    start: root.range.start, end: root.range.start),
                help: "add `trigger:` with a `type`, e.g. `type: cweventsqsdlq`")
        }
        return Manifest(file: root.range.file, function: function, tags: tags, triggers: triggers, range: root.range)
    }

    static func isValidTriggerName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCIILetter else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) }
    }

    mutating func tags(_ node: YAMLNode) -> [TagSpec] {
        var tags: [TagSpec] = []
        for pair in mapping(node, "`tags`") ?? [] {
            guard let key = keyText(pair.key) else { continue }
            if key == ManifestKeys.reservedTag {
                error(
                    .invalidParameter, "the tag `syslevel` is set by triggerc to the syslevel being compiled",
                    at: pair.key.range, help: "remove it")
                continue
            }
            if key.isEmpty || key.count > ManifestKeys.tagKeyMaxLength || key.hasPrefix(ManifestKeys.reservedTagPrefix) {
                error(
                    .valueOutOfRange, "tag key \"\(key)\" must be 1 to 128 characters and not start with `aws:`",
                    at: pair.key.range)
                continue
            }
            guard let value = interpolated(pair.value, "tags.\(key)") else { continue }
            tags.append(TagSpec(key: Located(key, at: pair.key.range), value: value))
        }
        return tags
    }

    // MARK: - Function

    mutating func function(_ pair: YAMLPair) -> FunctionSpec? {
        guard let pairs = mapping(pair.value, "`function`") else { return nil }
        var name: Located<InterpolatedString>?
        var spec = FunctionSpec(
            name: Located(InterpolatedString(literal: ""), at: pair.value.range), environment: [],
            range: pair.value.range, keyRange: pair.key.range)
        for entry in pairs {
            guard let key = keyText(entry.key) else { continue }
            let path = "function.\(key)"
            switch key {
            case "name": name = interpolated(entry.value, path)
            case "timeout": spec.timeout = integer(entry.value, path, range: ManifestKeys.functionTimeout)
            case "roleName": spec.roleName = interpolated(entry.value, path)
            case "runtime": spec.runtime = string(entry.value, path)
            case "handler": spec.handler = string(entry.value, path)
            case "code": spec.code = code(entry.value)
            case "memorySize": spec.memorySize = integer(entry.value, path, range: ManifestKeys.functionMemorySize)
            case "architecture": spec.architecture = enumeration(entry.value, path, allowed: ManifestKeys.functionArchitectures)
            case "environment":
                for variable in mapping(entry.value, "`function.environment`") ?? [] {
                    guard let variableName = keyText(variable.key),
                        let value = interpolated(variable.value, "function.environment.\(variableName)")
                    else { continue }
                    spec.environment.append((Located(variableName, at: variable.key.range), value))
                }
            case "reservedConcurrency": spec.reservedConcurrency = integer(entry.value, path, range: ManifestKeys.functionReservedConcurrency)
            case "description": spec.description = interpolated(entry.value, path)
            default: unknownKey(key, at: entry.key.range, in: "`function`", candidates: Self.functionKeys)
            }
        }
        guard let name else {
            error(.missingKey, "`function` needs a `name`", at: pair.key.range)
            return nil
        }
        spec.name = name
        let definition: [(String, Bool)] = [
            ("runtime", spec.runtime != nil), ("handler", spec.handler != nil), ("code", spec.code != nil),
        ]
        let given = definition.filter(\.1).map(\.0)
        if !given.isEmpty, given.count < definition.count {
            let missing = definition.filter { !$0.1 }.map { "`\($0.0)`" }
            error(
                .incompleteFunction,
                "a function the template defines needs `runtime`, `handler` and `code`; missing " + missing.joined(separator: " and "),
                at: pair.key.range, help: "give all three to define the function, or none to use an existing function by name")
        }
        if spec.isDefined, spec.roleName != nil, let roleName = spec.roleName {
            error(
                .invalidParameter, "`roleName` names the role of an existing function; a defined function gets its own role",
                at: roleName.range)
        }
        return spec
    }

    mutating func code(_ node: YAMLNode) -> Located<FunctionSpec.Code>? {
        guard let pairs = mapping(node, "`function.code`") else { return nil }
        var values: [String: (YAMLPair, Located<InterpolatedString>)] = [:]
        for pair in pairs {
            guard let key = keyText(pair.key) else { continue }
            guard Self.codeKeys.contains(key) else {
                unknownKey(key, at: pair.key.range, in: "`function.code`", candidates: Self.codeKeys)
                continue
            }
            if let value = interpolated(pair.value, "function.code.\(key)") { values[key] = (pair, value) }
        }
        let kinds = [values["s3Bucket"] != nil || values["s3Key"] != nil, values["zipFile"] != nil, values["imageUri"] != nil]
        if kinds.filter({ $0 }).count != 1 {
            error(
                .invalidParameter, "`function.code` takes exactly one of `s3Bucket`+`s3Key`, `zipFile` or `imageUri`",
                at: node.range)
            return nil
        }
        if let zip = values["zipFile"] {
            guard let text = zip.1.value.literalValue else {
                error(
                    .invalidParameter, "`zipFile` is inline source code; it cannot hold `${...}` variables", at: zip.1.range,
                    help: "write `$${` for a literal `${`")
                return nil
            }
            return Located(.zipFile(text), at: node.range)
        }
        if let image = values["imageUri"] { return Located(.imageUri(image.1.value), at: node.range) }
        guard let bucket = values["s3Bucket"], let key = values["s3Key"] else {
            error(.missingKey, "`function.code` needs both `s3Bucket` and `s3Key`", at: node.range)
            return nil
        }
        return Located(
            .s3(bucket: bucket.1.value, key: key.1.value, objectVersion: values["s3ObjectVersion"]?.1.value),
            at: node.range)
    }

    // MARK: - Trigger

    mutating func trigger(_ node: YAMLNode, name: Located<String>?, keyRange: SourceRange) -> TriggerSpec? {
        guard let pairs = mapping(node, name.map { "trigger `\($0.value)`" } ?? "`trigger`") else { return nil }
        var type: Located<TriggerType>?
        var bundled: Located<Bool>?
        var defaultsNode: YAMLNode?
        var syslevelsNode: YAMLNode?
        var parametersNode: YAMLNode?
        for pair in pairs {
            guard let key = keyText(pair.key) else { continue }
            switch key {
            case "type":
                if let text = enumeration(pair.value, "type", allowed: TriggerType.allCases.map(\.rawValue)) {
                    type = Located(TriggerType(rawValue: text.value)!, at: text.range)
                }
            case "bundled": bundled = boolean(pair.value, "bundled")
            case "defaults": defaultsNode = pair.value
            case "syslevels": syslevelsNode = pair.value
            case "parameters": parametersNode = pair.value
            default: unknownKey(key, at: pair.key.range, in: "a trigger", candidates: Self.triggerKeys)
            }
        }
        if type == nil, !pairs.contains(where: { $0.key.scalar == "type" }) {
            error(
                .missingKey, "the trigger has no `type`", at: keyRange,
                help: "one of " + TriggerType.allCases.map(\.rawValue).joined(separator: ", "))
        }
        // Without a type the rest is still read, so that its typos are reported in the same run.
        let defaults = defaultsNode.map { settings($0, in: "`defaults`", type: type?.value) } ?? []
        var overrides: [SyslevelOverride] = []
        if let syslevelsNode {
            for pair in mapping(syslevelsNode, "`syslevels`") ?? [] {
                guard let key = keyText(pair.key) else { continue }
                guard let syslevel = Syslevel(rawValue: key) else {
                    let suggestion = Suggestion.closest(to: key, in: Syslevel.allCases.map(\.rawValue))
                    error(
                        .unknownSyslevel, "unknown syslevel `\(key)`; the syslevels are ci, eng, sat and prd",
                        at: pair.key.range, help: suggestion.map { "did you mean `\($0)`?" })
                    continue
                }
                overrides.append(syslevelOverride(pair, syslevel: syslevel, type: type?.value))
            }
        }
        let parameters = parametersNode.map { self.parameters($0, in: "`parameters`", type: type?.value) } ?? []
        guard let type else { return nil }
        return TriggerSpec(
            name: name, type: type, bundled: bundled, defaults: defaults, syslevels: overrides, parameters: parameters,
            range: node.range, keyRange: keyRange)
    }

    mutating func syslevelOverride(_ pair: YAMLPair, syslevel: Syslevel, type: TriggerType?) -> SyslevelOverride {
        var parameters: [ParameterSpec] = []
        var settingPairs: [YAMLPair] = []
        for entry in mapping(pair.value, "`syslevels.\(syslevel.rawValue)`") ?? [] {
            if entry.key.scalar == "parameters" {
                parameters = self.parameters(entry.value, in: "`syslevels.\(syslevel.rawValue).parameters`", type: type)
            } else {
                settingPairs.append(entry)
            }
        }
        let settings = settings(pairs: settingPairs, in: "`syslevels.\(syslevel.rawValue)`", type: type)
        return SyslevelOverride(syslevel: syslevel, keyRange: pair.key.range, settings: settings, parameters: parameters)
    }

    mutating func settings(_ node: YAMLNode, in what: String, type: TriggerType?) -> [SettingEntry] {
        guard let pairs = mapping(node, what) else { return [] }
        return settings(pairs: pairs, in: what, type: type)
    }

    /// Decodes settings; without a known `type` (it is missing or misspelt) every setting is accepted, so that
    /// typos and wrong values are still reported.
    mutating func settings(pairs: [YAMLPair], in what: String, type: TriggerType?) -> [SettingEntry] {
        var entries: [SettingEntry] = []
        for pair in pairs {
            guard let key = keyText(pair.key) else { continue }
            guard let spec = SettingCatalog.spec(named: key) else {
                let candidates =
                    SettingCatalog.all.filter { type.map($0.types.contains) ?? true }.map(\.name)
                    + (what.hasPrefix("`syslevels.") ? ["parameters"] : [])
                let suggestion =
                    Suggestion.closest(to: key, in: candidates)
                    ?? Suggestion.closest(to: key, in: SettingCatalog.names)
                error(
                    .unknownKey, "unknown setting `\(key)` in \(what)", at: pair.key.range,
                    help: suggestion.map { "did you mean `\($0)`?" }
                        ?? (key == "parameters" ? "`parameters` sits beside `defaults`, or inside a syslevel block" : nil))
                continue
            }
            if let type, !spec.types.contains(type) {
                let users = TriggerType.allCases.filter { spec.types.contains($0) }.map(\.rawValue)
                error(
                    .settingNotForType, "`\(key)` is not a setting of type \(type.rawValue)", at: pair.key.range,
                    help: "it is used by " + users.joined(separator: ", "))
                continue
            }
            guard let value = settingValue(pair.value, spec: spec) else { continue }
            entries.append(SettingEntry(name: key, keyRange: pair.key.range, value: value, valueRange: pair.value.range))
        }
        return entries
    }

    mutating func settingValue(_ node: YAMLNode, spec: SettingSpec) -> SettingValue? {
        switch spec.kind {
        case .string:
            return interpolated(node, spec.name).map { .string($0.value) }
        case .integer(let range):
            return integer(node, spec.name, range: range).map { .integer($0.value) }
        case .boolean:
            return boolean(node, spec.name).map { .boolean($0.value) }
        case .enumeration(let allowed):
            return enumeration(node, spec.name, allowed: allowed).map { .string(InterpolatedString(literal: $0.value)) }
        case .stringList(let maxCount):
            guard let items = node.items else {
                error(.wrongNodeKind, "`\(spec.name)` must be a list, found \(node.kindName)", at: node.range)
                return nil
            }
            if items.count > maxCount {
                error(
                    .valueOutOfRange, "`\(spec.name)` has \(items.count) items; at most \(maxCount) are allowed",
                    at: items[maxCount].range)
                return nil
            }
            let values = items.compactMap { interpolated($0, spec.name)?.value }
            return values.count == items.count ? .list(values) : nil
        }
    }

    mutating func parameters(_ node: YAMLNode, in what: String, type: TriggerType?) -> [ParameterSpec] {
        var parameters: [ParameterSpec] = []
        for pair in mapping(node, what) ?? [] {
            guard let name = keyText(pair.key) else { continue }
            guard let known = SettingCatalog.parameters.first(where: { $0.name == name }) else {
                let candidates = SettingCatalog.parameters.filter { type.map($0.types.contains) ?? true }.map(\.name)
                unknownKey(name, at: pair.key.range, in: what, candidates: candidates)
                continue
            }
            if let type, !known.types.contains(type) {
                let users = TriggerType.allCases.filter { known.types.contains($0) }.map(\.rawValue)
                error(
                    .settingNotForType, "the parameter `\(name)` does not apply to type \(type.rawValue)",
                    at: pair.key.range, help: "it is used by " + users.joined(separator: ", "))
                continue
            }
            guard let entries = mapping(pair.value, "the parameter `\(name)`") else { continue }
            guard entries.count == 1, let entry = entries.first, let form = entry.key.scalar,
                form == "value" || form == "jsonValue"
            else {
                let stray = entries.first { $0.key.scalar != "value" && $0.key.scalar != "jsonValue" }
                let range = stray?.key.range ?? entries.dropFirst().first?.key.range ?? pair.key.range
                // Suggest a spelling only for a key that is neither form; two correct forms need no suggestion.
                let help = stray.flatMap { $0.key.scalar }
                    .flatMap { Suggestion.closest(to: $0, in: ["value", "jsonValue"]) }
                    .map { "did you mean `\($0)`?" }
                error(
                    .invalidParameter, "the parameter `\(name)` must hold exactly one of `value` or `jsonValue`", at: range,
                    help: help)
                continue
            }
            if form == "value" {
                guard let value = interpolated(entry.value, "parameters.\(name).value") else { continue }
                parameters.append(ParameterSpec(name: name, keyRange: pair.key.range, content: .value(value)))
            } else {
                checkJSONStrings(entry.value)
                parameters.append(ParameterSpec(name: name, keyRange: pair.key.range, content: .jsonValue(entry.value)))
            }
        }
        return parameters
    }

    /// Reports unknown `${...}` variables in every string of a `jsonValue`, and keys JSON cannot hold (collections,
    /// or names with pseudo parameters, which `Fn::Sub` cannot reach), walking iteratively.
    mutating func checkJSONStrings(_ root: YAMLNode) {
        var stack = [root]
        while let node = stack.popLast() {
            if case .mapping(let pairs) = node.kind {
                for pair in pairs {
                    guard let key = pair.key.scalar else {
                        error(
                            .wrongNodeKind, "a key in a `jsonValue` must be a string, found \(pair.key.kindName)",
                            at: pair.key.range)
                        continue
                    }
                    if InterpolatedString.parse(key).0.needsSubstitution {
                        error(
                            .invalidParameter, "a key in a `jsonValue` cannot hold ${AWS::...} variables", at: pair.key.range,
                            help: "only values are substituted; ${syslevel} is allowed in keys")
                    }
                }
            }
            switch node.kind {
            case .scalar(let text, _):
                let (_, problems) = InterpolatedString.parse(text)
                for problem in problems {
                    error(.unknownVariable, problem.message, at: subrange(of: node, offsets: problem.offsets), help: problem.help)
                }
            case .sequence(let items): stack.append(contentsOf: items.reversed())
            case .mapping(let pairs):
                for pair in pairs.reversed() {
                    stack.append(pair.value)
                    stack.append(pair.key)
                }
            }
        }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
