import Diagnostics
import Foundation
import TestSupport
import Testing
import TriggerKit
import TriggerRules

extension RuleDescription: CustomTestStringConvertible {
    public var testDescription: String { "\(code) \(name)" }
}

/// Every rule's examples are its tests: a triggering example must produce the rule's code, with its default
/// severity, exactly where `↓` marks; a non-triggering one must not produce the code at all.
@Suite struct RuleCatalogTests {
    /// The example without its marker, and the 1-based position of the marker (in characters).
    static func unmark(_ example: String) -> (text: String, location: Diagnostics.SourceLocation?) {
        var line = 1
        var column = 1
        var location: Diagnostics.SourceLocation?
        var text = String.UnicodeScalarView()
        for scalar in example.unicodeScalars {
            if Character(scalar) == RuleExample.marker {
                location = Diagnostics.SourceLocation(line: line, column: column)
                continue
            }
            text.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (String(text), location)
    }

    static func diagnostics(_ text: String) -> [Diagnostic] {
        Pipeline().run(file: "example.yaml", bytes: Array(text.utf8)).diagnostics
    }

    @Test(arguments: RuleRegistry.descriptions)
    func triggeringExamplesProduceTheDiagnosticAtTheMarker(_ rule: RuleDescription) {
        for example in rule.triggering {
            let (text, location) = Self.unmark(example)
            guard let location else {
                Issue.record("an example of \(rule.code) has no ↓ marker:\n\(example)")
                continue
            }
            let found = Self.diagnostics(text).filter { $0.code == rule.code }
            #expect(!found.isEmpty, "\(rule.code) not reported for:\n\(example)")
            #expect(
                found.contains { $0.range.start == location },
                "\(rule.code) reported at \(found.map(\.range.start)) instead of \(location) in:\n\(example)")
            #expect(found.allSatisfy { $0.severity == rule.severity })
        }
    }

    @Test(arguments: RuleRegistry.descriptions)
    func nonTriggeringExamplesDoNotProduceTheDiagnostic(_ rule: RuleDescription) {
        for example in rule.nonTriggering {
            let (text, location) = Self.unmark(example)
            #expect(location == nil, "a non-triggering example has a marker")
            let diagnostics = Self.diagnostics(text)
            #expect(!diagnostics.contains { $0.code == rule.code }, "\(rule.code) reported for:\n\(example)")
            let errors = diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "a non-triggering example of \(rule.code) has errors: \(errors)")
        }
    }

    @Test func codesAreUniqueAndWellFormed() {
        let codes = RuleRegistry.descriptions.map(\.code.rawValue)
        #expect(Set(codes).count == codes.count, "duplicate codes: \(codes)")
        for code in codes {
            #expect(code.count == 6 && code.hasPrefix("TRG") && code.dropFirst(3).allSatisfy(\.isNumber), "\(code)")
        }
        let names = RuleRegistry.descriptions.map(\.name)
        #expect(Set(names).count == names.count, "duplicate names")
    }

    @Test func everyRuleHasExamplesOrSaysWhereItIsTested() {
        for rule in RuleRegistry.descriptions where RuleRegistry.examplesElsewhere[rule.code] == nil {
            #expect(!rule.triggering.isEmpty, "\(rule.code) has no triggering example")
        }
        for rule in RuleRegistry.descriptions {
            #expect(!rule.summary.isEmpty && !rule.rationale.isEmpty && rule.documentation.hasPrefix("https://"))
            #expect(rule.summary.first?.isLowercase == true && rule.summary.last != ".", "\(rule.code) summary style")
        }
    }

    @Test func everyCodeTheToolReportsIsDocumented() throws {
        // Every code used by the sources must have a description: scan the sources for code constants.
        let root = Snapshot.packageRoot.appendingPathComponent("Sources")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var declared: Set<String> = []
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            for line in text.split(separator: "\n") where line.contains("static let") && line.contains(": DiagnosticCode = \"TRG") {
                if let start = line.range(of: "\"TRG") {
                    declared.insert(String(line[line.index(after: start.lowerBound)...].prefix(6)))
                }
            }
        }
        let documented = Set(RuleRegistry.descriptions.map(\.code.rawValue))
        #expect(
            declared == documented,
            "declared but undocumented: \(declared.subtracting(documented)); documented but undeclared: \(documented.subtracting(declared))")
    }

    @Test func rulesDocumentIsUpToDate() {
        Snapshot.assert(RuleCatalogDocument.markdown(), matchesFile: "docs/rules.md")
    }
}
