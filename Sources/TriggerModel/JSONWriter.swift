/// Writes JSON canonically: 2-space indent, members in the order given, `": "` separators, a trailing newline.
/// Identical values give identical bytes on every run and machine (SPEC 5.3).
public enum JSONWriter {
    /// The canonical text of any JSON value, ending with a newline.
    public static func pretty(_ value: JSONValue) -> String {
        // Templates are a few kilobytes; starting there saves the first handful of doublings.
        var output = ByteSink(capacity: 8192)
        var layout = 0
        write(value, indent: 0, sortingKeys: false, into: &output, layout: &layout)
        output.append(newline)
        return output.text()
    }

    /// The value on one line with no spaces, as CloudFormation measures sizes.
    public static func compact(_ value: JSONValue) -> String {
        var output = ByteSink(capacity: 256)
        writeCompact(value, into: &output)
        return output.text()
    }

    /// `compact(value).utf8.count`, counted without building the text.
    public static func compactByteCount(_ value: JSONValue) -> Int {
        switch value {
        case .null: 4
        case .bool(let flag): flag ? 4 : 5
        case .number(let text): text.utf8.count
        case .string(let text): escapedByteCount(text)
        case .array(let items): items.reduce(1 + max(items.count - 1, 0) + 1) { $0 + compactByteCount($1) }
        case .object(let members):
            members.reduce(1 + max(members.count - 1, 0) + 1) { $0 + escapedByteCount($1.0) + 1 + compactByteCount($1.1) }
        }
    }

