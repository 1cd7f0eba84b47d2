import Diagnostics

/// Renders diagnostics like a compiler: `file:line:col: error[CODE]: message`, the source line with a gutter,
/// an underline under the exact range, then `note:` and `help:` lines. Colour is a separate, optional layer.
public struct TextRenderer: Sendable {
    public var colour: Bool

    public init(colour: Bool = false) {
        self.colour = colour
    }

    /// All diagnostics, in source order, followed by a summary line.
    public func render(_ diagnostics: [Diagnostic], sources: [String: SourceFile], fileCount: Int) -> String {
        var output = ""
        // Each file is split into lines once, and only when one of its diagnostics is shown.
        var lines: [String: [Substring]] = [:]
        for diagnostic in diagnostics.sorted() {
            let file = diagnostic.range.file
            if lines[file] == nil, let source = sources[file] { lines[file] = source.lines }
            output += render(diagnostic, lines: lines[file])
            output += "\n"
        }
        output += summary(diagnostics, fileCount: fileCount) + "\n"
        return output
    }

    /// "2 errors, 1 warning, 0 infos in 3 files".
    public func summary(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        let counts = Severity.allCases.map { severity in (severity, diagnostics.filter { $0.severity == severity }.count) }
        let parts = counts.map { severity, count in
            "\(count) \(severity.rawValue)\(count == 1 ? "" : "s")"
        }
        return parts.joined(separator: ", ") + " in \(fileCount) file\(fileCount == 1 ? "" : "s")"
    }

    public func render(_ diagnostic: Diagnostic, source: SourceFile?) -> String {
        render(diagnostic, lines: source?.lines)
    }

    func render(_ diagnostic: Diagnostic, lines sourceLines: [Substring]?) -> String {
        let range = diagnostic.range
        var lines: [String] = []
        let label = paint("\(diagnostic.severity.rawValue)[\(diagnostic.code)]", style(for: diagnostic.severity))
        lines.append(
            paint("\(range.file):\(range.start.line):\(range.start.column):", "1") + " \(label): "
                + paint(diagnostic.message, "1"))
        lines += snippet(range, source: sourceLines, marker: "^", style: style(for: diagnostic.severity))
        if let syslevels = diagnostic.syslevels {
            lines.append(
                paint("note", "1") + ": only in syslevel" + (syslevels.count == 1 ? " " : "s ")
                    + syslevels.joined(separator: ", "))
        }
        for note in diagnostic.notes {
            lines.append(paint("note", "1") + ": \(note.message)")
            if let noteRange = note.range {
                lines.append("  --> \(noteRange.file):\(noteRange.start.line):\(noteRange.start.column)")
                lines += snippet(noteRange, source: noteRange.file == range.file ? sourceLines : nil, marker: "-", style: "36")
            }
        }
        if let help = diagnostic.help {
            lines.append(paint("help", "1") + ": \(help)")
        }
        return lines.joined(separator: "\n")
    }

    /// Source lines longer than this are shown as a window around the range, so that a minified or hostile
    /// file does not flood the terminal.
    static let widestLine = 160

    /// The first line of the range with a gutter and an underline, in characters (Unicode scalars).
    func snippet(_ range: SourceRange, source: [Substring]?, marker: Character, style: String) -> [String] {
        guard let source, let line = SourceFile.line(range.start.line, in: source) else { return [] }
        let number = String(range.start.line)
        let gutter = String(repeating: " ", count: number.count)
        var scalars = Array(line.unicodeScalars)
        var start = max(0, min(range.start.column - 1, scalars.count))
        var end = range.end.line == range.start.line ? max(start + 1, min(range.end.column - 1, scalars.count)) : max(start + 1, scalars.count)
        if scalars.count > Self.widestLine {
            let from = max(0, start - Self.widestLine / 2)
            let to = min(scalars.count, from + Self.widestLine)
            let prefix: [Unicode.Scalar] = from > 0 ? Array("...".unicodeScalars) : []
            let suffix: [Unicode.Scalar] = to < scalars.count ? Array("...".unicodeScalars) : []
            scalars = prefix + scalars[from..<to] + suffix
            start = start - from + prefix.count
            end = min(end - from + prefix.count, to - from + prefix.count)
        }
        let text = String(String.UnicodeScalarView(scalars))
        // Tabs stay tabs under the underline so that it lines up in every terminal.
        let padding = String(String.UnicodeScalarView(scalars[0..<start].map { $0 == "\t" ? "\t" : " " }))
        let underline = String(repeating: marker, count: max(1, end - start))
        return [
            "\(gutter) |",
            "\(number) | \(text)",
            "\(gutter) | \(padding)" + paint(underline, style),
        ]
    }

    func style(for severity: Severity) -> String {
        switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .info: "1;36"
        }
    }

    func paint(_ text: String, _ style: String) -> String {
        colour ? "\u{1B}[\(style)m\(text)\u{1B}[0m" : text
    }
}
