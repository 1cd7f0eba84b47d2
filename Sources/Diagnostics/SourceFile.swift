/// A source file's text, for renderers that show the offending line.
public struct SourceFile: Sendable, Hashable {
    public let path: String
    public let text: String

    public init(path: String, text: String) {
        self.path = path
        // libyaml does not count a byte order mark as a column; neither may the caret.
        self.text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// The lines without their line terminators: the ones libyaml counts (`\n`, `\r\n`, `\r`, NEL, LS, PS),
    /// so that line numbers agree with the reader's. Split on every access, not at `init`: most files are
    /// never shown, and splitting by characters costs more than reading and checking the file.
    public var lines: [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\n" || character == "\r\n" || character == "\r" || character == "\u{85}"
                || character == "\u{2028}" || character == "\u{2029}"
            {
                lines.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        lines.append(text[start..<text.endIndex])
        return lines
    }

    /// The text of a 1-based line, or `nil` when it does not exist. Splits the file: to look up many lines,
    /// take `lines` once.
    public func line(_ number: Int) -> Substring? {
        Self.line(number, in: lines)
    }

    /// The text of a 1-based line of `lines`, or `nil` when it does not exist.
    public static func line(_ number: Int, in lines: [Substring]) -> Substring? {
        guard number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }
}
