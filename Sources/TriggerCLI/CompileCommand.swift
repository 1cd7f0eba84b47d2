import ArgumentParser
import Reporting
import TriggerKit
import TriggerModel

/// `triggerc compile`: lint, then write one template per manifest and syslevel.
struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Lint manifests, then write one CloudFormation template per manifest and syslevel.",
        discussion: """
            Templates go to DIR/<manifest path without extension>.<syslevel>.json. Nothing is written when any \
            manifest has an error; each file is written to a temporary name and renamed.

            Examples:
              triggerc compile trigger.yaml -o out                    # out/trigger.{ci,eng,sat,prd}.json
              triggerc compile services/*/trigger.yaml -s prd -o out
              triggerc compile trigger.yaml -s sat --stdout --format yaml
            """)

    @Argument(help: "The trigger.yaml manifests to compile.")
    var manifests: [String]

    @Option(name: [.customShort("s"), .customLong("syslevel")], help: "Compile only this syslevel (repeatable).")
    var syslevels: [Syslevel] = []

    @Option(name: [.customShort("o"), .customLong("output-dir")], help: "The directory the templates go to.")
    var outputDirectory = "out"

    @Flag(help: "Print the template instead of writing it (one manifest, one syslevel).")
    var stdout = false

    @Option(help: "The template format: json or yaml.")
    var format: TemplateFormat = .json

    func validate() throws {
        if stdout, manifests.count != 1 || syslevels.count != 1 {
            throw ValidationError("--stdout needs exactly one manifest and one --syslevel")
        }
    }

    func run() throws {
        let console = Console()
        let selected = syslevels.isEmpty ? Syslevel.allCases : Syslevel.allCases.filter(syslevels.contains)
        let results = try ManifestRunner(console: console).run(manifests, syslevels: selected)
        let diagnostics = results.flatMap(\.diagnostics).filter { $0.severity != .info }
        if !diagnostics.isEmpty {
            let sources = Dictionary(results.map { ($0.file, $0.source) }, uniquingKeysWith: { first, _ in first })
            console.err(TextRenderer(colour: console.colour).render(diagnostics, sources: sources, fileCount: results.count))
        }
        guard !results.contains(where: \.hasErrors) else { throw ExitCodes.manifestErrors }
        let files = results.flatMap { result in
            result.templates.map { entry in
                (path: Pipeline.outputPath(manifest: result.file, outputDirectory: outputDirectory, syslevel: entry.syslevel,
                                           fileExtension: format.rawValue),
                 contents: format.render(entry.template, json: entry.text))
            }
        }
        if stdout {
            console.out(files.first?.contents ?? "")
            return
        }
        do {
            try LocalFileSystem().writeAtomically(files)
        } catch {
            console.err("triggerc: error: cannot write \(error)\n")
            throw ExitCodes.ioFailure
        }
        for file in files { console.out("wrote \(file.path)\n") }
    }
}
