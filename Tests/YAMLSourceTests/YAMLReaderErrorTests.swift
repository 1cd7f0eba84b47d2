import Diagnostics
import Testing
import YAMLSource

@Suite("YAMLReader errors")
struct YAMLReaderErrorTests {
    @Test func duplicateKeyIsAnErrorAtTheSecondKeyWithANoteAtTheFirst() throws {
        let result = read("queueName: a\nother: b\nqueueName: c\n")
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .duplicateKey)
        #expect(diagnostic.code.rawValue == "TRG002")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == "duplicate key \"queueName\" in this mapping")
        #expect(diagnostic.range == span(3, 1, 3, 10))
        #expect(diagnostic.notes == [Note("first defined here", at: span(1, 1, 1, 10))])
        let root = try #require(result.root)
        #expect(root.keyTexts == ["queueName", "other"])
        #expect(root.value(forKey: "queueName")?.scalar == "a")
    }

    @Test func quotedAndPlainKeysWithTheSameTextAreDuplicates() throws {
        let result = read("a: 1\n\"a\": 2\n")
        #expect(result.diagnostics.map(\.code) == [.duplicateKey])
        #expect(result.diagnostics.first?.message == "duplicate key \"a\" in this mapping")
        #expect(result.diagnostics.first?.range == span(2, 1, 2, 4))
        #expect(result.diagnostics.first?.notes.first?.range == span(1, 1, 1, 2))
    }

    @Test func duplicateInANestedFlowMapping() throws {
        let result = read("x: {k: 1, k: 2}\n")
        #expect(result.diagnostics.map(\.code) == [.duplicateKey])
        #expect(result.diagnostics.first?.range == span(1, 11, 1, 12))
        #expect(result.diagnostics.first?.notes == [Note("first defined here", at: span(1, 5, 1, 6))])
    }

    @Test func structurallyEqualCollectionKeysAreDuplicates() throws {
        let result = read("? [1, 2]\n: a\n? [1, 3]\n: b\n? [1, 2]\n: c\n")
        #expect(result.diagnostics.map(\.code) == [.duplicateKey])
        #expect(result.diagnostics.first?.message == "duplicate key (a list) in this mapping")
        #expect(result.diagnostics.first?.range == span(5, 3, 5, 9))
        #expect(result.diagnostics.first?.notes.first?.range == span(1, 3, 1, 9))
    }

    @Test func twoMergeKeysAreDuplicates() throws {
        let result = read("a: &a {x: 1}\nb: &b {y: 2}\nc:\n  <<: *a\n  <<: *b\n")
        #expect(result.diagnostics.map(\.code) == [.duplicateKey])
        #expect(result.diagnostics.first?.message == "duplicate key \"<<\" in this mapping")
        #expect(result.diagnostics.first?.range == span(5, 3, 5, 5))
        #expect(result.root?.value(forKey: "c")?.keyTexts == ["x"])
    }

    @Test func mappingValueInPlainScalarIsASyntaxErrorAtTheColon() throws {
        let result = read("a: b: c\n")
        #expect(result.root == nil)
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlSyntax)
        #expect(diagnostic.code.rawValue == "TRG001")
        #expect(diagnostic.message == "yaml syntax error: mapping values are not allowed in this context")
        #expect(diagnostic.range == point(1, 5))
        #expect(diagnostic.notes.isEmpty)
    }

    @Test func unclosedFlowSequenceHasAContextNoteAtTheBracket() throws {
        let result = read("[1, 2\n")
        #expect(result.root == nil)
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlSyntax)
        #expect(diagnostic.message == "yaml syntax error: did not find expected ',' or ']'")
        #expect(diagnostic.range == point(2, 1))
        #expect(diagnostic.notes == [Note("while parsing a flow sequence", at: point(1, 1))])
    }

    @Test func errorAtTheEndOfAFileWithoutAFinalLineBreakStaysOnTheLastLine() throws {
        let result = read("a: [é: ")
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlSyntax)
        #expect(diagnostic.message == "yaml syntax error: did not find expected node content")
        #expect(diagnostic.range == point(1, 8))
        #expect(diagnostic.notes == [Note("while parsing a flow node", at: point(1, 8))])
    }

    @Test func unterminatedQuotedScalar() throws {
        let result = read("a: 1\nkey: 'open\n")
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlSyntax)
        #expect(diagnostic.message == "yaml syntax error: found unexpected end of stream")
        #expect(diagnostic.range == point(3, 1))
        #expect(diagnostic.notes == [Note("while scanning a quoted scalar", at: point(2, 6))])
    }

    @Test func tabIndentationIsASyntaxErrorAtTheTab() throws {
        let result = read("a:\n\tb: 1\n")
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlSyntax)
        #expect(diagnostic.message == "yaml syntax error: found character that cannot start any token")
        #expect(diagnostic.range == point(2, 1))
        #expect(diagnostic.notes == [Note("while scanning for the next token", at: point(2, 1))])
    }

    @Test(arguments: ["", "# only a comment\n\n# and another\n", "\u{FEFF}", "\n\n"])
    func noDocumentIsAnErrorAtTheFileStart(text: String) throws {
        let result = read(text)
        #expect(result.root == nil)
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .documentCount)
        #expect(diagnostic.code.rawValue == "TRG003")
        #expect(diagnostic.message == "the file holds no yaml document")
        #expect(diagnostic.range == point(1, 1))
    }

    @Test func secondDocumentIsAnErrorAtItsStart() throws {
        let result = read("a: 1\n---\nb: 2\n")
        #expect(result.root == nil)
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .documentCount)
        #expect(diagnostic.message == "the file holds more than one yaml document; a manifest is exactly one")
        #expect(diagnostic.range == span(2, 1, 2, 4))
    }

    @Test func explicitDocumentMarkersAroundOneDocumentAreFine() throws {
        let result = read("---\na: 1\n...\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.root?.value(forKey: "a")?.range == span(2, 4, 2, 5))
    }

    @Test func invalidUTF8IsAnErrorAtTheByteItsCharacterColumn() throws {
        let result = read(bytes: Array("a: 1\nb: é".utf8) + [0xFF] + Array(" x\n".utf8))
        #expect(result.root == nil)
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlSyntax)
        #expect(diagnostic.message == "yaml syntax error: invalid leading UTF-8 octet (byte 0xFF)")
        #expect(diagnostic.range == point(2, 5))
        #expect(diagnostic.notes.isEmpty)
    }

    @Test func invalidTrailingOctetPointsAtTheSequenceStart() throws {
        let result = read(bytes: Array("k: ab".utf8) + [0xC3, 0x28])
        #expect(result.diagnostics.map(\.code) == [.yamlSyntax])
        #expect(result.diagnostics.first?.message == "yaml syntax error: invalid trailing UTF-8 octet (byte 0x28)")
        #expect(result.diagnostics.first?.range == point(1, 6))
    }

    @Test func truncatedUTF8AtTheEnd() throws {
        let result = read(bytes: Array("a: ".utf8) + [0xE2, 0x82])
        #expect(result.diagnostics.map(\.code) == [.yamlSyntax])
        #expect(result.diagnostics.first?.message == "yaml syntax error: incomplete UTF-8 octet sequence")
        #expect(result.diagnostics.first?.range == point(1, 4))
    }

    @Test func nulByteIsAControlCharacterError() throws {
        let result = read(bytes: Array("a: 1\nb: x".utf8) + [0x00] + Array("y\n".utf8))
        #expect(result.root == nil)
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlSyntax)
        #expect(diagnostic.message == "yaml syntax error: control characters are not allowed (U+0000)")
        #expect(diagnostic.range == point(2, 5))
    }

    @Test func readerErrorPositionsSkipTheBOMAndFollowCRLF() throws {
        let afterBOM = read(bytes: [0xEF, 0xBB, 0xBF] + Array("a: ".utf8) + [0xFF])
        #expect(afterBOM.diagnostics.map(\.code) == [.yamlSyntax])
        #expect(afterBOM.diagnostics.first?.range == point(1, 4))
        let afterCRLF = read(bytes: Array("a: 1\r\n\r\nb: x".utf8) + [0x07])
        #expect(afterCRLF.diagnostics.map(\.code) == [.yamlSyntax])
        #expect(
            afterCRLF.diagnostics.first?.message == "yaml syntax error: control characters are not allowed (U+0007)")
        #expect(afterCRLF.diagnostics.first?.range == point(3, 5))
    }

    @Test func readerErrorBeyondTheFirstInputChunkIsPlacedRight() throws {
        let long = "a: " + String(repeating: "x", count: 20_000) + "\n"
        let result = read(bytes: Array((long + "b: ok\nc: ").utf8) + [0xFF])
        #expect(result.diagnostics.map(\.code) == [.yamlSyntax])
        #expect(result.diagnostics.first?.range == point(3, 4))
    }

    @Test func readerErrorInUTF16InputIsPlacedByCharacters() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "a: 1\né: ".utf16 + [0x0001] {
            bytes.append(UInt8(unit & 0xFF))
            bytes.append(UInt8(unit >> 8))
        }
        let result = read(bytes: bytes)
        #expect(result.diagnostics.map(\.code) == [.yamlSyntax])
        #expect(result.diagnostics.first?.message == "yaml syntax error: control characters are not allowed (U+0001)")
        #expect(result.diagnostics.first?.range == point(2, 4))
    }

    @Test func scannerErrorsAfterABOMAreAtCharacterColumns() throws {
        let result = read("\u{FEFF}é: b: c\n")
        #expect(result.diagnostics.map(\.code) == [.yamlSyntax])
        #expect(result.diagnostics.first?.range == point(1, 5))
    }
}
