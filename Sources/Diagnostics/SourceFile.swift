/// A source file's text split into lines, for renderers that show the offending line.
public struct SourceFile: Sendable, Hashable {
    public let path: String
    public let text: String
    /// The lines without their line terminators: the ones libyaml counts (`\n`, `\r\n`, `\r`, NEL, LS, PS),
    /// so that line numbers agree with the reader's.
    public let lines: [Substring]

    public init(path: String, text: String) {
        self.path = path
        // libyaml does not count a byte order mark as a column; neither may the caret.
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        self.text = text
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
        self.lines = lines
    }

    /// The text of a 1-based line, or `nil` when it does not exist.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }
}
