import ArgumentParser
import TriggerKit
import TriggerModel

/// `triggerc init`: a commented starter manifest (and the schema it points at) in a directory.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter trigger.yaml for a trigger type.",
        discussion: """
            Writes DIR/trigger.yaml, which lints with no error and no warning, and DIR/\(StarterManifest.schemaFileName), \
            the schema its first line points editors at (yaml-language-server). Names in the manifest are made from \
            the directory's name unless --name is given. An existing trigger.yaml is left alone unless --force.

            Types: \(TriggerType.allCases.map(\.rawValue).joined(separator: ", ")).

            Examples:
              triggerc init                                  # ./trigger.yaml, type cweventsqsdlq
              triggerc init --type sqsdlq services/thumbnailer
              triggerc init --schema ../../schema/trigger-manifest.schema.json services/billing
            """)

    @Option(help: "The trigger type.")
    var type: TriggerType = StarterManifest.defaultType

    @Argument(help: "The directory to write trigger.yaml in (created if missing).")
    var directory = "."

    @Option(help: "The service name the manifest's queue, rule and stream names start with.")
    var name: String?

    @Option(
        help: ArgumentHelp(
            "Where the modeline points editors: a path relative to DIR or a URL. Given, no schema file is written.",
            valueName: "path-or-url"))
    var schema: String?

    @Flag(help: "Overwrite an existing trigger.yaml.")
    var force = false

    func run() throws {
        let console = Console()
        let fileSystem = LocalFileSystem()
        let base = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        let manifestPath = base + "/trigger.yaml"
        if fileSystem.exists(manifestPath), !force {
            console.err("triggerc: error: \(manifestPath) exists; use --force to overwrite it\n")
            throw ExitCodes.manifestErrors
        }
        let service =
            name.map(StarterManifest.serviceName(fromDirectory:))
            ?? StarterManifest.serviceName(fromDirectory: base == "." ? console.currentDirectory : base)
        var files = [
            (
                path: manifestPath,
                contents: StarterManifest.text(type: type, service: service, schema: schema ?? StarterManifest.schemaFileName)
            )
        ]
        if schema == nil {
            files.append((path: base + "/" + StarterManifest.schemaFileName, contents: JSONWriter.pretty(ManifestSchema.document())))
        }
        do {
            try fileSystem.writeAtomically(files)
        } catch {
            console.err("triggerc: error: cannot write \(error)\n")
            throw ExitCodes.ioFailure
        }
        for file in files { console.out("wrote \(file.path)\n") }
    }
}

extension TriggerType: ExpressibleByArgument {}
