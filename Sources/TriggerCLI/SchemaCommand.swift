import ArgumentParser
import TriggerModel

/// `triggerc schema`: the manifest's JSON Schema, for editors and validators.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of trigger.yaml, for editors and validators.",
        discussion: """
            The schema is generated from the same lists the compiler checks against: every setting with its type, \
            range, values, default and description. Point yaml-language-server (VS Code's YAML extension, Neovim, \
            Helix...) at it with a first line `# yaml-language-server: $schema=PATH`, or map it in settings.

            Examples:
              triggerc schema > schema/trigger-manifest.schema.json
              triggerc schema | python3 -m json.tool --compact > /dev/null
            """)

    func run() {
        Console().out(JSONWriter.pretty(ManifestSchema.document()))
    }
}
