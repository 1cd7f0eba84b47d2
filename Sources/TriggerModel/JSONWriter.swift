/// Writes JSON canonically: 2-space indent, members in the order given, `": "` separators, a trailing newline.
/// Identical values give identical bytes on every run and machine (SPEC 5.3).
public enum JSONWriter {
    /// The canonical text of any JSON value, ending with a newline.
    public static func pretty(_ value: JSONValue) -> String {
        var output = ""
        write(value, indent: 0, into: &output)
        output.append("\n")
        return output
    }

    /// The value on one line with no spaces, as CloudFormation measures sizes.
    public static func compact(_ value: JSONValue) -> String {
        var output = ""
        writeCompact(value, into: &output)
        return output
    }

    /// Sorts object keys recursively, so that properties never depend on the order an emitter built them in.
    public static func sortedKeys(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items): .array(items.map(sortedKeys))
        case .object(let members): .object(members.sorted { $0.0 < $1.0 }.map { ($0.0, sortedKeys($0.1)) })
        default: value
        }
    }

    static func write(_ value: JSONValue, indent: Int, into output: inout String) {
        switch value {
        case .array(let items) where !items.isEmpty:
            output.append("[\n")
            for (index, item) in items.enumerated() {
                output.append(String(repeating: " ", count: indent + 2))
                write(item, indent: indent + 2, into: &output)
                output.append(index == items.count - 1 ? "\n" : ",\n")
            }
            output.append(String(repeating: " ", count: indent))
            output.append("]")
        case .object(let members) where !members.isEmpty:
            output.append("{\n")
            for (index, (key, item)) in members.enumerated() {
                output.append(String(repeating: " ", count: indent + 2))
                writeString(key, into: &output)
                output.append(": ")
                write(item, indent: indent + 2, into: &output)
                output.append(index == members.count - 1 ? "\n" : ",\n")
            }
            output.append(String(repeating: " ", count: indent))
            output.append("}")
        default:
            writeCompact(value, into: &output)
        }
    }

    static func writeCompact(_ value: JSONValue, into output: inout String) {
        switch value {
        case .null: output.append("null")
        case .bool(let flag): output.append(flag ? "true" : "false")
        case .number(let text): output.append(text)
        case .string(let text): writeString(text, into: &output)
        case .array(let items):
            output.append("[")
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(",") }
                writeCompact(item, into: &output)
            }
            output.append("]")
        case .object(let members):
            output.append("{")
            for (index, (key, item)) in members.enumerated() {
                if index > 0 { output.append(",") }
                writeString(key, into: &output)
                output.append(":")
                writeCompact(item, into: &output)
            }
            output.append("}")
        }
    }

    static func writeString(_ text: String, into output: inout String) {
        output.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case "\u{08}": output.append("\\b")
            case "\u{0C}": output.append("\\f")
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output.append("\"")
    }
}
