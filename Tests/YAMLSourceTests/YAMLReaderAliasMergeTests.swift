import Diagnostics
import Testing
import YAMLSource

@Suite("YAMLReader anchors, aliases and merge keys")
struct YAMLReaderAliasMergeTests {
    @Test func aliasExpandsToTheAnchoredNode() throws {
        let result = read("base: &b\n  x: 1\ncopy: *b\nlist: [&s hi, *s]\n")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        let base = try #require(root.value(forKey: "base"))
        let copy = try #require(root.value(forKey: "copy"))
        #expect(base.anchor == "b")
        #expect(base.range == span(1, 7, 2, 7))
        #expect(copy == base)
        #expect(copy.range == span(1, 7, 2, 7))
        let items = try #require(root.value(forKey: "list")?.items)
        #expect(items.count == 2)
        #expect(items[0] == items[1])
        #expect(items[1].scalar == "hi")
        #expect(items[1].anchor == "s")
        #expect(items[1].range == span(4, 8, 4, 13))
    }

    @Test func aliasAfterARedefinedAnchorTakesTheLatestNode() throws {
        let result = read("- &a 1\n- *a\n- &a 2\n- *a\n")
        #expect(result.diagnostics.isEmpty)
        let items = try #require(result.root?.items)
        #expect(items.map(\.scalar) == ["1", "1", "2", "2"])
        #expect(items[3].range == span(3, 3, 3, 7))
    }

    @Test func undefinedAliasIsAnErrorAtTheAlias() throws {
        let result = read("a: *nope\nb: 1\n")
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .undefinedAlias)
        #expect(diagnostic.code.rawValue == "TRG008")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == "undefined alias *nope; no node before it has the anchor &nope")
        #expect(diagnostic.range == span(1, 4, 1, 9))
        let root = try #require(result.root)
        #expect(root.value(forKey: "a")?.kind == .scalar("", .plain))
        #expect(root.value(forKey: "b")?.scalar == "1")
    }

    @Test func aliasInsideItsOwnAnchoredNodeIsUndefined() throws {
        let result = read("a: &x [1, *x]\n")
        #expect(result.diagnostics.map(\.code) == [.undefinedAlias])
        #expect(result.diagnostics.first?.message == "alias *x refers to a node that contains it")
        #expect(result.diagnostics.first?.range == span(1, 11, 1, 13))
    }

    @Test func singleMergeInsertsPairsWhereTheMergeKeyIsAndKeepsTheirRanges() throws {
        let text = "base: &base\n  timeout: 30\n  memory: 128\nfn:\n  <<: *base\n  name: f\n"
        let result = read(text)
        #expect(result.diagnostics.isEmpty)
        let fn = try #require(result.root?.value(forKey: "fn"))
        #expect(fn.keyTexts == ["timeout", "memory", "name"])
        let pairs = try #require(fn.pairs)
        #expect(pairs[0].key.range == span(2, 3, 2, 10))
        #expect(pairs[0].value.scalar == "30")
        #expect(pairs[0].value.range == span(2, 12, 2, 14))
        #expect(pairs[1].value.range == span(3, 11, 3, 14))
        #expect(pairs[2].key.range == span(6, 3, 6, 7))
        #expect(fn.range == span(5, 3, 6, 10))
    }

    @Test func earlierMapsInAMergeListWin() throws {
        let result = read("a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n")
        #expect(result.diagnostics.isEmpty)
        let c = try #require(result.root?.value(forKey: "c"))
        #expect(c.keyTexts == ["x", "y", "z"])
        let pairs = try #require(c.pairs)
        #expect(pairs.map { $0.value.scalar } == ["1", "1", "2"])
        #expect(pairs[1].key.range == span(1, 14, 1, 15))
        #expect(pairs[2].key.range == span(2, 14, 2, 15))
    }

    @Test func explicitKeysOverrideMergedOnesWhereverTheyAreWritten() throws {
        let result = read("base: &base {x: 1, y: 2, z: 3}\nm:\n  y: 20\n  <<: *base\n  z: 30\n")
        #expect(result.diagnostics.isEmpty)
        let m = try #require(result.root?.value(forKey: "m"))
        #expect(m.keyTexts == ["y", "x", "z"])
        let pairs = try #require(m.pairs)
        #expect(pairs.map { $0.value.scalar } == ["20", "1", "30"])
        #expect(pairs[0].key.range == span(3, 3, 3, 4))
        #expect(pairs[1].key.range == span(1, 14, 1, 15))
        #expect(pairs[2].key.range == span(5, 3, 5, 4))
    }

    @Test func inlineMappingAndMergeTaggedKeyMerge() throws {
        let result = read("a: {<<: {k: v}, j: w}\nb: {!!merge <<: {k: v}}\n")
        #expect(result.diagnostics.isEmpty)
        let a = try #require(result.root?.value(forKey: "a"))
        #expect(a.keyTexts == ["k", "j"])
        #expect(a.pairs?.first?.value.range == span(1, 13, 1, 14))
        #expect(result.root?.value(forKey: "b")?.keyTexts == ["k"])
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() throws {
        let result = read("\"<<\": {k: v}\n")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(root.keyTexts == ["<<"])
        #expect(root.pairs?.first?.key.style == .doubleQuoted)
    }

    @Test func mergeOfAScalarIsAnErrorAtTheValue() throws {
        let result = read("a:\n  <<: 5\n  b: 1\n")
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .invalidMergeKey)
        #expect(diagnostic.code.rawValue == "TRG007")
        #expect(
            diagnostic.message
                == "the value of a \"<<\" merge key must be a mapping or a list of mappings, not a scalar")
        #expect(diagnostic.range == span(2, 7, 2, 8))
        #expect(result.root?.value(forKey: "a")?.keyTexts == ["b"])
    }

    @Test func mergeListWithANonMappingIsAnErrorAtTheItem() throws {
        let result = read("m: &m {x: 1}\na:\n  <<: [*m, 2]\n")
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .invalidMergeKey)
        #expect(diagnostic.message == "a list merged with \"<<\" may hold only mappings, not a scalar")
        #expect(diagnostic.range == span(3, 12, 3, 13))
    }

    @Test func mergeOfNullIsNamedNull() throws {
        let result = read("a:\n  <<:\n  b: 1\n")
        #expect(result.diagnostics.map(\.code) == [.invalidMergeKey])
        #expect(
            result.diagnostics.first?.message
                == "the value of a \"<<\" merge key must be a mapping or a list of mappings, not null")
        #expect(result.diagnostics.first?.range == span(2, 6, 2, 6))
    }
}
