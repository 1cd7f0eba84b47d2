import TriggerModel

/// `diff --format text`: per comparison a header, the replacement and data-loss warnings first, then the
/// settings with where each value came from, then the template changes. Colour is an optional layer.
public struct DiffTextRenderer: Sendable {
    public var colour: Bool

    public init(colour: Bool = false) {
        self.colour = colour
    }

    public func render(_ comparisons: [Comparison]) -> String {
        comparisons.map(render).joined(separator: "\n")
    }

    public func render(_ comparison: Comparison) -> String {
        var lines: [String] = []
        let header =
            comparison.comparesVersions
            ? comparison.title(arrow: "->") : comparison.title(arrow: "->") + ": " + comparison.from.file
        lines.append(paint(header, "1"))
        guard !comparison.changes.isEmpty else {
            lines.append("  no differences")
            return lines.joined(separator: "\n") + "\n"
        }
        for warning in comparison.warnings {
            let label = warning.dataLoss ? paint("data loss", "1;31") : paint("replacement", "1;33")
            lines.append("  \(label): \(warning.message)")
        }
        let settings = comparison.settingChanges
        if !settings.isEmpty {
            lines.append("  settings:")
            for change in settings {
                lines.append("    " + paint("~", "33") + " \(change.path): \(Self.value(change.from)) -> \(Self.value(change.to))")
                lines.append("        \(comparison.fromLabel): \(change.fromProvenance ?? "not set")")
                lines.append("        \(comparison.toLabel): \(change.toProvenance ?? "not set")")
            }
        }
        let template = comparison.templateChanges
        if !template.isEmpty {
            lines.append("  template:")
            for change in template {
                lines.append("    " + line(for: change))
            }
        }
        lines.append("  " + Self.summary(comparison))
        return lines.joined(separator: "\n") + "\n"
    }

    func line(for change: Change) -> String {
        var text: String
        switch (change.kind, change.marker) {
        case (.resource, "+"):
            text = paint("+", "32") + " \(change.path) (\(change.resource?.type ?? ""))"
        case (.resource, "-"):
            text = paint("-", "31") + " \(change.path) (\(change.resource?.type ?? ""))"
        default:
            let marker = change.marker == "+" ? paint("+", "32") : change.marker == "-" ? paint("-", "31") : paint("~", "33")
            text = marker + " \(change.path): \(Self.value(change.from)) -> \(Self.value(change.to))"
        }
        if change.dataLoss {
            text += " " + paint(change.replacement ? "(replacement, data loss)" : "(data loss)", "1;31")
        } else if change.replacement {
            text += " " + paint("(replacement)", "1;33")
        }
        return text
    }

    /// `2 settings, 3 template changes; 1 resource replaced`.
    static func summary(_ comparison: Comparison) -> String {
        let settings = comparison.settingChanges.count
        let template = comparison.templateChanges.count
        var text = "\(settings) setting\(settings == 1 ? "" : "s") and \(template) template change\(template == 1 ? "" : "s")"
        let warnings = comparison.warnings
        let replaced = warnings.filter { !$0.removed }.count
        let lost = warnings.filter(\.dataLoss).count
        if replaced > 0 { text += "; \(replaced) resource\(replaced == 1 ? "" : "s") replaced" }
        if lost > 0 { text += "; \(lost) with data loss" }
        return text
    }

    /// A value on one line: compact JSON, or `(absent)`.
    static func value(_ value: JSONValue?) -> String {
        value.map(JSONWriter.compact) ?? "(absent)"
    }

    func paint(_ text: String, _ style: String) -> String {
        colour ? "\u{1B}[\(style)m\(text)\u{1B}[0m" : text
    }
}
