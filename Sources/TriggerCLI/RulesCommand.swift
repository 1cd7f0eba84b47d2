import ArgumentParser
import TriggerRules

/// `triggerc rules`: the catalog, one rule a line.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every check triggerc makes, with its code, severity and summary.",
        discussion: """
            Examples:
              triggerc rules
              triggerc rules --format markdown > docs/rules.md
            """)

    @Option(help: "The output format: text or markdown.")
    var format: CatalogFormat = .text

    func run() {
        let console = Console()
        switch format {
        case .markdown:
            console.out(RuleCatalogDocument.markdown())
        case .text:
            let width = RuleRegistry.descriptions.map(\.name.count).max() ?? 0
            for rule in RuleRegistry.descriptions {
                let severity = rule.severity.rawValue.padding(7)
                console.out("\(rule.code)  \(severity)  \(rule.name.padding(width))  \(rule.summary)\n")
            }
        }
    }
}

/// The formats of `triggerc rules`.
enum CatalogFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case markdown
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
