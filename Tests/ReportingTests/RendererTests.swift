import Diagnostics
import Testing

@testable import Reporting

/// The renderers: pure functions from diagnostics to text.
@Suite struct RendererTests {
    static let source = SourceFile(path: "t.yaml", text: "trigger:\n  name: \"héllo wörld\"\n")

    static func diagnostic(line: Int, from: Int, to: Int, severity: Severity = .error) -> Diagnostic {
        Diagnostic(
            code: "TRG101", severity: severity, message: "unknown key `x`",
            range: SourceRange(
                file: "t.yaml", start: SourceLocation(line: line, column: from),
                end: SourceLocation(line: line, column: to)),
            notes: [
                Note(
                    "see here",
                    at: SourceRange(
                        file: "t.yaml", start: SourceLocation(line: 1, column: 1),
                        end: SourceLocation(line: 1, column: 8)))
            ],
            help: "did you mean `y`?", syslevels: ["prd"])
    }

    @Test func textPutsTheCaretUnderCharactersNotBytes() {
        // "wörld" starts at character 16 on line 2, after the multi-byte é.
        let text = TextRenderer().render(Self.diagnostic(line: 2, from: 16, to: 21), source: Self.source)
        #expect(
            text == """
                t.yaml:2:16: error[TRG101]: unknown key `x`
                  |
                2 |   name: "héllo wörld"
                  |                ^^^^^
                note: only in syslevel prd
                note: see here
                  --> t.yaml:1:1
                  |
                1 | trigger:
                  | -------
                help: did you mean `y`?
                """)
    }

    @Test func longLinesAreShownAsAWindowAroundTheRange() {
        let line = String(repeating: "a", count: 1000) + "XYZ" + String(repeating: "b", count: 1000)
        let source = SourceFile(path: "t.yaml", text: line)
        let text = TextRenderer().render(Self.diagnostic(line: 1, from: 1001, to: 1004), source: source)
        let lines = text.split(separator: "\n")
        #expect(lines[2].count < 200)
        #expect(lines[2].hasPrefix("1 | ...") && lines[2].hasSuffix("..."))
        let caret = lines[3].distance(from: lines[3].startIndex, to: lines[3].firstIndex(of: "^")!)
        #expect(lines[2].dropFirst(caret).hasPrefix("XYZ"))
        #expect(lines[3].filter { $0 == "^" }.count == 3)
    }

    @Test func colourIsOnlyAddedWhenAsked() {
        let plain = TextRenderer(colour: false).render(Self.diagnostic(line: 1, from: 1, to: 8), source: Self.source)
        let coloured = TextRenderer(colour: true).render(Self.diagnostic(line: 1, from: 1, to: 8), source: Self.source)
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[1;31merror[TRG101]\u{1B}[0m"))
    }

    @Test func summaryCountsEachSeverity() {
        let diagnostics = [Self.diagnostic(line: 1, from: 1, to: 2), Self.diagnostic(line: 1, from: 1, to: 2, severity: .info)]
        #expect(TextRenderer().summary(diagnostics, fileCount: 2) == "1 error, 0 warnings, 1 info in 2 files")
    }

    @Test func jsonKeepsTheSpecifiedKeyOrder() {
        let json = JSONRenderer().render([Self.diagnostic(line: 2, from: 16, to: 21)])
        let keys = [
            "\"file\"", "\"line\"", "\"column\"", "\"endLine\"", "\"endColumn\"", "\"severity\"", "\"code\"", "\"message\"",
            "\"syslevel\"", "\"help\"", "\"summary\"",
        ]
        let positions = keys.map { json.firstRange(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(json.contains("\"errors\": 1"))
    }

    @Test func githubCommandsEscapeDataAndProperties() {
        var diagnostic = Self.diagnostic(line: 2, from: 16, to: 21)
        diagnostic.range.file = "a,b:c.yaml"
        diagnostic.message = "100% wrong\nreally"
        let line = GitHubRenderer().render([diagnostic])
        #expect(
            line
                == "::error file=a%2Cb%3Ac.yaml,line=2,col=16,endLine=2,endColumn=21,title=TRG101::100%25 wrong%0Areally (syslevel prd)%0Ahelp: did you mean `y`?\n"
        )
    }

    @Test func sarifURIsArePercentEncoded() {
        #expect(SARIFRenderer.uri("dir with space/trigger é.yaml") == "dir%20with%20space/trigger%20%C3%A9.yaml")
        #expect(SARIFRenderer.level(.info) == "note")
    }
}
