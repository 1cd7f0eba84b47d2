import ArgumentParser
import ManifestDiff
import TriggerKit
import TriggerModel

/// `triggerc diff`: what changes between two syslevels of a manifest, or between two versions of it.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the settings and template changes between syslevels, or between two versions of a manifest.",
        discussion: """
            `diff MANIFEST --from sat --to prd` compares two syslevels; `diff MANIFEST` walks the promotion chain \
            ci -> eng -> sat -> prd. `diff OLD NEW` compares two versions of a manifest in every syslevel, or in \
            the one given with -s. Changes that make CloudFormation replace a resource are flagged, louder when \
            the resource holds data.
            """)

    @Argument(help: "One manifest, or OLD and NEW versions of a manifest.")
    var manifests: [String]

    @Option(help: "The syslevel to compare from (with --to; one manifest).")
    var from: Syslevel?

    @Option(help: "The syslevel to compare to (with --from; one manifest).")
    var to: Syslevel?

    @Option(name: [.customShort("s"), .customLong("syslevel")], help: "Compare OLD and NEW in this syslevel only.")
    var syslevel: Syslevel?

    @Option(help: "The output format: text, json or markdown.")
    var format: DiffFormat = .text

    @Flag(help: "Exit 1 when there are differences.")
    var exitCode = false

    func validate() throws {
        guard (1...2).contains(manifests.count) else {
            throw ValidationError("diff takes one manifest, or the OLD and NEW versions of one")
        }
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together") }
        if manifests.count == 2, from != nil { throw ValidationError("--from and --to compare syslevels of one manifest") }
        if manifests.count == 1, syslevel != nil {
            throw ValidationError("-s selects the syslevel of an OLD NEW comparison; use --from and --to with one manifest")
        }
    }

    func run() throws {
        let console = Console()
        let runner = ManifestRunner(console: console)
        let results = try runner.run(manifests, syslevels: Syslevel.allCases)
        try runner.stopOnErrors(results)
        let comparisons: [Comparison]
        if results.count == 2 {
            comparisons = ManifestComparisons.versions(
                old: results[0], new: results[1], syslevels: syslevel.map { [$0] } ?? Syslevel.allCases)
        } else if let from, let to {
            comparisons = ManifestComparisons.syslevels(results[0], pairs: [(from, to)])
        } else {
            comparisons = ManifestComparisons.syslevels(results[0], pairs: ManifestDiffer.promotionPairs)
        }
        switch format {
        case .text: console.out(DiffTextRenderer(colour: console.colourOut).render(comparisons))
        case .json: console.out(DiffJSONRenderer().render(comparisons))
        case .markdown: console.out(DiffMarkdownRenderer().render(comparisons))
        }
        if exitCode, comparisons.contains(where: { !$0.changes.isEmpty }) { throw ExitCodes.differences }
    }
}

/// The formats of `triggerc diff`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case markdown
}
