import TriggerModel

/// Writes a template as block-style YAML for `compile --format yaml`. Strings are double-quoted with JSON's
/// escapes (a subset of YAML's), so that no value is ever re-typed by a YAML reader.
public enum YAMLTemplateWriter {
    public static func yaml(_ template: Template) -> String {
        var output = ""
        write(template.json, indent: 0, into: &output)
        return output
    }

    static func write(_ value: JSONValue, indent: Int, into output: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .object(let members) where !members.isEmpty:
            for (key, item) in members {
                output += pad + yamlKey(key) + ":"
                writeNested(item, indent: indent, into: &output)
            }
        case .array(let items) where !items.isEmpty:
            for item in items {
                output += pad + "-"
                switch item {
                case .object(let members) where !members.isEmpty:
                    var nested = ""
                    write(item, indent: indent + 2, into: &nested)
                    output += " " + nested.dropFirst(indent + 2)
                case .array(let inner) where !inner.isEmpty:
                    output += "\n"
                    write(item, indent: indent + 2, into: &output)
                default:
                    output += " " + scalar(item) + "\n"
                }
            }
        default:
            output += pad + scalar(value) + "\n"
        }
    }

    static func writeNested(_ value: JSONValue, indent: Int, into output: inout String) {
        switch value {
        case .object(let members) where !members.isEmpty:
            output += "\n"
            write(value, indent: indent + 2, into: &output)
        case .array(let items) where !items.isEmpty:
            output += "\n"
            write(value, indent: indent + 2, into: &output)
        default:
            output += " " + scalar(value) + "\n"
        }
    }

    static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .object: "{}"
        case .array: "[]"
        default: JSONWriter.compact(value)
        }
    }

    static func yamlKey(_ key: String) -> String {
        let plain =
            !key.isEmpty
            && key.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
                    || $0 == "." || $0 == ":"
            } && key.first?.isLetter == true && !key.hasSuffix(":")
        return plain ? key : JSONWriter.compact(.string(key))
    }
}
