import CLibYAML
import Diagnostics

/// Owns one libyaml event parser and the copy of the input it reads, so `yaml_parser_delete` always runs and
/// the parser never outlives its bytes.
final class LibYAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let byteCount: Int
    private let isInitialized: Bool
    private let file: String
    /// Just after the last character, where libyaml's marks past the end of the text belong.
    private lazy var endOfInput: SourceLocation = Self.location(
        ofByteOffset: byteCount, in: UnsafeBufferPointer(rebasing: input[..<byteCount]),
        encoding: parser.pointee.encoding)
    /// Whether UTF-8 text ends with a line break, after which libyaml has no line to pretend and no mark is
    /// past the end: then `endOfInput`, a count of every character, is never needed.
    private lazy var endsWithLineBreak: Bool =
        parser.pointee.encoding == YAML_UTF8_ENCODING && byteCount > 0
        && (input[byteCount - 1] == UInt8(ascii: "\n") || input[byteCount - 1] == UInt8(ascii: "\r"))

    init(bytes: [UInt8], file: String) {
        self.file = file
        byteCount = bytes.count
        parser = .allocate(capacity: 1)
        // libyaml keeps a pointer to the input, so it gets a buffer whose lifetime this object controls.
        input = .allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        isInitialized = yaml_parser_initialize(parser) != 0
        if isInitialized {
            yaml_parser_set_input_string(parser, input.baseAddress, byteCount)
        }
    }

    deinit {
        if isInitialized { yaml_parser_delete(parser) }
        parser.deallocate()
        input.deallocate()
    }

    /// The next event, or the error that stopped libyaml. After an error libyaml cannot go on.
    func next() -> Result<YAMLEvent, LibYAMLError> {
        guard isInitialized else {
            return .failure(
                LibYAMLError(
                    problem: "libyaml could not allocate its parser", location: SourceLocation(line: 1, column: 1),
                    context: nil, contextLocation: nil))
        }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) != 0 else { return .failure(currentError()) }
        defer { yaml_event_delete(&event) }
        return .success(convert(event))
    }

    /// The single place where libyaml's 0-based marks become 1-based locations.
    static func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    /// A mark's location, kept inside the text: at the end of a file without a final line break libyaml
    /// pretends one is there, so its marks (empty scalars, errors) point at column 1 of a line that does not
    /// exist; those belong just after the last character instead.
    private func position(_ mark: yaml_mark_t) -> SourceLocation {
        let location = Self.location(mark)
        guard mark.column == 0, mark.line > 0, !endsWithLineBreak else { return location }
        return min(location, endOfInput)
    }

    private func range(_ event: yaml_event_t) -> SourceRange {
        SourceRange(file: file, start: position(event.start_mark), end: position(event.end_mark))
    }

    private func convert(_ event: yaml_event_t) -> YAMLEvent {
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return .streamStart
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart(range(event))
        case YAML_DOCUMENT_END_EVENT:
            return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: Self.string(event.data.alias.anchor) ?? "", range: range(event))
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value =
                scalar.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
                } ?? ""
            return .scalar(
                value: value, style: Self.style(scalar.style), tag: Self.string(scalar.tag),
                anchor: Self.string(scalar.anchor), range: range(event))
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            return .sequenceStart(
                tag: Self.string(start.tag), anchor: Self.string(start.anchor),
                isFlow: start.style == YAML_FLOW_SEQUENCE_STYLE, range: range(event))
        case YAML_SEQUENCE_END_EVENT:
            return .sequenceEnd(range(event))
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            return .mappingStart(
                tag: Self.string(start.tag), anchor: Self.string(start.anchor),
                isFlow: start.style == YAML_FLOW_MAPPING_STYLE, range: range(event))
        case YAML_MAPPING_END_EVENT:
            return .mappingEnd(range(event))
        default:
            // libyaml's parser emits no other event types; YAML_STREAM_END_EVENT is the only one left.
            return .streamEnd
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private func currentError() -> LibYAMLError {
        let state = parser.pointee
        let bytes = UnsafeBufferPointer(rebasing: input[..<byteCount])
        var problem =
            state.error == YAML_MEMORY_ERROR
            ? "libyaml ran out of memory"
            : state.problem.map { String(cString: $0) } ?? "libyaml failed without saying why"
        let location: SourceLocation
        switch state.error {
        case YAML_READER_ERROR:
            // The reader decodes ahead of the scanner and never sets problem_mark (it stays 0:0), only the
            // byte offset, so the location is recomputed from the bytes.
            location = Self.location(
                ofByteOffset: Int(state.problem_offset),
                in: bytes,
                encoding: state.encoding)
            if state.problem_value >= 0 {
                let value = String(state.problem_value, radix: 16, uppercase: true)
                if problem.contains("octet") || problem.contains("UTF-8 sequence") {
                    problem += " (byte 0x\(value.count < 2 ? "0" + value : value))"
                } else {
                    problem += " (U+\(String(repeating: "0", count: max(0, 4 - value.count)) + value))"
                }
            }
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            location = position(state.problem_mark)
        default:
            location = SourceLocation(line: 1, column: 1)
        }
        let context = state.context.map { String(cString: $0) }
        return LibYAMLError(
            problem: problem, location: location, context: context,
            contextLocation: context == nil ? nil : position(state.context_mark))
    }

    /// The line and column of a byte offset, counted the way libyaml counts marks: a leading byte order mark
    /// is not a character, columns are code points, and CR LF, CR, LF, NEL, LS and PS each end a line.
    static func location(
        ofByteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>, encoding: yaml_encoding_t
    ) -> SourceLocation {
        let end = min(max(offset, 0), bytes.count)
        var counter = LineCounter()
        switch encoding {
        case YAML_UTF16LE_ENCODING, YAML_UTF16BE_ENCODING:
            let littleEndian = encoding == YAML_UTF16LE_ENCODING
            var units: [UInt16] = []
            units.reserveCapacity(end / 2)
            var index = 0
            while index + 1 < end {
                let first = UInt16(bytes[index])
                let second = UInt16(bytes[index + 1])
                units.append(littleEndian ? first | second << 8 : first << 8 | second)
                index += 2
            }
            // libyaml reports a bad low surrogate at its own offset; the character starts at the high one.
            if let last = units.last, (0xD800..<0xDC00).contains(last) { units.removeLast() }
            var iterator = units.dropFirst(units.first == 0xFEFF ? 1 : 0).makeIterator()
            var decoder = UTF16()
            decode(&decoder, &iterator, into: &counter)
        default:
            var start = 0
            if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
            var iterator = bytes[start..<Self.characterStart(before: end, from: start, in: bytes)].makeIterator()
            var decoder = UTF8()
            decode(&decoder, &iterator, into: &counter)
        }
        return counter.location
    }

    /// `end`, or the start of the UTF-8 sequence that `end` cuts short: libyaml reports a bad trailing octet
    /// at that octet, but the diagnostic belongs at the character it was meant to continue.
    private static func characterStart(before end: Int, from start: Int, in bytes: UnsafeBufferPointer<UInt8>)
        -> Int
    {
        var lead = end
        while lead > start, end - lead < 3, bytes[lead - 1] & 0xC0 == 0x80 { lead -= 1 }
        guard lead > start, bytes[lead - 1] >= 0xC0 else { return end }
        let leadByte = bytes[lead - 1]
        let length = leadByte >= 0xF0 ? 4 : leadByte >= 0xE0 ? 3 : 2
        return end - (lead - 1) < length ? lead - 1 : end
    }

    /// Follows line breaks the way libyaml's scanner does.
    private struct LineCounter {
        private var line = 1
        private var column = 1
        private var previousWasCR = false

        var location: SourceLocation { SourceLocation(line: line, column: column) }

        mutating func add(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x0A where previousWasCR:
                break
            case 0x0A, 0x0D, 0x85, 0x2028, 0x2029:
                line += 1
                column = 1
            default:
                column += 1
            }
            previousWasCR = scalar.value == 0x0D
        }
    }

    private static func decode<Codec: UnicodeCodec, Iterator: IteratorProtocol>(
        _ decoder: inout Codec, _ iterator: inout Iterator, into counter: inout LineCounter
    ) where Iterator.Element == Codec.CodeUnit {
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): counter.add(scalar)
            // The bytes before a reader error were accepted by libyaml, so this is only defensive.
            case .error: counter.add("\u{FFFD}")
            case .emptyInput: break loop
            }
        }
    }
}
