import Diagnostics
import TriggerModel

/// `lint --format json` (SPEC 5.1): one object with every diagnostic and a summary.
public struct JSONRenderer: Sendable {
    public init() {}

    public func render(_ diagnostics: [Diagnostic]) -> String {
        let items: [JSONValue] = diagnostics.sorted().map { diagnostic in
            var members: [(String, JSONValue)] = [
                ("file", .string(diagnostic.range.file)),
                ("line", .integer(diagnostic.range.start.line)),
                ("column", .integer(diagnostic.range.start.column)),
                ("endLine", .integer(diagnostic.range.end.line)),
                ("endColumn", .integer(diagnostic.range.end.column)),
                ("severity", .string(diagnostic.severity.rawValue)),
                ("code", .string(diagnostic.code.rawValue)),
                ("message", .string(diagnostic.message)),
            ]
            // Several syslevels are joined with commas, so that the key keeps the single string type of SPEC 5.1.
            if let syslevels = diagnostic.syslevels { members.append(("syslevel", .string(syslevels.joined(separator: ",")))) }
            if let help = diagnostic.help { members.append(("help", .string(help))) }
            return .object(members)
        }
        let count = { (severity: Severity) in JSONValue.integer(diagnostics.filter { $0.severity == severity }.count) }
        return JSONWriter.pretty(
            .object([
                ("diagnostics", .array(items)),
                ("summary", .object([("errors", count(.error)), ("warnings", count(.warning)), ("infos", count(.info))])),
            ]))
    }
}
