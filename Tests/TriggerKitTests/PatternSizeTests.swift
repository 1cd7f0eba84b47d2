import Diagnostics
import Testing
import TriggerKit
import TriggerRules

/// TRG409 and TRG410 need patterns too long for an inline example.
@Suite struct PatternSizeTests {
    static func manifest(values: Int) -> String {
        let list = (0..<values).map { "\"com.example.source-\($0)\"" }.joined(separator: ", ")
        return RuleExample.eventQueue(pattern: "{source: [\(list)]}")
    }

    static func codes(_ text: String) -> [DiagnosticCode] {
        Pipeline().run(file: "size.yaml", bytes: Array(text.utf8)).diagnostics.map(\.code)
    }

    @Test func overTheQuotaIsAWarningOverTheLimitAnError() {
        // Each value is about 27 characters minified.
        #expect(!Self.codes(Self.manifest(values: 50)).contains(.patternOverQuota))
        let quota = Self.codes(Self.manifest(values: 100))
        #expect(quota.contains(.patternOverQuota) && !quota.contains(.patternTooLarge))
        let limit = Self.codes(Self.manifest(values: 200))
        #expect(limit.contains(.patternTooLarge) && !limit.contains(.patternOverQuota))
    }

    @Test func theDiagnosticStartsAtThePattern() throws {
        let result = Pipeline().run(file: "size.yaml", bytes: Array(Self.manifest(values: 200).utf8))
        let diagnostic = try #require(result.diagnostics.first { $0.code == .patternTooLarge })
        #expect(diagnostic.range.start == Diagnostics.SourceLocation(line: 8, column: 18))
    }
}
