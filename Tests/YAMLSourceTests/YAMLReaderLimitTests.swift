import Diagnostics
import Testing
import YAMLSource

@Suite("YAMLReader limits")
struct YAMLReaderLimitTests {
    @Test func inputOverMaxBytesIsRejectedBeforeParsing() throws {
        let limits = YAMLLimits(maxBytes: 10)
        #expect(read("a: 1234567", limits: limits).diagnostics.isEmpty)
        // Over the limit nothing is parsed, so the syntax error in this text is never reported.
        let result = read("a: [56789: ", limits: limits)
        #expect(result.root == nil)
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .inputTooLarge)
        #expect(diagnostic.code.rawValue == "TRG004")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == "the file is 11 bytes; the limit is 10")
        #expect(diagnostic.range == point(1, 1))
    }

    @Test func tenMegabyteScalarIsOverTheDefaultLimit() throws {
        let bytes = Array("a: ".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 10_000_000)
        let result = read(bytes: bytes)
        #expect(result.root == nil)
        #expect(result.diagnostics.map(\.code) == [.inputTooLarge])
        #expect(result.diagnostics.first?.message == "the file is 10000003 bytes; the limit is 8388608")
        #expect(result.diagnostics.first?.range == point(1, 1))
    }

    @Test func nestingOverMaxDepthIsAnErrorAtTheCollectionThatGoesTooDeep() throws {
        let limits = YAMLLimits(maxDepth: 3)
        #expect(read("a: [[x]]\n", limits: limits).diagnostics.isEmpty)
        let result = read("a: [[[x]]]\nb: [[[[y]]]]\n", limits: limits)
        #expect(result.root == nil)
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .nestingTooDeep)
        #expect(diagnostic.code.rawValue == "TRG005")
        #expect(diagnostic.message == "collections are nested more than 3 levels deep; the limit is 3")
        #expect(diagnostic.range == span(1, 6, 1, 7))
    }

    @Test func aliasThatNestsTooDeepIsAnErrorAtTheAlias() throws {
        let limits = YAMLLimits(maxDepth: 3)
        let result = read("a: &d [[x]]\nb: [*d]\n", limits: limits)
        #expect(result.root == nil)
        #expect(result.diagnostics.map(\.code) == [.nestingTooDeep])
        #expect(
            result.diagnostics.first?.message
                == "alias *d nests collections more than 3 levels deep; the limit is 3")
        #expect(result.diagnostics.first?.range == span(2, 5, 2, 7))
    }

    @Test func deepFlowSequenceWithDefaultLimitsStopsAtTheLimit() throws {
        let depth = 5000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let result = read(text)
        #expect(result.root == nil)
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .nestingTooDeep)
        #expect(diagnostic.message == "collections are nested more than 256 levels deep; the limit is 256")
        #expect(diagnostic.range == span(1, 257, 1, 258))
    }

    @Test func deepBlockMappingWithDefaultLimitsStopsAtTheLimit() throws {
        var text = ""
        for level in 0..<1000 {
            text += String(repeating: " ", count: level) + "k:\n"
        }
        let result = read(text)
        #expect(result.diagnostics.map(\.code) == [.nestingTooDeep])
        #expect(result.diagnostics.first?.range == point(257, 257))
    }

    @Test func nodeCountOverMaxNodesIsAnErrorAtTheNodeThatExceedsIt() throws {
        let limits = YAMLLimits(maxNodes: 50)
        let items = Array(repeating: "x", count: 60).joined(separator: ", ")
        let result = read("[\(items)]", limits: limits)
        #expect(result.root == nil)
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .tooManyNodes)
        #expect(diagnostic.code.rawValue == "TRG006")
        #expect(
            diagnostic.message
                == "the document has more than 50 nodes (an alias counts every node it repeats); the limit is 50")
        // The sequence is node 1, so item 50 (at column 2 + 3 * 49) is node 51.
        #expect(diagnostic.range == span(1, 149, 1, 150))
        let fits = Array(repeating: "x", count: 49).joined(separator: ", ")
        #expect(read("[\(fits)]", limits: limits).diagnostics.isEmpty)
    }

    @Test func aliasesCountTheWholeSubtreeTheyRepeat() throws {
        let limits = YAMLLimits(maxNodes: 50)
        let result = read("a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\nb: [*a, *a, *a, *a, *a]\n", limits: limits)
        #expect(result.root == nil)
        #expect(result.diagnostics.map(\.code) == [.tooManyNodes])
        // 1 root + 1 key + 10 for a, then 1 key + 1 list: 14; each alias adds 10, so the fourth makes 54.
        #expect(
            result.diagnostics.first?.message
                == "alias *a repeats 10 nodes, which takes the document over the limit of 50 nodes")
        #expect(result.diagnostics.first?.range == span(2, 17, 2, 19))
    }

    @Test func billionLaughsStopsQuicklyWithOneError() throws {
        var lines = ["a: &a [" + Array(repeating: "\"lol\"", count: 10).joined(separator: ", ") + "]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            let aliases = Array(repeating: "*\(previous)", count: 10).joined(separator: ", ")
            lines.append("\(name): &\(name) [\(aliases)]")
        }
        let text = lines.joined(separator: "\n") + "\n"
        let clock = ContinuousClock()
        var result: YAMLReadResult?
        let elapsed = clock.measure { result = read(text) }
        let outcome = try #require(result)
        #expect(elapsed < .seconds(1))
        #expect(outcome.root == nil)
        #expect(outcome.diagnostics.count == 1)
        let diagnostic = try #require(outcome.diagnostics.first)
        #expect(diagnostic.code == .tooManyNodes)
        // a: 11 nodes, b: 111, c: 1111, d: 11111; with 12351 before e's items, the eighth *d passes 100000.
        #expect(
            diagnostic.message
                == "alias *d repeats 11111 nodes, which takes the document over the limit of 100000 nodes")
        #expect(diagnostic.range == span(5, 36, 5, 38))
    }
}
