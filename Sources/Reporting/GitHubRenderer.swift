import Diagnostics

/// GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=CODE::message`.
public struct GitHubRenderer: Sendable {
    public init() {}

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sorted().map { diagnostic in
            let command =
                switch diagnostic.severity {
                case .error: "error"
                case .warning: "warning"
                case .info: "notice"
                }
            let range = diagnostic.range
            var message = diagnostic.message
            if let syslevels = diagnostic.syslevels { message += " (syslevel " + syslevels.joined(separator: ", ") + ")" }
            if let help = diagnostic.help { message += "\nhelp: " + help }
            let properties = [
                "file=" + escapeProperty(range.file), "line=\(range.start.line)", "col=\(range.start.column)",
                "endLine=\(range.end.line)", "endColumn=\(range.end.column)", "title=" + escapeProperty(diagnostic.code.rawValue),
            ]
            return "::\(command) " + properties.joined(separator: ",") + "::" + escapeData(message) + "\n"
        }.joined()
    }

    /// The escaping the Actions runner applies to a command's data (`%`, CR, LF).
    func escapeData(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    /// Property values additionally escape `:` and `,`.
    func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
