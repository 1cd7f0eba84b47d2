import ArgumentParser
import TriggerKit

/// The `triggerc` command and its subcommands.
public struct TriggerCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "triggerc",
        abstract: "Compile trigger manifests (trigger.yaml) into CloudFormation templates, offline.",
        discussion: """
            Start with `triggerc init`, check with `triggerc lint`, then `triggerc compile`. Exit codes: 0 success, \
            1 a manifest has errors, 2 a file could not be read or written, 64 a usage error.

            Shell completions: triggerc --generate-completion-script bash|zsh|fish

            Examples:
              triggerc init --type sqsdlq services/thumbnailer
              triggerc lint services/*/trigger.yaml
              triggerc compile services/*/trigger.yaml -o out
              triggerc graph services/thumbnailer/trigger.yaml --format dot | dot -Tsvg > graph.svg
            """,
        version: Pipeline.version,
        subcommands: [
            CompileCommand.self, LintCommand.self, ResolveCommand.self, DiffCommand.self, TestPatternCommand.self,
            ScheduleCommand.self, RulesCommand.self, ExplainCommand.self, SchemaCommand.self, InitCommand.self,
            GraphCommand.self,
        ])

    public init() {}
}
