import Reporting
import TriggerRules

/// The rule catalog as the renderers and commands need it.
public enum Catalog {
    /// Every rule, in the shape SARIF's `tool.driver.rules` wants.
    public static var sarifRules: [SARIFRule] {
        RuleRegistry.descriptions.map {
            SARIFRule(
                id: $0.code.rawValue, name: $0.name, summary: $0.summary, rationale: $0.rationale,
                helpURI: $0.documentation, severity: $0.severity)
        }
    }
}
