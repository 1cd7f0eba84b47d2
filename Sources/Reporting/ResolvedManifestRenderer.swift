import TriggerModel

/// `triggerc resolve`: every resolved value of one syslevel with where it came from (SPEC 2.1). YAML puts the
/// provenance in a comment after each value (values are JSON, which YAML reads unchanged); JSON gives each
/// value as `{"value", "provenance", "line"?, "written"?}`.
public struct ResolvedManifestRenderer: Sendable {
    /// One resolved value, or a group of them.
    struct Entry {
        var key: String
        var value: JSONValue?
        var provenance: String?
        var line: Int?
        /// The value as written, when `${syslevel}` made it differ from the value.
        var written: String?
        var children: [Entry] = []

        static func group(_ key: String, _ children: [Entry]) -> Entry {
            Entry(key: key, value: nil, provenance: nil, line: nil, written: nil, children: children)
        }
    }

    public init() {}

    public func yaml(_ manifest: ResolvedManifest) -> String {
        var lines: [(text: String, comment: String?)] = [
            ("# \(manifest.manifest.file) resolved for syslevel \(manifest.syslevel.rawValue)", nil),
            ("syslevel: \(JSONWriter.compact(.string(manifest.syslevel.rawValue)))", nil),
        ]
        for entry in entries(manifest) { yamlLines(entry, indent: 0, into: &lines) }
        // Comments line up where that keeps lines short; a long value (an event pattern) keeps its comment close.
        let column = lines.filter { $0.comment != nil }.map(\.text.count).filter { $0 <= 60 }.max() ?? 0
        return lines.map { line in
            guard let comment = line.comment else { return line.text }
            return line.text + String(repeating: " ", count: max(2, column + 2 - line.text.count)) + "# " + comment
        }.joined(separator: "\n") + "\n"
    }

    public func json(_ manifest: ResolvedManifest) -> String {
        let members: [(String, JSONValue)] =
            [
                ("file", .string(manifest.manifest.file)),
                ("syslevel", .string(manifest.syslevel.rawValue)),
            ] + entries(manifest).map { ($0.key, json($0)) }
        return JSONWriter.pretty(.object(members))
    }

    func yamlLines(_ entry: Entry, indent: Int, into lines: inout [(text: String, comment: String?)]) {
        let pad = String(repeating: " ", count: indent)
        let key = Self.yamlKey(entry.key)
        guard let value = entry.value else {
            lines.append((pad + key + ":", nil))
            for child in entry.children { yamlLines(child, indent: indent + 2, into: &lines) }
            return
        }
        var comment = entry.provenance
        if let written = entry.written { comment = (comment ?? "") + ", written \(JSONWriter.compact(.string(written)))" }
        lines.append((pad + key + ": " + JSONWriter.compact(value), comment))
    }

    func json(_ entry: Entry) -> JSONValue {
        guard let value = entry.value else { return .object(entry.children.map { ($0.key, json($0)) }) }
        var members: [(String, JSONValue)] = [("value", value)]
        if let provenance = entry.provenance { members.append(("provenance", .string(provenance))) }
        if let line = entry.line { members.append(("line", .integer(line))) }
        if let written = entry.written { members.append(("written", .string(written))) }
        return .object(members)
    }

    func entries(_ manifest: ResolvedManifest) -> [Entry] {
        var result: [Entry] = []
        if let function = manifest.function { result.append(.group("function", entries(function))) }
        result.append(
            .group(
                "tags",
                manifest.tags.map { tag in
                    guard let spec = manifest.manifest.tags.first(where: { $0.key.value == tag.key }) else {
                        return Entry(key: tag.key, value: Resolver.json(tag.value), provenance: "built in: the syslevel being compiled")
                    }
                    return located(tag.key, Resolver.json(tag.value), "tags.\(tag.key)", spec.key.range.start.line)
                }))
        if manifest.triggers.count == 1, manifest.triggers[0].name == nil {
            result.append(.group("trigger", entries(manifest.triggers[0], path: "trigger")))
        } else {
            result.append(
                .group(
                    "triggers",
                    manifest.triggers.map { trigger in
                        let name = trigger.name ?? "trigger"
                        return .group(name, entries(trigger, path: "triggers.\(name)"))
                    }))
        }
        return result
    }

    func entries(_ function: ResolvedFunction) -> [Entry] {
        let spec = function.spec
        var result = [located("name", .string(function.name.displayText), "function.name", spec.name.range.start.line)]
        if let timeout = spec.timeout {
            result.append(located("timeout", .integer(timeout.value), "function.timeout", timeout.range.start.line))
        } else {
            result.append(Entry(key: "timeout", value: .integer(function.timeout), provenance: "built-in default (Lambda's 3 seconds)"))
        }
        if let role = function.roleName, let range = spec.roleName?.range {
            result.append(located("roleName", .string(role.displayText), "function.roleName", range.start.line))
        }
        if let runtime = spec.runtime { result.append(located("runtime", .string(runtime.value), "function.runtime", runtime.range.start.line)) }
        if let handler = spec.handler { result.append(located("handler", .string(handler.value), "function.handler", handler.range.start.line)) }
        if let memory = spec.memorySize {
            result.append(located("memorySize", .integer(memory.value), "function.memorySize", memory.range.start.line))
        }
        if let architecture = spec.architecture {
            result.append(located("architecture", .string(architecture.value), "function.architecture", architecture.range.start.line))
        }
        return result
    }

    func entries(_ trigger: ResolvedTrigger, path: String) -> [Entry] {
        let spec = trigger.spec
        var result = [located("type", .string(trigger.type.rawValue), path + ".type", spec.type.range.start.line)]
        if let bundled = spec.bundled {
            result.append(located("bundled", .bool(bundled.value), path + ".bundled", bundled.range.start.line))
        } else {
            result.append(Entry(key: "bundled", value: .bool(true), provenance: "built-in default (true)"))
        }
        let known = SettingCatalog.all.map(\.name).filter { trigger[$0] != nil }
        let names = known + Set(trigger.settings.keys.map(\.text)).subtracting(known).sorted()
        result.append(
            .group(
                "settings",
                names.compactMap { name in
                    guard let setting = trigger[name] else { return nil }
                    let written = setting.written != setting.value ? setting.written.description : nil
                    return Entry(
                        key: name, value: setting.value.json, provenance: setting.provenance.description,
                        line: setting.provenance.range?.start.line, written: written)
                }))
        if !trigger.parameters.isEmpty {
            result.append(
                .group(
                    "parameters",
                    trigger.parameters.keys.sorted().compactMap { name in
                        guard let parameter = trigger.parameters[name] else { return nil }
                        return Entry(key: name, value: parameter.json, provenance: parameter.origin, line: parameter.provenance.range?.start.line)
                    }))
        }
        return result
    }

    func located(_ key: String, _ value: JSONValue, _ path: String, _ line: Int) -> Entry {
        Entry(key: key, value: value, provenance: "\(path) at line \(line)", line: line)
    }

    static func yamlKey(_ key: String) -> String {
        let plain =
            !key.isEmpty && key.first?.isLetter == true
            && key.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
            }
        return plain ? key : JSONWriter.compact(.string(key))
    }
}
