import Diagnostics

/// Generates `docs/rules.md` from the registry, so that the documentation is the catalog (a test compares them).
public enum RuleCatalogDocument {
    public static func markdown(_ descriptions: [RuleDescription] = RuleRegistry.descriptions) -> String {
        var text = """
            # Rules

            Every check triggerc makes, by code. Codes never change meaning and are never reused; the hundreds digit
            is the area: 0xx YAML, 1xx structure and types, 2xx resolution and support, 3xx queues and FIFO,
            4xx EventBridge, 6xx names and values, 7xx alarms, 8xx function and template.
            `triggerc explain CODE` prints one rule with its examples. This file is generated from the rule
            registry: `RECORD_SNAPSHOTS=1 swift test` rewrites it.

            | code | severity | name | summary |
            |---|---|---|---|

            """
        for rule in descriptions {
            text += "| [\(rule.code)](#\(rule.code.rawValue.lowercased())) | \(rule.severity.rawValue) | `\(rule.name)` | \(rule.summary) |\n"
        }
        for rule in descriptions {
            text += "\n## \(rule.code)\n\n"
            text += "`\(rule.name)`, \(rule.severity.rawValue): \(rule.summary).\n\n"
            text += rule.rationale + "\n\n"
            text += "AWS documentation: <\(rule.documentation)>\n"
            if let elsewhere = RuleRegistry.examplesElsewhere[rule.code] {
                text += "\nNo inline example: it needs \(elsewhere).\n"
            }
            for example in rule.triggering {
                text += "\nTriggers it (`↓` marks where the diagnostic starts):\n\n```yaml\n\(example)\(example.hasSuffix("\n") ? "" : "\n")```\n"
            }
            for example in rule.nonTriggering.prefix(1) {
                text += "\nDoes not trigger it:\n\n```yaml\n\(example)\(example.hasSuffix("\n") ? "" : "\n")```\n"
            }
        }
        return text
    }
}
