import TriggerModel

/// Writes templates canonically (SPEC 5.3): sections in CloudFormation's order, then `JSONWriter`'s bytes.
public enum TemplateWriter {
    /// The canonical text of a template: `JSONWriter.pretty(template.json)`.
    public static func json(_ template: Template) -> String { render(template).text }

    /// The canonical text of a template and the size CloudFormation measures (the compact form's bytes),
    /// written in one pass, straight from the template: building `template.json` and its sorted copies first
    /// cost more than writing them. `Template.json` states the same layout; a test holds the two together.
    public static func render(_ template: Template) -> (text: String, compactByteCount: Int) {
        var json = JSONWriter.Stream()
        json.beginObject()
        json.member("AWSTemplateFormatVersion", .string("2010-09-09"))
        json.member("Description", .string(template.description))
        if let metadata = template.metadata { json.member("Metadata", metadata) }
        if !template.parameters.isEmpty { json.member("Parameters", .object(template.parameters)) }
        if !template.conditions.isEmpty { json.member("Conditions", .object(template.conditions)) }
        json.key("Resources")
        json.beginObject()
        for (id, resource) in template.resources.sorted(by: { $0.0 < $1.0 }) {
            json.key(id)
            json.beginObject()
            json.member("Type", .string(resource.type))
            if let condition = resource.condition { json.member("Condition", .string(condition)) }
            if !resource.dependsOn.isEmpty { json.member("DependsOn", .array(resource.dependsOn.sorted().map { .string($0) })) }
            if let metadata = resource.metadata { json.member("Metadata", metadata) }
            if !resource.properties.isEmpty { json.member("Properties", .object(resource.properties), sortingKeys: true) }
            json.endObject()
        }
        json.endObject()
        if !template.outputs.isEmpty { json.member("Outputs", .object(template.outputs), sortingKeys: true) }
        json.endObject()
        return json.finish()
    }

    /// The value on one line with no spaces, as CloudFormation measures sizes.
    public static func compact(_ value: JSONValue) -> String { JSONWriter.compact(value) }

    /// The size of `compact(value)` in bytes, counted without building it.
    public static func compactByteCount(_ value: JSONValue) -> Int { JSONWriter.compactByteCount(value) }

    /// Sorts object keys recursively, so that properties never depend on the order an emitter built them in.
    public static func sortedKeys(_ value: JSONValue) -> JSONValue { JSONWriter.sortedKeys(value) }
}
