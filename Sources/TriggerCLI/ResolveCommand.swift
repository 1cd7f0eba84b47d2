import ArgumentParser
import Reporting
import TriggerKit
import TriggerModel

/// `triggerc resolve`: every resolved setting and parameter of one syslevel with its provenance.
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Print every resolved setting and parameter of a syslevel, with where each value comes from.")

    @Argument(help: "The trigger.yaml manifest.")
    var manifest: String

    @Option(name: [.customShort("s"), .customLong("syslevel")], help: "The syslevel to resolve: ci, eng, sat or prd.")
    var syslevel: Syslevel

    @Option(help: "The output format: yaml or json.")
    var format: ResolveFormat = .yaml

    func run() throws {
        let console = Console()
        guard let result = try ManifestRunner(console: console).run([manifest], syslevels: []).first else { return }
        try ManifestRunner(console: console).stopOnErrors([result])
        guard let resolved = result.resolved.first(where: { $0.syslevel == syslevel }) else { return }
        switch format {
        case .yaml: console.out(ResolvedManifestRenderer().yaml(resolved))
        case .json: console.out(ResolvedManifestRenderer().json(resolved))
        }
    }
}

/// The formats of `triggerc resolve`.
enum ResolveFormat: String, ExpressibleByArgument, CaseIterable {
    case yaml
    case json
}
