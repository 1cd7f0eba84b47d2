import ArgumentParser
import Diagnostics
import TriggerModel
import TriggerRules

/// `triggerc explain CODE`: one rule's summary, rationale, documentation and examples.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain one check: why it matters, the AWS documentation, and examples.",
        discussion: """
            Examples:
              triggerc explain TRG301
              triggerc explain visibility-timeout-below-function-timeout
            """)

    @Argument(help: "The rule's code (TRG301) or name (visibility-timeout-below-function-timeout).")
    var code: String

    func validate() throws {
        guard rule != nil else {
            let candidates = RuleRegistry.descriptions.flatMap { [$0.code.rawValue, $0.name] }
            let suggestion = Suggestion.closest(to: code, in: candidates)
            throw ValidationError("no rule \(code)" + (suggestion.map { "; did you mean \($0)?" } ?? "; `triggerc rules` lists them"))
        }
    }

    var rule: RuleDescription? {
        RuleRegistry.descriptions.first { $0.code.rawValue == code.uppercased() || $0.name == code }
    }

    func run() {
        guard let rule else { return }
        var text = "\(rule.code) \(rule.name) (\(rule.severity.rawValue))\n\n\(rule.summary)\n\n\(rule.rationale)\n\n"
        text += "Documentation: \(rule.documentation)\n"
        if let elsewhere = RuleRegistry.examplesElsewhere[rule.code] { text += "\nNo inline example: it needs \(elsewhere).\n" }
        for example in rule.triggering {
            text += "\nTriggers it (↓ marks where the diagnostic starts):\n" + indent(example)
        }
        for example in rule.nonTriggering.prefix(2) {
            text += "\nDoes not trigger it:\n" + indent(example)
        }
        Console().out(text)
    }

    func indent(_ example: String) -> String {
        example.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
            .trimmingSuffixSpaces() + "\n"
    }
}

extension String {
    func trimmingSuffixSpaces() -> String {
        var text = self
        while text.last == " " || text.last == "\n" { text.removeLast() }
        return text
    }
}
