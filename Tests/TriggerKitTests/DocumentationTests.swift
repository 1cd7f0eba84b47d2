import Foundation
import TestSupport
import Testing
import TriggerModel

/// The settings table in `docs/manifest.md` is exactly what the decoder accepts.
@Suite struct DocumentationTests {
    static let begin = "<!-- BEGIN GENERATED SETTINGS: RECORD_SNAPSHOTS=1 swift test rewrites this table -->\n"
    static let end = "<!-- END GENERATED SETTINGS -->"

    @Test func manifestReferenceListsEverySetting() throws {
        let url = Snapshot.packageRoot.appendingPathComponent("docs/manifest.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let table = SettingReference.markdownTable()
        guard let start = text.range(of: Self.begin), let stop = text.range(of: Self.end) else {
            Issue.record("docs/manifest.md lacks the generated-settings markers")
            return
        }
        let current = String(text[start.upperBound..<stop.lowerBound])
        if current != table, ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try text.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: table).write(to: url, atomically: true, encoding: .utf8)
            Issue.record("rewrote the settings table of docs/manifest.md")
        }
        #expect(current == table, "docs/manifest.md's settings table is out of date")
        for spec in SettingCatalog.all {
            #expect(current.contains("| `\(spec.name)` |"))
        }
    }
}
