import Diagnostics

/// A string that may hold `${syslevel}` and the CloudFormation pseudo parameters (SPEC 2.1).
public struct InterpolatedString: Sendable, Hashable, CustomStringConvertible {
    /// One piece of the string.
    public enum Part: Sendable, Hashable {
        case literal(String)
        /// `${syslevel}`, replaced when a syslevel is resolved.
        case syslevel
        /// `${AWS::AccountId}`, `${AWS::Region}` or `${AWS::Partition}`, left to CloudFormation's `Fn::Sub`.
        case pseudo(String)
    }

    /// The pseudo parameters a string may name.
    public static let pseudoParameters = ["AWS::AccountId", "AWS::Region", "AWS::Partition"]

    public let parts: [Part]

    public init(parts: [Part]) {
        // Most strings are one literal: keep the array as it is instead of building a merged copy.
        if parts.count == 1, case .literal(let text) = parts[0] {
            self.parts = text.isEmpty ? [] : parts
            return
        }
        var merged: [Part] = []
        for part in parts {
            if case .literal(let text) = part {
                if text.isEmpty { continue }
                if case .literal(let previous)? = merged.last {
                    merged[merged.count - 1] = .literal(previous + text)
                    continue
                }
            }
            merged.append(part)
        }
        self.parts = merged
    }

    public init(literal: String) { self.init(parts: [.literal(literal)]) }

    /// The text with `${syslevel}` replaced by `syslevel`; pseudo parameters stay as parts.
    public func resolving(syslevel: Syslevel) -> InterpolatedString {
        guard parts.contains(.syslevel) else { return self }
        return InterpolatedString(
            parts: parts.map { part in
                if case .syslevel = part { return .literal(syslevel.rawValue) }
                return part
            })
    }

    /// The text of a string that is one literal, the common case, which the accessors below answer without
    /// joining parts.
    private var onlyLiteral: String? {
        if parts.count == 1, case .literal(let text) = parts[0] { text } else { nil }
    }

    /// The plain text when no pseudo parameter and no `${syslevel}` is left.
    public var literalValue: String? {
        if let text = onlyLiteral { return text }
        var text = ""
        for part in parts {
            guard case .literal(let piece) = part else { return nil }
            text += piece
        }
        return text
    }

    /// Whether a pseudo parameter is left, so that the value needs `Fn::Sub`.
    public var needsSubstitution: Bool {
        parts.contains { if case .pseudo = $0 { true } else { false } }
    }

    /// The text in `Fn::Sub` syntax: literal `${` written as `${!`, variables as `${NAME}`.
    public var substitutionTemplate: String { text(literalDollarBrace: "${!") }

    /// The text as the user wrote it, with variables in `${...}` form.
    public var description: String { text(literalDollarBrace: "$${") }

    /// The text with every variable shown as `${NAME}`, for messages and name checks.
    public var displayText: String { text(literalDollarBrace: nil) }

    /// The parts written one after the other as bytes, made a string once (mapping them to strings and joining
    /// those, or appending to a string, cost several times more); variables as `${NAME}` and each literal `${`
    /// as `literalDollarBrace` (kept when nil).
    private func text(literalDollarBrace escape: String?) -> String {
        func literal(_ text: String) -> String { escape.map { Self.escaping(text, with: $0) } ?? text }
        if let text = onlyLiteral { return literal(text) }
        var bytes = ByteSink(capacity: 128)
        for part in parts {
            switch part {
            case .literal(let piece): bytes.append(literal(piece))
            case .syslevel: bytes.append("${syslevel}" as StaticString)
            case .pseudo(let name):
                bytes.append("${" as StaticString)
                bytes.append(name)
                bytes.append("}" as StaticString)
            }
        }
        return bytes.text()
    }

    /// `text` with every literal `${` written as `escape`; the common case, no `$` at all, costs one scan.
    static func escaping(_ text: String, with escape: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "$")) else { return text }
        return text.replacing("${", with: escape)
    }

    /// A problem found while parsing a string: the message and the character offsets it covers.
    public struct ParseProblem: Sendable, Hashable {
        public let message: String
        public let help: String?
        public let offsets: Range<Int>
    }

    /// Parses `text`, where `$${` is a literal `${` and any `${...}` but the known variables is a problem.
    public static func parse(_ text: String) -> (InterpolatedString, [ParseProblem]) {
        // Most strings hold no variable at all; one byte scan spares them the scalar-by-scalar walk.
        guard text.utf8.contains(UInt8(ascii: "$")) else { return (InterpolatedString(literal: text), []) }
        // By UTF-8 bytes: `$`, `{` and `}` are ASCII and never part of another character. Offsets in problems
        // count Unicode scalars, as columns do; they are worked out only when there is a problem.
        let bytes = Array(text.utf8)
        func scalarOffset(_ byteOffset: Int) -> Int { bytes[..<byteOffset].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 } }
        var parts: [Part] = []
        var problems: [ParseProblem] = []
        var literal: [UInt8] = []
        literal.reserveCapacity(bytes.count)
        func flush() {
            parts.append(.literal(String(decoding: literal, as: UTF8.self)))
            literal.removeAll(keepingCapacity: true)
        }
        let dollar = UInt8(ascii: "$")
        let open = UInt8(ascii: "{")
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == dollar, index + 1 < bytes.count {
                if bytes[index + 1] == dollar, index + 2 < bytes.count, bytes[index + 2] == open {
                    literal += [dollar, open]
                    index += 3
                    continue
                }
                if bytes[index + 1] == open {
                    guard let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "}")) else {
                        problems.append(
                            ParseProblem(
                                message: "unterminated `${` in string",
                                help: "close it with `}`, or write `$${` for a literal `${`",
                                offsets: scalarOffset(index)..<scalarOffset(bytes.count)))
                        literal += bytes[index...]
                        break
                    }
                    let name = String(decoding: bytes[(index + 2)..<close], as: UTF8.self)
                    if name == "syslevel" {
                        flush()
                        parts.append(.syslevel)
                    } else if pseudoParameters.contains(name) {
                        flush()
                        parts.append(.pseudo(name))
                    } else {
                        let known = ["syslevel"] + pseudoParameters
                        let suggestion = Suggestion.closest(to: name, in: known)
                        problems.append(
                            ParseProblem(
                                message: "unknown variable `${\(name)}`",
                                help: suggestion.map { "did you mean `${\($0)}`?" }
                                    ?? "the variables are ${syslevel}, ${AWS::AccountId}, ${AWS::Region} and ${AWS::Partition}; write `$${` for a literal `${`",
                                offsets: scalarOffset(index)..<scalarOffset(close + 1)))
                        literal += bytes[index...close]
                    }
                    index = close + 1
                    continue
                }
            }
            literal.append(byte)
            index += 1
        }
        flush()
        return (InterpolatedString(parts: parts), problems)
    }
}
