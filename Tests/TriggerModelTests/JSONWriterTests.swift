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

    /// The writer skips eight bytes at a time when none can need an escape: an escape at every position of
    /// strings longer and shorter than a word must still be found.
    @Test func escapesAreFoundAtEveryPositionOfLongStrings() {
        func reference(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\u{01}": out += "\\u0001"
                case "\u{2028}": out += "\\u2028"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        for special in ["\"", "\\", "\n", "\u{01}", "\u{2028}", "é", "~", "\u{7F}"] {
            for length in [0, 7, 8, 9, 15, 16, 17, 24] {
                for position in 0...length {
                    var text = String(repeating: "a", count: length)
                    text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: position))
                    #expect(JSONWriter.compact(.string(text)) == reference(text), "\(special.debugDescription) at \(position) of \(length)")
                }
            }
        }
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
