import Diagnostics
import Testing
import YAMLSource

/// A small deterministic generator so mutated inputs are the same on every run.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("YAMLReader robustness")
struct YAMLReaderRobustnessTests {
    static let seeds: [String] = [
        "name: orders\nqueue: &q\n  visibility: 30\n  fifo: true\nother:\n  <<: *q\n  fifo: false\n",
        "list:\n- [1, 2, {a: b}]\n- 'single ''quoted'''\n- \"dq \\u00e9 \\t\"\n- |\n  literal\n- >-\n  folded\n",
        "\u{FEFF}k: é\r\nm: {a: 😀, b: [x, y]}\r\n? [c, d]\r\n: e\r\n",
        "a: &a [1, 2]\nb: [*a, *a]\nc: !!str 3\nd: !custom {x: ~}\n---\nsecond: doc\n",
    ]

    /// Checks what must hold for any input: no root without an error, only errors, and every node and
    /// diagnostic on a line that exists.
    static func checkInvariants(_ bytes: [UInt8], limits: YAMLLimits = .default) {
        let result = read(bytes: bytes, limits: limits)
        if result.root == nil { #expect(!result.diagnostics.isEmpty) }
        let lineCount =
            zip(bytes, bytes.dropFirst() + [0]).filter { $0 == 0x0A || ($0 == 0x0D && $1 != 0x0A) }.count + 1
        var nodes = result.root.map { [$0] } ?? []
        while let node = nodes.popLast() {
            #expect(node.range.start.line >= 1 && node.range.start.column >= 1)
            #expect(node.range.start <= node.range.end)
            #expect(node.range.end.line <= lineCount)
            switch node.kind {
            case .scalar: break
            case .sequence(let items): nodes += items
            case .mapping(let pairs): nodes += pairs.flatMap { [$0.key, $0.value] }
            }
        }
        for diagnostic in result.diagnostics {
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.message.first?.isLowercase == true)
            #expect(diagnostic.message.last != ".")
            for range in [diagnostic.range] + diagnostic.notes.compactMap(\.range) {
                #expect(range.file == testFile)
                #expect(range.start.line >= 1 && range.start.column >= 1)
                #expect(range.start <= range.end)
                #expect(range.end.line <= lineCount)
            }
        }
    }

    @Test(arguments: seeds)
    func everyPrefixReadsWithoutCrashing(seed: String) {
        let bytes = Array(seed.utf8)
        for length in 0...bytes.count {
            Self.checkInvariants(Array(bytes[..<length]))
        }
    }

    @Test(arguments: seeds.indices)
    func mutatedInputsReadWithoutCrashing(index: Int) {
        let interesting: [UInt8] = [0x00, 0xFF, 0xC3, 0xE2, 0x80, 0x09, 0x0D, 0x0A] + Array("[]{}:-*&!|>#<'\",?".utf8)
        var generator = SplitMix64(state: UInt64(index + 1))
        let original = Array(Self.seeds[index].utf8)
        for _ in 0..<500 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                let byte = interesting.randomElement(using: &generator) ?? 0
                if Bool.random(using: &generator) {
                    bytes[position] = byte
                } else {
                    bytes.insert(byte, at: position)
                }
            }
            Self.checkInvariants(bytes)
            Self.checkInvariants(bytes, limits: YAMLLimits(maxBytes: 1000, maxDepth: 2, maxNodes: 8))
        }
    }
}
