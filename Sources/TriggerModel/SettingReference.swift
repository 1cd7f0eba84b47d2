/// The settings table of `docs/manifest.md`, generated from `SettingCatalog` so that the documentation cannot
/// drift from what the decoder accepts (a test compares the two).
public enum SettingReference {
    public static func markdownTable() -> String {
        var lines = [
            "| setting | value | default | types | meaning |",
            "|---|---|---|---|---|",
        ]
        for spec in SettingCatalog.all {
            let types =
                spec.types.count == TriggerType.allCases.count
                ? "all" : TriggerType.allCases.filter { spec.types.contains($0) }.map(\.rawValue).joined(separator: ", ")
            let kind: String =
                switch spec.kind {
                case .string(let maxLength): maxLength.map { "string, at most \($0) characters" } ?? "string"
                case .integer(let range): "integer \(range.lowerBound)..\(range.upperBound)"
                case .boolean: "boolean"
                case .enumeration(let values): values.map { "`\($0)`" }.joined(separator: " \\| ")
                case .stringList(let maxCount): "list of at most \(maxCount) strings"
                }
            lines.append("| `\(spec.name)` | \(kind) | \(spec.defaultSummary) | \(types) | \(spec.summary) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
