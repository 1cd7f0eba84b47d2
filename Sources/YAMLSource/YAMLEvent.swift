import Diagnostics

/// One libyaml parse event, copied out of C memory and positioned with 1-based locations.
enum YAMLEvent: Sendable {
    case streamStart
    case streamEnd
    case documentStart(SourceRange)
    case documentEnd
    case alias(anchor: String, range: SourceRange)
    case scalar(value: String, style: ScalarStyle, tag: String?, anchor: String?, range: SourceRange)
    case sequenceStart(tag: String?, anchor: String?, isFlow: Bool, range: SourceRange)
    case sequenceEnd(SourceRange)
    case mappingStart(tag: String?, anchor: String?, isFlow: Bool, range: SourceRange)
    case mappingEnd(SourceRange)
}

/// An error libyaml reported, already positioned; the reader turns it into a diagnostic.
struct LibYAMLError: Sendable, Error {
    /// libyaml's description of the problem, with the offending byte or character when libyaml names one.
    let problem: String
    let location: SourceLocation
    /// What libyaml was doing when it found the problem ("while scanning a simple key"), if it says.
    let context: String?
    let contextLocation: SourceLocation?
}
