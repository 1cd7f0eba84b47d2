import Testing

@testable import TriggerCLI

/// ManifestArguments joins runs of manifest paths before ArgumentParser sees them, and the commands split them
/// again: what the commands receive must be what was typed.
struct ManifestArgumentsTests {
    static let cases: [(typed: [String], coalesced: [String])] = [
        (["compile", "a", "b", "c"], ["compile", "a\0b\0c"]),
        (["compile", "-o", "out", "a", "b"], ["compile", "-o", "out", "a\0b"]),
        (["compile", "--output-dir=out", "a", "b"], ["compile", "--output-dir=out", "a\0b"]),
        (["lint", "--strict", "a", "b", "c"], ["lint", "--strict", "a", "b\0c"]),
        (["compile", "a", "b", "-s", "prd", "c", "d"], ["compile", "a\0b", "-s", "prd", "c\0d"]),
        (["compile", "a", "-", "b"], ["compile", "a\0-\0b"]),
        (["compile", "a", "b", "--", "-c", "d"], ["compile", "a\0b", "--", "-c", "d"]),
        (["resolve", "a", "-s", "prd"], ["resolve", "a", "-s", "prd"]),
        (["diff", "a", "b"], ["diff", "a", "b"]),
        (["--generate-completion-script", "bash"], ["--generate-completion-script", "bash"]),
        (["compile"], ["compile"]),
        ([], []),
    ]

    @Test(arguments: cases.indices) func runsOfPathsAreJoinedAfterCompileAndLintOnly(_ index: Int) {
        let (typed, coalesced) = Self.cases[index]
        #expect(ManifestArguments.coalesced(typed) == coalesced)
    }

    /// The cases that start with `compile` or `lint`, the ones whose paths are joined.
    static let joinedCases = cases.indices.filter { cases[$0].typed.first.map(ManifestArguments.commands.contains) ?? false }

    @Test(arguments: joinedCases) func expandingGivesBackEveryPathInOrder(_ index: Int) {
        let typed = Self.cases[index].typed
        let parsed = ManifestArguments.coalesced(typed).dropFirst().filter { !$0.hasPrefix("-") || $0 == "-" }
        let values = ManifestArguments.expanded(Array(parsed))
        let plain = typed.dropFirst().filter { !$0.hasPrefix("-") || $0 == "-" }
        #expect(values == Array(plain))
    }

    @Test func emptyPathsSurvive() {
        let coalesced = ManifestArguments.coalesced(["lint", "a", "", "b"])
        #expect(coalesced == ["lint", "a\0\0b"])
        #expect(ManifestArguments.expanded(Array(coalesced.dropFirst())) == ["a", "", "b"])
    }

    @Test func compileAndLintParseCoalescedArguments() throws {
        let compile = try TriggerCommand.parseAsRoot(
            ManifestArguments.coalesced(["compile", "a", "-o", "out", "b", "c", "-s", "prd", "d"]))
        let parsedCompile = try #require(compile as? CompileCommand)
        #expect(parsedCompile.manifests == ["a", "b", "c", "d"])
        #expect(parsedCompile.outputDirectory == "out")
        #expect(parsedCompile.syslevels == [.prd])
        let lint = try TriggerCommand.parseAsRoot(ManifestArguments.coalesced(["lint", "--strict", "a", "b", "c"]))
        let parsedLint = try #require(lint as? LintCommand)
        #expect(parsedLint.manifests == ["a", "b", "c"])
        #expect(parsedLint.strict)
    }

    @Test func stdoutStillNeedsExactlyOneManifest() throws {
        #expect(throws: (any Error).self) {
            try TriggerCommand.parseAsRoot(ManifestArguments.coalesced(["compile", "a", "b", "-s", "prd", "--stdout"]))
        }
    }
}
