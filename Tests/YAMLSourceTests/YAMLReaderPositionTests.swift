import Diagnostics
import Testing
import YAMLSource

@Suite("YAMLReader positions")
struct YAMLReaderPositionTests {
    @Test func blockMappingKeysAndValuesHaveOneBasedRanges() throws {
        let result = read("name: orders\nretries: 3\n")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(root.range == span(1, 1, 2, 11))
        let pairs = try #require(root.pairs)
        #expect(pairs.count == 2)
        #expect(pairs[0].key.scalar == "name")
        #expect(pairs[0].key.range == span(1, 1, 1, 5))
        #expect(pairs[0].value.scalar == "orders")
        #expect(pairs[0].value.range == span(1, 7, 1, 13))
        #expect(pairs[1].key.range == span(2, 1, 2, 8))
        #expect(pairs[1].value.range == span(2, 10, 2, 11))
        #expect(pairs[1].value.range.file == "t.yaml")
    }

    @Test func blockCollectionsEndAtTheirLastChildNotAtTrailingComments() throws {
        let text = "a:\n  b: 1\n  c: [1, 2]\n# comment\n\nd:\n- x\n- y\n\n# trailing\n"
        let result = read(text)
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(root.range == span(1, 1, 8, 4))
        let a = try #require(root.value(forKey: "a"))
        #expect(a.range == span(2, 3, 3, 12))
        #expect(a.value(forKey: "c")?.range == span(3, 6, 3, 12))
        #expect(a.value(forKey: "c")?.items?.map(\.range) == [span(3, 7, 3, 8), span(3, 10, 3, 11)])
        let d = try #require(root.value(forKey: "d"))
        #expect(d.range == span(7, 1, 8, 4))
        #expect(d.items?.map(\.scalar) == ["x", "y"])
        #expect(d.items?.map(\.range) == [span(7, 3, 7, 4), span(8, 3, 8, 4)])
    }

    @Test func flowCollectionsSpanTheirBrackets() throws {
        let result = read("{a: [1, {b: c}], d: e}")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(root.range == span(1, 1, 1, 23))
        let a = try #require(root.value(forKey: "a"))
        #expect(a.range == span(1, 5, 1, 16))
        let inner = try #require(a.items?.last)
        #expect(inner.range == span(1, 9, 1, 15))
        #expect(inner.value(forKey: "b")?.range == span(1, 13, 1, 14))
        #expect(root.value(forKey: "d")?.range == span(1, 21, 1, 22))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let result = read("name: \"héllo wörld\"\nm: {a: é, b: 1}\nx: [😀, 🎉, y]\n")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        let name = try #require(root.value(forKey: "name"))
        #expect(name.scalar == "héllo wörld")
        #expect(name.style == .doubleQuoted)
        #expect(name.range == span(1, 7, 1, 20))
        let m = try #require(root.value(forKey: "m"))
        #expect(m.range == span(2, 4, 2, 16))
        let pairs = try #require(m.pairs)
        #expect(pairs[0].value.range == span(2, 8, 2, 9))
        #expect(pairs[1].key.scalar == "b")
        #expect(pairs[1].key.range == span(2, 11, 2, 12))
        #expect(pairs[1].value.range == span(2, 14, 2, 15))
        let x = try #require(root.value(forKey: "x"))
        #expect(x.items?.map(\.range) == [span(3, 5, 3, 6), span(3, 8, 3, 9), span(3, 11, 3, 12)])
    }

    @Test func crlfLineEndsCountAsOneLineBreak() throws {
        let result = read("a: 1\r\nb:\r\n  - x\r\n  - y\r\ns: |\r\n  one\r\n  two\r\nt: 2\r\n")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(root.value(forKey: "a")?.range == span(1, 4, 1, 5))
        let pairs = try #require(root.pairs)
        #expect(pairs[1].key.range == span(2, 1, 2, 2))
        let b = try #require(root.value(forKey: "b"))
        #expect(b.range == span(3, 3, 4, 6))
        #expect(b.items?.map(\.range) == [span(3, 5, 3, 6), span(4, 5, 4, 6)])
        #expect(root.value(forKey: "s")?.scalar == "one\ntwo\n")
        #expect(pairs[3].key.scalar == "t")
        #expect(pairs[3].key.range == span(8, 1, 8, 2))
    }

