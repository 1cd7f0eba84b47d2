import TriggerModel

/// `diff --format markdown`, for a pull-request comment: a heading per comparison, the replacement and
/// data-loss warnings first (as GitHub alerts), a table of settings, then a list of template changes.
public struct DiffMarkdownRenderer: Sendable {
    public init() {}

    public func render(_ comparisons: [Comparison]) -> String {
        comparisons.map(render).joined(separator: "\n")
    }

    public func render(_ comparison: Comparison) -> String {
        var lines: [String] = []
        let title =
            comparison.comparesVersions
            ? "\(Self.code(comparison.to.syslevel.rawValue)): \(Self.code(comparison.from.file)) → \(Self.code(comparison.to.file))"
            : "\(Self.code(comparison.from.syslevel.rawValue)) → \(Self.code(comparison.to.syslevel.rawValue))"
        lines.append("## " + title)
        lines.append("")
        guard !comparison.changes.isEmpty else {
            lines.append("No differences.")
            return lines.joined(separator: "\n") + "\n"
        }
        let warnings = comparison.warnings
        for (dataLoss, alert) in [(true, "CAUTION"), (false, "WARNING")] {
            let selected = warnings.filter { $0.dataLoss == dataLoss }
            guard !selected.isEmpty else { continue }
            lines.append("> [!\(alert)]")
            for warning in selected {
                lines.append("> - **\(dataLoss ? "data loss" : "replacement")**: \(warning.message)")
            }
            lines.append("")
        }
        let settings = comparison.settingChanges
        if !settings.isEmpty {
            lines.append("| setting | \(comparison.fromLabel) | \(comparison.toLabel) |")
            lines.append("|---|---|---|")
            for change in settings {
                let before = cell(change.from, change.fromProvenance)
                let after = cell(change.to, change.toProvenance)
                lines.append("| \(Self.code(change.path)) | \(before) | \(after) |")
            }
            lines.append("")
        }
        let template = comparison.templateChanges
        if !template.isEmpty {
            for change in template {
                lines.append("- " + item(for: change))
            }
            lines.append("")
        }
        lines.append(DiffTextRenderer.summary(comparison))
        return lines.joined(separator: "\n") + "\n"
    }

    func cell(_ value: JSONValue?, _ provenance: String?) -> String {
        guard let value else { return "not set" }
        let text = Self.code(JSONWriter.compact(value)) + (provenance.map { "<br>\($0)" } ?? "")
        return text.replacing("|", with: "\\|")
    }

    func item(for change: Change) -> String {
        var text: String
        switch (change.kind, change.marker) {
        case (.resource, "+"):
            text = "added \(Self.code(change.path)) (\(Self.code(change.resource?.type ?? "")))"
        case (.resource, "-"):
            text = "removed \(Self.code(change.path)) (\(Self.code(change.resource?.type ?? "")))"
        default:
            let verb = change.marker == "+" ? "added" : change.marker == "-" ? "removed" : "changed"
            text =
                "\(verb) \(Self.code(change.path)): \(Self.code(DiffTextRenderer.value(change.from))) → "
                + Self.code(DiffTextRenderer.value(change.to))
        }
        if change.dataLoss {
            text += change.replacement ? " **(replacement, data loss)**" : " **(data loss)**"
        } else if change.replacement {
            text += " **(replacement)**"
        }
        return text
    }

    /// Inline code that survives backticks in the value.
    static func code(_ text: String) -> String {
        text.contains("`") ? "`` " + text + " ``" : "`" + text + "`"
    }
}
