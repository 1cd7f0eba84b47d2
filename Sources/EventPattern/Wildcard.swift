/// A parsed `wildcard` operand: literal runs separated by `*`. Escapes follow Ruler's `WildcardParser`:
/// `\*` is a literal star, `\\` a literal backslash, any other escape is an error, and two unescaped `*` in a
/// row are an error.
public struct Wildcard: Sendable, Hashable {
    /// The literal pieces between stars; `pieces.count == stars + 1`.
    public let pieces: [[Unicode.Scalar]]

    /// A problem with an operand, at character offsets of the operand.
    public struct Problem: Error, Sendable, Hashable {
        public let message: String
        public let offsets: Range<Int>
    }

    public static func parse(_ text: String) -> Result<Wildcard, Problem> {
        let scalars = Array(text.unicodeScalars)
        var pieces: [[Unicode.Scalar]] = [[]]
        var index = 0
        var previousWasStar = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                guard index + 1 < scalars.count else {
                    return .failure(Problem(message: "a lone `\\` at the end; write `\\\\` for a backslash", offsets: index..<index + 1))
                }
                let next = scalars[index + 1]
                guard next == "*" || next == "\\" else {
                    return .failure(
                        Problem(
                            message: "invalid escape `\\\(Character(next))` at character \(index + 1); only `\\*` and `\\\\` are allowed",
                            offsets: index..<index + 2))
                }
                pieces[pieces.count - 1].append(next)
                index += 2
                previousWasStar = false
                continue
            }
            if scalar == "*" {
                if previousWasStar {
                    return .failure(
                        Problem(
                            message: "consecutive wildcard characters at character \(index + 1)",
                            offsets: index - 1..<index + 1))
                }
                pieces.append([])
                previousWasStar = true
            } else {
                pieces[pieces.count - 1].append(scalar)
                previousWasStar = false
            }
            index += 1
        }
        return .success(Wildcard(pieces: pieces))
    }

    /// Whether `text` matches: the first piece is a prefix, the last a suffix, the others appear in order.
    public func matches(_ text: String) -> Bool {
        let value = Array(text.unicodeScalars)
        guard pieces.count > 1 else { return value == pieces[0] }
        guard let first = pieces.first, let last = pieces.last, value.count >= first.count + last.count,
            value.starts(with: first), value.suffix(last.count).elementsEqual(last)
        else { return false }
        var position = first.count
        let end = value.count - last.count
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let found = Self.find(piece, in: value, from: position, before: end) else { return false }
            position = found + piece.count
        }
        return true
    }

    static func find(_ piece: [Unicode.Scalar], in value: [Unicode.Scalar], from start: Int, before end: Int) -> Int? {
        guard end - start >= piece.count else { return nil }
        for offset in start...(end - piece.count) where value[offset..<offset + piece.count].elementsEqual(piece) {
            return offset
        }
        return nil
    }
}