    @Test func byteOrderMarkIsNotAColumn() throws {
        let result = read("\u{FEFF}a: 1\nb: x\n")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        let pairs = try #require(root.pairs)
        #expect(pairs[0].key.scalar == "a")
        #expect(pairs[0].key.range == span(1, 1, 1, 2))
        #expect(pairs[0].value.range == span(1, 4, 1, 5))
        #expect(pairs[1].key.range == span(2, 1, 2, 2))
        #expect(pairs[1].value.range == span(2, 4, 2, 5))
    }

    @Test func scalarStylesAreKept() throws {
        let text = """
            plain: text
            single: 'it''s'
            double: "tab\\there"
            literal: |
              line one
              line two
            folded: >
              folded
              text
            last: x
            """
        let result = read(text)
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        let plain = try #require(root.value(forKey: "plain"))
        #expect(plain.kind == .scalar("text", .plain))
        let single = try #require(root.value(forKey: "single"))
        #expect(single.kind == .scalar("it's", .singleQuoted))
        #expect(single.range == span(2, 9, 2, 16))
        let double = try #require(root.value(forKey: "double"))
        #expect(double.kind == .scalar("tab\there", .doubleQuoted))
        #expect(double.style?.isQuoted == true)
        let literal = try #require(root.value(forKey: "literal"))
        #expect(literal.kind == .scalar("line one\nline two\n", .literal))
        #expect(literal.range == span(4, 10, 7, 1))
        let folded = try #require(root.value(forKey: "folded"))
        #expect(folded.kind == .scalar("folded text\n", .folded))
        #expect(folded.range == span(7, 9, 10, 1))
        #expect(root.value(forKey: "last")?.range == span(10, 7, 10, 8))
    }

    @Test func explicitTagsAreResolvedAndMissingTagsAreNil() throws {
        let text = "a: !!str 1\nb: !!int '2'\nc: 3\nd: !custom x\ne: !!map {k: v}\nf: !!seq [1]\ng: [1]\n"
        let result = read(text)
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(root.tag == nil)
        let a = try #require(root.value(forKey: "a"))
        #expect(a.tag == "tag:yaml.org,2002:str")
        #expect(a.scalar == "1")
        #expect(a.range == span(1, 4, 1, 11))
        #expect(root.value(forKey: "b")?.tag == "tag:yaml.org,2002:int")
        #expect(root.value(forKey: "b")?.style == .singleQuoted)
        #expect(root.value(forKey: "c")?.tag == nil)
        #expect(root.value(forKey: "d")?.tag == "!custom")
        let e = try #require(root.value(forKey: "e"))
        #expect(e.tag == "tag:yaml.org,2002:map")
        #expect(e.range == span(5, 4, 5, 16))
        #expect(root.value(forKey: "f")?.tag == "tag:yaml.org,2002:seq")
        #expect(root.value(forKey: "g")?.tag == nil)
    }

    @Test func emptyValuesAreNullScalarsAtTheColon() throws {
        let result = read("a:\nb: ~\n")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        let a = try #require(root.value(forKey: "a"))
        #expect(a.kind == .scalar("", .plain))
        #expect(a.isNull)
        #expect(a.range == span(1, 3, 1, 3))
        #expect(root.value(forKey: "b")?.isNull == true)
    }

    @Test func emptyScalarsAtTheEndOfAFileWithoutALineBreakStayOnTheLastLine() throws {
        let document = read("---")
        #expect(document.diagnostics.isEmpty)
        #expect(document.root?.kind == .scalar("", .plain))
        #expect(document.root?.range == span(1, 4, 1, 4))
        let key = read("? a")
        #expect(key.diagnostics.isEmpty)
        let pair = try #require(key.root?.pairs?.first)
        #expect(pair.key.range == span(1, 3, 1, 4))
        #expect(pair.value.range == span(1, 4, 1, 4))
        #expect(key.root?.range == span(1, 1, 1, 4))
    }

    @Test func textAndBytesReadTheSame() {
        let text = "k: [1, {v: é}]\n"
        #expect(read(text).root == read(bytes: Array(text.utf8)).root)
    }
}