    /// Sorts object keys recursively, so that properties never depend on the order an emitter built them in.
    public static func sortedKeys(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items): .array(items.map(sortedKeys))
        case .object(let members): .object(members.sorted { $0.0 < $1.0 }.map { ($0.0, sortedKeys($0.1)) })
        default: value
        }
    }

    /// Pretty JSON written an object member at a time, for documents whose outer objects are not `JSONValue`s
    /// (templates); gives `pretty`'s bytes and, from the same pass, the size of the compact form.
    public struct Stream: ~Copyable {
        private var output = ByteSink(capacity: 16_384)
        private var layout = 0
        /// For each open object, whether it has a member yet.
        private var open: [Bool] = []

        public init() {}

        /// Opens an object, at the top or as the value of the member just named by `key`.
        public mutating func beginObject() {
            output.append(UInt8(ascii: "{"))
            open.append(false)
        }

        public mutating func endObject() {
            if open.removeLast() { JSONWriter.newline(indent: 2 * open.count, into: &output, layout: &layout) }
            output.append(UInt8(ascii: "}"))
        }

        /// Starts a member of the innermost open object; its value follows (`value` or `beginObject`).
        public mutating func key(_ key: String) {
            if open[open.count - 1] { output.append(UInt8(ascii: ",")) }
            open[open.count - 1] = true
            JSONWriter.newline(indent: 2 * open.count, into: &output, layout: &layout)
            JSONWriter.writeString(key, into: &output)
            output.append(UInt8(ascii: ":"))
            output.append(JSONWriter.space)
            layout += 1
        }

        /// Writes a value; `sortingKeys` writes its objects as `JSONWriter.sortedKeys` would order them.
        public mutating func value(_ value: JSONValue, sortingKeys: Bool = false) {
            JSONWriter.write(value, indent: 2 * open.count, sortingKeys: sortingKeys, into: &output, layout: &layout)
        }

        /// `key` then `value`.
        public mutating func member(_ key: String, _ value: JSONValue, sortingKeys: Bool = false) {
            self.key(key)
            self.value(value, sortingKeys: sortingKeys)
        }

        /// The text with its trailing newline, and the byte count of the same document written compactly.
        public consuming func finish() -> (text: String, compactByteCount: Int) {
            output.append(JSONWriter.newline)
            let compactByteCount = output.count - layout - 1
            return (output.text(), compactByteCount)
        }
    }

    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")

    /// Writes `value` indented; `layout` grows by the bytes the compact form would not have (line breaks,
    /// indentation, the space after each colon). `sortingKeys` writes every object's members sorted by key,
    /// as `sortedKeys(value)` would, without building the sorted copy.
    static func write(_ value: JSONValue, indent: Int, sortingKeys: Bool, into output: inout ByteSink, layout: inout Int) {
        switch value {
        case .array(let items) where !items.isEmpty:
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent: indent + 2, into: &output, layout: &layout)
                write(item, indent: indent + 2, sortingKeys: sortingKeys, into: &output, layout: &layout)
            }
            newline(indent: indent, into: &output, layout: &layout)
            output.append(UInt8(ascii: "]"))
        case .object(let members) where !members.isEmpty:
            output.append(UInt8(ascii: "{"))
            func member(_ index: Int, first: Bool) {
                if !first { output.append(UInt8(ascii: ",")) }
                newline(indent: indent + 2, into: &output, layout: &layout)
                writeString(members[index].0, into: &output)
                output.append(UInt8(ascii: ":"))
                output.append(space)
                layout += 1
                write(members[index].1, indent: indent + 2, sortingKeys: sortingKeys, into: &output, layout: &layout)
            }
            // Most objects are small and many are already in order. Those that are not are visited through sorted
            // indices, which moves integers instead of copying keys and values.
            if sortingKeys, members.indices.dropFirst().contains(where: { members[$0 - 1].0 >= members[$0].0 }) {
                for (position, index) in members.indices.sorted(by: { members[$0].0 < members[$1].0 }).enumerated() {
                    member(index, first: position == 0)
                }
            } else {
                for index in members.indices { member(index, first: index == 0) }
            }
            newline(indent: indent, into: &output, layout: &layout)
            output.append(UInt8(ascii: "}"))
        default:
            writeCompact(value, into: &output)
        }
    }

    @inline(__always)
    static func newline(indent: Int, into output: inout ByteSink, layout: inout Int) {
        output.append(newline)
        output.append(repeating: space, count: indent)
        layout += 1 + indent
    }

    static func writeCompact(_ value: JSONValue, into output: inout ByteSink) {
        switch value {
        case .null: output.append("null" as StaticString)
        case .bool(let flag): output.append(flag ? "true" as StaticString : "false")
        case .number(let text): output.append(text)
        case .string(let text): writeString(text, into: &output)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeCompact(item, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, (key, item)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                writeCompact(item, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// The escape of one UTF-8 byte that needs one, or `nil`. U+2028 and U+2029 (`E2 80 A8`, `E2 80 A9`) are
    /// escaped too, because JavaScript string literals cannot hold them; `escape(for:)` handles them.
    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == quote || byte == backslash || byte == 0xE2
    }

    /// Whether any of eight bytes is below 0x20, a quote, a backslash or not ASCII (a superset of `needsEscape`;
    /// bit tricks from "Bit Twiddling Hacks", determine if a word has a byte less than n / equal to n).
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quotes = word ^ (ones &* UInt64(quote))
        let backslashes = word ^ (ones &* UInt64(backslash))
        let hasQuote = (quotes &- ones) & ~quotes & highs
        let hasBackslash = (backslashes &- ones) & ~backslashes & highs
        return (control | hasQuote | hasBackslash | (word & highs)) != 0
    }

    static func writeString(_ text: String, into output: inout ByteSink) {
        var text = text
        text.withUTF8 { bytes in
            // Most strings need no escape: they go out quoted in one piece.
            guard var index = firstEscapeCandidate(in: bytes) else {
                output.appendQuoted(bytes)
                return
            }
            output.append(quote)
            var runStart = 0
            while index < bytes.count {
                guard needsEscape(bytes[index]) else {
                    index += 1
                    continue
                }
                let (escape, length) = self.escape(at: index, in: bytes)
                guard let escape else {
                    index += length
                    continue
                }
                output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(escape)
                index += length
                runStart = index
            }
            output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            output.append(quote)
        }
    }

    /// The index of the first byte that may need an escape (`needsEscape` or any other non-ASCII byte), or
    /// `nil`; eight bytes at a time while none of them can.
    @inline(__always)
    private static func firstEscapeCandidate(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = 0
        while index + 8 <= bytes.count, !mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
            index += 8
        }
        while index < bytes.count {
            let byte = base[index]
            if byte < 0x20 || byte == quote || byte == backslash || byte >= 0x80 { return index }
            index += 1
        }
        return nil
    }

    /// The byte count of `writeString(text)`.
    static func escapedByteCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 2
            var index = 0
            while index < bytes.count {
                guard needsEscape(bytes[index]) else {
                    count += 1
                    index += 1
                    continue
                }
                let (escape, length) = self.escape(at: index, in: bytes)
                count += escape?.utf8.count ?? length
                index += length
            }
            return count
        }
    }

    /// The escape for the character at `index` (whose first byte `needsEscape`) and its length in bytes;
    /// `nil` when it is written as it is.
    private static func escape(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (String?, Int) {
        switch bytes[index] {
        case quote: return ("\\\"", 1)
        case backslash: return ("\\\\", 1)
        case UInt8(ascii: "\n"): return ("\\n", 1)
        case UInt8(ascii: "\r"): return ("\\r", 1)
        case UInt8(ascii: "\t"): return ("\\t", 1)
        case 0x08: return ("\\b", 1)
        case 0x0C: return ("\\f", 1)
        case 0xE2:
            if index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                return (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", 3)
            }
            return (nil, 1)
        case let control:
            let hex = String(control, radix: 16)
            return ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, 1)
        }
    }
}
