/// A JSON value with ordered object members and numbers kept as their source text, so that an event
/// pattern's `3.0e2` stays `3.0e2` (EventBridge compares numbers in exact matches by their text).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number in JSON syntax, exactly as it will be written.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func integer(_ value: Int) -> JSONValue { .number(String(value)) }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .number(let value): hasher.combine(value)
        case .string(let value): hasher.combine(value)
        case .array(let values): hasher.combine(values)
        case .object(let members):
            for (key, value) in members {
                hasher.combine(key)
                hasher.combine(value)
            }
        }
    }

    /// The member of an object by key, or `nil`.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// Whether `text` is a number in JSON's grammar (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`).
    public static func isJSONNumber(_ text: String) -> Bool {
        var scalars = Array(text.utf8)[...]
        func digits() -> Int {
            var count = 0
            while let first = scalars.first, first >= 0x30, first <= 0x39 {
                scalars.removeFirst()
                count += 1
            }
            return count
        }
        if scalars.first == UInt8(ascii: "-") { scalars.removeFirst() }
        if scalars.first == UInt8(ascii: "0") {
            scalars.removeFirst()
        } else if digits() == 0 {
            return false
        }
        if scalars.first == UInt8(ascii: ".") {
            scalars.removeFirst()
            if digits() == 0 { return false }
        }
        if scalars.first == UInt8(ascii: "e") || scalars.first == UInt8(ascii: "E") {
            scalars.removeFirst()
            if scalars.first == UInt8(ascii: "+") || scalars.first == UInt8(ascii: "-") { scalars.removeFirst() }
            if digits() == 0 { return false }
        }
        return scalars.isEmpty
    }
}
