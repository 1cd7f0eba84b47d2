import Diagnostics

/// Where a resolved value came from (SPEC 2.1); `resolve` and `diff` print it.
public enum Provenance: Sendable, Hashable, CustomStringConvertible {
    /// The type's built-in default, with how it was derived.
    case builtIn(String)
    /// The trigger's `defaults` block, at the key's range.
    case defaults(SourceRange)
    /// A `syslevels.<lvl>` block, at the key's range.
    case syslevel(Syslevel, SourceRange)

    public var description: String {
        switch self {
        case .builtIn(let how): "built-in default (\(how))"
        case .defaults(let range): "defaults at line \(range.start.line)"
        case .syslevel(let level, let range): "syslevels.\(level.rawValue) at line \(range.start.line)"
        }
    }

    /// The source range of the key, when the value was written in the manifest.
    public var range: SourceRange? {
        switch self {
        case .builtIn: nil
        case .defaults(let range), .syslevel(_, let range): range
        }
    }
}
