import Diagnostics
import TriggerModel

/// A rule as SARIF describes it in `tool.driver.rules`.
public struct SARIFRule: Sendable {
    public let id: String
    public let name: String
    public let summary: String
    public let rationale: String
    public let helpURI: String
    public let severity: Severity

    public init(id: String, name: String, summary: String, rationale: String, helpURI: String, severity: Severity) {
        self.id = id
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.helpURI = helpURI
        self.severity = severity
    }
}

/// SARIF 2.1.0 for GitHub code scanning and other viewers: one run, the rules' metadata, one result per diagnostic.
public struct SARIFRenderer: Sendable {
    public let toolVersion: String
    public let rules: [SARIFRule]

    public init(toolVersion: String, rules: [SARIFRule]) {
        self.toolVersion = toolVersion
        self.rules = rules
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func region(_ range: SourceRange) -> JSONValue {
        .object([
            ("startLine", .integer(range.start.line)),
            ("startColumn", .integer(range.start.column)),
            ("endLine", .integer(range.end.line)),
            ("endColumn", .integer(max(range.end.column, range.start.column + (range.end.line == range.start.line ? 1 : 0)))),
        ])
    }

    static func location(_ range: SourceRange, message: String? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [
            (
                "physicalLocation",
                .object([
                    ("artifactLocation", .object([("uri", .string(uri(range.file))), ("uriBaseId", .string("%SRCROOT%"))])),
                    ("region", region(range)),
                ])
            )
        ]
        if let message { members.append(("message", .object([("text", .string(message))]))) }
        return .object(members)
    }

    /// A relative file path as a URI reference: forward slashes, spaces and other reserved characters escaped.
    static func uri(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "-._~/".unicodeScalars.contains(scalar)
            {
                result.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let ruleObjects: [JSONValue] = rules.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("name", .string(rule.name)),
                ("shortDescription", .object([("text", .string(rule.summary))])),
                ("fullDescription", .object([("text", .string(rule.rationale))])),
                ("helpUri", .string(rule.helpURI)),
                ("help", .object([("text", .string(rule.rationale + " " + rule.helpURI))])),
                ("defaultConfiguration", .object([("level", .string(Self.level(rule.severity)))])),
            ])
        }
        let results: [JSONValue] = diagnostics.sorted().map { diagnostic in
            var message = diagnostic.message
            if let help = diagnostic.help { message += "\nhelp: " + help }
            var members: [(String, JSONValue)] = [
                ("ruleId", .string(diagnostic.code.rawValue))
            ]
            if let ruleIndex = index[diagnostic.code.rawValue] { members.append(("ruleIndex", .integer(ruleIndex))) }
            members += [
                ("level", .string(Self.level(diagnostic.severity))),
                ("message", .object([("text", .string(message))])),
                ("locations", .array([Self.location(diagnostic.range)])),
            ]
            let related = diagnostic.notes.compactMap { note in note.range.map { Self.location($0, message: note.message) } }
            if !related.isEmpty {
                members.append(
                    (
                        "relatedLocations",
                        .array(
                            related.enumerated().map { offset, location in
                                guard case .object(let fields) = location else { return location }
                                return .object([("id", .integer(offset))] + fields)
                            })
                    ))
            }
            if let syslevels = diagnostic.syslevels {
                members.append(("properties", .object([("syslevels", .array(syslevels.map { .string($0) }))])))
            }
            return .object(members)
        }
        return JSONWriter.pretty(
            .object([
                ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
                ("version", .string("2.1.0")),
                (
                    "runs",
                    .array([
                        .object([
                            (
                                "tool",
                                .object([
                                    (
                                        "driver",
                                        .object([
                                            ("name", .string("triggerc")),
                                            ("version", .string(toolVersion)),
                                            ("rules", .array(ruleObjects)),
                                        ])
                                    )
                                ])
                            ),
                            ("columnKind", .string("unicodeCodePoints")),
                            (
                                "originalUriBaseIds",
                                .object([
                                    ("%SRCROOT%", .object([("description", .object([("text", .string("the working directory triggerc ran in"))]))]))
                                ])
                            ),
                            ("results", .array(results)),
                        ])
                    ])
                ),
            ]))
    }
}
