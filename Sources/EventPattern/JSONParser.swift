import TriggerModel

/// A JSON syntax error with the 1-based line and column (in characters) where it was found.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let message: String

    public var description: String { "\(line):\(column): \(message)" }
}

/// A strict RFC 8259 JSON parser producing `JSONValue`, numbers kept as their text. Strict means: no
/// comments, no trailing commas, no single quotes, no leading zeros or `+`, no control characters in strings,
/// no duplicate object keys (EventBridge rejects a path given twice), and nothing after the value.
public struct JSONParser: Sendable {
    /// Nesting deeper than this is an error rather than a deep recursion (the YAML reader's limit too).
    public let maxDepth: Int

    public init(maxDepth: Int = 256) {
        self.maxDepth = maxDepth
    }

    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var cursor = Cursor(scalars: Array(text.unicodeScalars))
        cursor.skipWhitespace()
        let value = try parseValue(&cursor, depth: 0)
        cursor.skipWhitespace()
        if !cursor.atEnd { throw cursor.error("unexpected \(cursor.describeCurrent()) after the JSON value") }
        return value
    }

    struct Cursor {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        var column = 1

        var atEnd: Bool { index >= scalars.count }
        var current: Unicode.Scalar? { atEnd ? nil : scalars[index] }

        mutating func advance() {
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }

        mutating func skipWhitespace() {
            while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { advance() }
        }

        func error(_ message: String) -> JSONParseError { JSONParseError(line: line, column: column, message: message) }

        func describeCurrent() -> String {
            guard let scalar = current else { return "end of input" }
            if scalar.value < 0x20 { return "control character U+\(String(scalar.value, radix: 16, uppercase: true))" }
            return "`\(Character(scalar))`"
        }

        mutating func expect(_ word: String) throws(JSONParseError) {
            for expected in word.unicodeScalars {
                guard current == expected else { throw error("expected `\(word)`, found \(describeCurrent())") }
                advance()
            }
        }
    }

    func parseValue(_ cursor: inout Cursor, depth: Int) throws(JSONParseError) -> JSONValue {
        guard let scalar = cursor.current else { throw cursor.error("expected a JSON value, found end of input") }
        switch scalar {
        case "{": return try parseObject(&cursor, depth: depth + 1)
        case "[": return try parseArray(&cursor, depth: depth + 1)
        case "\"": return .string(try parseString(&cursor))
        case "t":
            try cursor.expect("true")
            return .bool(true)
        case "f":
            try cursor.expect("false")
            return .bool(false)
        case "n":
            try cursor.expect("null")
            return .null
        case "-", "0"..."9": return .number(try parseNumber(&cursor))
        default: throw cursor.error("expected a JSON value, found \(cursor.describeCurrent())")
        }
    }

    func parseObject(_ cursor: inout Cursor, depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= maxDepth else { throw cursor.error("nesting deeper than \(maxDepth) levels") }
        cursor.advance()
        cursor.skipWhitespace()
        var members: [(String, JSONValue)] = []
        var seen: Set<String> = []
        if cursor.current == "}" {
            cursor.advance()
            return .object(members)
        }
        while true {
            guard cursor.current == "\"" else { throw cursor.error("expected a string key, found \(cursor.describeCurrent())") }
            let keyError = cursor.error("")
            let key = try parseString(&cursor)
            guard seen.insert(key).inserted else {
                throw JSONParseError(line: keyError.line, column: keyError.column, message: "duplicate key \"\(key)\"")
            }
            cursor.skipWhitespace()
            guard cursor.current == ":" else { throw cursor.error("expected `:` after the key, found \(cursor.describeCurrent())") }
            cursor.advance()
            cursor.skipWhitespace()
            members.append((key, try parseValue(&cursor, depth: depth)))
            cursor.skipWhitespace()
            if cursor.current == "," {
                cursor.advance()
                cursor.skipWhitespace()
                if cursor.current == "}" { throw cursor.error("trailing comma before `}`") }
                continue
            }
            guard cursor.current == "}" else { throw cursor.error("expected `,` or `}`, found \(cursor.describeCurrent())") }
            cursor.advance()
            return .object(members)
        }
    }

    func parseArray(_ cursor: inout Cursor, depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= maxDepth else { throw cursor.error("nesting deeper than \(maxDepth) levels") }
        cursor.advance()
        cursor.skipWhitespace()
        var items: [JSONValue] = []
        if cursor.current == "]" {
            cursor.advance()
            return .array(items)
        }
        while true {
            items.append(try parseValue(&cursor, depth: depth))
            cursor.skipWhitespace()
            if cursor.current == "," {
                cursor.advance()
                cursor.skipWhitespace()
                if cursor.current == "]" { throw cursor.error("trailing comma before `]`") }
                continue
            }
            guard cursor.current == "]" else { throw cursor.error("expected `,` or `]`, found \(cursor.describeCurrent())") }
            cursor.advance()
            return .array(items)
        }
    }

    func parseString(_ cursor: inout Cursor) throws(JSONParseError) -> String {
        cursor.advance()
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = cursor.current else { throw cursor.error("unterminated string") }
            if scalar == "\"" {
                cursor.advance()
                return String(text)
            }
            if scalar.value < 0x20 { throw cursor.error("\(cursor.describeCurrent()) in a string must be escaped") }
            if scalar != "\\" {
                text.append(scalar)
                cursor.advance()
                continue
            }
            cursor.advance()
            guard let escaped = cursor.current else { throw cursor.error("unterminated string") }
            switch escaped {
            case "\"", "\\", "/": text.append(escaped)
            case "b": text.append("\u{08}")
            case "f": text.append("\u{0C}")
            case "n": text.append("\n")
            case "r": text.append("\r")
            case "t": text.append("\t")
            case "u":
                cursor.advance()
                let high = try parseHex4(&cursor)
                if (0xD800...0xDBFF).contains(high) {
                    guard cursor.current == "\\" else { throw cursor.error("a high surrogate must be followed by a low one") }
                    cursor.advance()
                    guard cursor.current == "u" else { throw cursor.error("a high surrogate must be followed by a low one") }
                    cursor.advance()
                    let low = try parseHex4(&cursor)
                    guard (0xDC00...0xDFFF).contains(low) else { throw cursor.error("invalid low surrogate") }
                    text.append(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!)
                } else if let scalar = Unicode.Scalar(high) {
                    text.append(scalar)
                } else {
                    throw cursor.error("lone low surrogate \\u\(String(high, radix: 16))")
                }
                continue
            default: throw cursor.error("invalid escape `\\\(Character(escaped))`")
            }
            cursor.advance()
        }
    }

    func parseHex4(_ cursor: inout Cursor) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = cursor.current, let digit = Self.hexDigit(scalar) else {
                throw cursor.error("expected four hex digits after \\u")
            }
            value = value * 16 + digit
            cursor.advance()
        }
        return value
    }

    static func hexDigit(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 0x30
        case "a"..."f": scalar.value - 0x61 + 10
        case "A"..."F": scalar.value - 0x41 + 10
        default: nil
        }
    }

    func parseNumber(_ cursor: inout Cursor) throws(JSONParseError) -> String {
        let start = cursor.index
        let startError = cursor.error("")
        while let scalar = cursor.current, "0123456789+-.eE".unicodeScalars.contains(scalar) { cursor.advance() }
        let text = String(String.UnicodeScalarView(cursor.scalars[start..<cursor.index]))
        guard JSONValue.isJSONNumber(text) else {
            throw JSONParseError(line: startError.line, column: startError.column, message: "invalid number `\(text)`")
        }
        return text
    }
}
