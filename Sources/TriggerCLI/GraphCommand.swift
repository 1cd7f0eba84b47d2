import ArgumentParser
import CloudFormation
import Reporting
import TriggerKit
import TriggerModel

/// `triggerc graph`: the compiled template's resources and how events flow between them.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw the resources of a compiled template and how events flow between them.",
        discussion: """
            The graph is read from the template itself (its Ref and Fn::GetAtt links and the properties that \
            carry events), so it shows exactly what `compile` writes. Solid arrows carry events (rule -> queue, \
            queue -> mapping -> function, queue -> DLQ); dashed arrows watch or grant (alarms, policies). \
            Resources outside the template (a passed-in function, an existing queue) have dashed outlines.

            Examples:
              triggerc graph Examples/job-queue/trigger.yaml              # Mermaid, for Markdown and GitHub
              triggerc graph -s sat --format dot trigger.yaml | dot -Tsvg > trigger.svg
            """)

    @Argument(help: "The trigger.yaml manifest.")
    var manifest: String

    @Option(name: [.customShort("s"), .customLong("syslevel")], help: "The syslevel to compile.")
    var syslevel: Syslevel = .prd

    @Option(help: "The output format: mermaid or dot.")
    var format: GraphRenderer.Format = .mermaid

    func run() throws {
        let console = Console()
        let results = try ManifestRunner(console: console).run([manifest], syslevels: [syslevel])
        guard let result = results.first else { return }
        guard !result.hasErrors, let entry = result.templates.first else {
            let problems = result.diagnostics.filter { $0.severity == .error }
            console.err(TextRenderer(colour: console.colour).render(problems, sources: [result.file: result.source], fileCount: 1))
            throw ExitCodes.manifestErrors
        }
        let renderer = GraphRenderer(title: "triggerc graph \(result.file) (\(syslevel.rawValue))")
        console.out(renderer.render(ResourceGraph(entry.template), as: format))
    }
}

extension GraphRenderer.Format: ExpressibleByArgument {}
