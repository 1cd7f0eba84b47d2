import TriggerModel

/// Writes templates canonically (SPEC 5.3): sections in CloudFormation's order, then `JSONWriter`'s bytes.
public enum TemplateWriter {
    /// The canonical text of a template.
    public static func json(_ template: Template) -> String { JSONWriter.pretty(template.json) }

    /// The canonical text of a template already turned into its JSON value (`template.json`).
    public static func json(_ value: JSONValue) -> String { JSONWriter.pretty(value) }

    /// The value on one line with no spaces, as CloudFormation measures sizes.
    public static func compact(_ value: JSONValue) -> String { JSONWriter.compact(value) }

    /// The size of `compact(value)` in bytes, counted without building it.
    public static func compactByteCount(_ value: JSONValue) -> Int { JSONWriter.compactByteCount(value) }

    /// Sorts object keys recursively, so that properties never depend on the order an emitter built them in.
    public static func sortedKeys(_ value: JSONValue) -> JSONValue { JSONWriter.sortedKeys(value) }
}
