/// How serious a diagnostic is. `error` blocks compilation; `warning` fails only `--strict`; `info` never fails.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case error
    case warning
    case info

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stable, grep-able diagnostic code such as `TRG104`. Codes never change meaning and are never reused.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A secondary message attached to a diagnostic, optionally pointing somewhere else in the source.
public struct Note: Sendable, Hashable {
    public var message: String
    public var range: SourceRange?

    public init(_ message: String, at range: SourceRange? = nil) {
        self.message = message
        self.range = range
    }
}

/// One problem found in a manifest: a value with a code, a severity, a message and where it is.
public struct Diagnostic: Sendable, Hashable {
    public var code: DiagnosticCode
    public var severity: Severity
    /// Specific, lowercase, no trailing period.
    public var message: String
    public var range: SourceRange
    public var notes: [Note]
    public var help: String?
    /// The syslevels the problem exists in, when it does not exist in all of them; `nil` means all.
    public var syslevels: [String]?

    public init(
        code: DiagnosticCode,
        severity: Severity,
        message: String,
        range: SourceRange,
        notes: [Note] = [],
        help: String? = nil,
        syslevels: [String]? = nil
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.range = range
        self.notes = notes
        self.help = help
        self.syslevels = syslevels
    }
}

extension Diagnostic: Comparable {
    /// Source order, then severity, then code: the order every renderer prints in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.range.file != rhs.range.file { return lhs.range.file < rhs.range.file }
        if lhs.range.start != rhs.range.start { return lhs.range.start < rhs.range.start }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        if lhs.code != rhs.code { return lhs.code < rhs.code }
        return lhs.message < rhs.message
    }
}

extension Sequence where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
