import Testing

@testable import TriggerModel

@Suite("JSONWriter")
struct JSONWriterTests {
    static let awkward: JSONValue = .object([
        ("quote\"back\\slash", .string("line\nbreak\r\ttab\u{08}\u{0C}\u{01}\u{1F}")),
        ("separators", .string("a\u{2028}b\u{2029}c\u{2027}d")),
        ("non-ascii", .string("café ✓ 𝄞 \u{E2}")),
        ("empty", .object([])),
        ("list", .array([.null, .bool(true), .bool(false), .number("-3.0e2"), .array([])])),
        ("nested", .object([("a", .array([.object([("b", .string(""))])]))])),
    ])

    @Test func escapesTheWayJSONAndJavaScriptNeed() {
        #expect(JSONWriter.compact(.string("\"\\\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F}")) == #""\"\\\n\r\t\b\f\u0001\u001f\#u{7F}""#)
        #expect(JSONWriter.compact(.string("a\u{2028}b\u{2029}c\u{2027}")) == #""a\u2028b\u2029c\#u{2027}""#)
        #expect(JSONWriter.compact(.string("café ✓ 𝄞")) == "\"café ✓ 𝄞\"")
    }

    @Test func prettyIsIndentedWithATrailingNewline() {
        let text = JSONWriter.pretty(.object([("a", .array([.integer(1), .object([])])), ("b", .object([("c", .null)]))]))
        #expect(text == "{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": {\n    \"c\": null\n  }\n}\n")
    }

    @Test func compactByteCountIsTheSizeOfTheCompactText() {
        for value in [Self.awkward, .null, .string(""), .array([]), .object([("k", .bool(false))])] {
            #expect(JSONWriter.compactByteCount(value) == JSONWriter.compact(value).utf8.count)
        }
    }
}
