import Diagnostics

/// The result of reading one YAML file: the root node when there is exactly one document, and diagnostics.
public struct YAMLReadResult: Sendable {
    /// The document's root; `nil` when the file does not hold exactly one document or reading stopped at an
    /// error (syntax, limit). After a duplicate key, invalid merge or undefined alias it is still the
    /// best-effort tree: the later duplicate and the invalid `<<` pair are left out, and an undefined alias
    /// reads as an empty plain scalar.
    public let root: YAMLNode?
    /// In source order; all errors.
    public let diagnostics: [Diagnostic]

    public init(root: YAMLNode?, diagnostics: [Diagnostic]) {
        self.root = root
        self.diagnostics = diagnostics
    }
}

/// Reads YAML text with libyaml's event API into an immutable, positioned node tree.
public struct YAMLReader: Sendable {
    public let limits: YAMLLimits

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Reads the bytes of one file; `file` becomes every range's file. Never throws or traps on bad input.
    public func read(bytes: [UInt8], file: String) -> YAMLReadResult {
        if bytes.count > limits.maxBytes {
            return YAMLReadResult(
                root: nil,
                diagnostics: [
                    Diagnostic(
                        code: .inputTooLarge, severity: .error,
                        message: "the file is \(bytes.count) bytes; the limit is \(limits.maxBytes)",
                        range: .fileStart(file))
                ])
        }
        let parser = LibYAMLParser(bytes: bytes, file: file)
        var builder = YAMLTreeBuilder(file: file, limits: limits)
        while builder.wantsMoreEvents {
            switch parser.next() {
            case .success(let event):
                builder.consume(event)
            case .failure(let failure):
                builder.stop(with: diagnostic(for: failure, file: file))
            }
        }
        return builder.result
    }

    /// Reads text as UTF-8.
    public func read(text: String, file: String) -> YAMLReadResult {
        read(bytes: Array(text.utf8), file: file)
    }

    private func diagnostic(for failure: LibYAMLError, file: String) -> Diagnostic {
        let notes: [Note] =
            if let context = failure.context, let location = failure.contextLocation {
                [Note(context, at: SourceRange(file: file, start: location, end: location))]
            } else {
                []
            }
        return Diagnostic(
            code: .yamlSyntax, severity: .error, message: "yaml syntax error: \(failure.problem)",
            range: SourceRange(file: file, start: failure.location, end: failure.location), notes: notes)
    }
}
