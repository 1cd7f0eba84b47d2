import ArgumentParser
import TriggerKit

/// The `triggerc` command and its subcommands.
public struct TriggerCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "triggerc",
        abstract: "Compile trigger manifests (trigger.yaml) into CloudFormation templates, offline.",
        version: Pipeline.version,
        subcommands: [CompileCommand.self, LintCommand.self, RulesCommand.self, ExplainCommand.self, SchemaCommand.self,
            InitCommand.self])

    public init() {}
}
