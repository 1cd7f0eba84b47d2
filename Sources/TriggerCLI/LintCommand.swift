import ArgumentParser
import Diagnostics
import Reporting
import TriggerKit

/// `triggerc lint`: diagnostics for every syslevel of every manifest.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check manifests for every syslevel and print the diagnostics.",
        discussion: """
            Every manifest is checked for ci, eng, sat and prd; a problem found in several syslevels is printed \
            once. Exit 0 when there is no error (warnings allowed unless --strict), 1 otherwise.

            Examples:
              triggerc lint trigger.yaml
              triggerc lint --strict services/*/trigger.yaml
              triggerc lint --format github services/*/trigger.yaml      # annotations in GitHub Actions
              triggerc lint --format sarif trigger.yaml > triggerc.sarif  # code scanning
            """)

    @Argument(help: ArgumentHelp("The trigger.yaml manifests to check.", valueName: "manifests"))
    var arguments: [String]

    /// The paths, as given (`ManifestArguments` joins runs of them before parsing).
    var manifests: [String] { ManifestArguments.expanded(arguments) }

    @Option(help: "The output format: text, json, github or sarif.")
    var format: DiagnosticFormat = .text

    @Flag(help: "Exit 1 on warnings too.")
    var strict = false

    @OptionGroup var jobs: JobsOption

    func run() throws {
        let console = Console()
        let run = ManifestRunner(console: console, jobs: jobs.resolved(console), verb: "checking").run(manifests, syslevels: []) { _, _ in () }
        if run.unreadable { throw ExitCodes.ioFailure }
        let diagnostics = run.outcomes.flatMap(\.diagnostics)
        switch format {
        case .text:
            let sources = Dictionary(
                run.outcomes.compactMap { outcome in outcome.source.map { (outcome.file, $0) } },
                uniquingKeysWith: { first, _ in first })
            console.out(TextRenderer(colour: console.colourOut).render(diagnostics, sources: sources, fileCount: run.outcomes.count))
        case .json:
            console.out(JSONRenderer().render(diagnostics))
        case .github:
            console.out(GitHubRenderer().render(diagnostics))
        case .sarif:
            console.out(SARIFRenderer(toolVersion: Pipeline.version, rules: Catalog.sarifRules).render(diagnostics))
        }
        if diagnostics.hasErrors || (strict && diagnostics.contains { $0.severity == .warning }) {
            throw ExitCodes.manifestErrors
        }
    }
}

/// The formats `lint` prints diagnostics in.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case github
    case sarif
}
