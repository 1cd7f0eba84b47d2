import TriggerModel

/// Writes templates canonically (SPEC 5.3): sections in CloudFormation's order, then `JSONWriter`'s bytes.
public enum TemplateWriter {
    /// The canonical text of a template.
    public static func json(_ template: Template) -> String { JSONWriter.pretty(template.json) }

    /// The value on one line with no spaces, as CloudFormation measures sizes.
    public static func compact(_ value: JSONValue) -> String { JSONWriter.compact(value) }

    /// Sorts object keys recursively, so that properties never depend on the order an emitter built them in.
    public static func sortedKeys(_ value: JSONValue) -> JSONValue { JSONWriter.sortedKeys(value) }
}
