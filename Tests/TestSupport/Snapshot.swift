import Foundation
import Testing

/// Golden-file assertions. `RECORD_SNAPSHOTS=1 swift test` rewrites the files and still fails, so that the
/// git diff of the fixtures is what a reviewer reads.
public enum Snapshot {
    /// The package's root directory, found from this file's path.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures`.
    public static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// Compares `actual` with the file at `Tests/Fixtures/<path>`.
    public static func assert(_ actual: String, matches path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        compare(actual, url: fixtures.appendingPathComponent(path), path: path, sourceLocation: sourceLocation)
    }

    /// Compares `actual` with a file relative to the package root, such as a generated document.
    public static func assert(_ actual: String, matchesFile path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        compare(actual, url: packageRoot.appendingPathComponent(path), path: path, sourceLocation: sourceLocation)
    }

    static func compare(_ actual: String, url: URL, path: String, sourceLocation: SourceLocation) {
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if recording {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            if expected != actual {
                Issue.record("recorded \(path); run again without RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected else {
            Issue.record("no golden file \(path); record it with RECORD_SNAPSHOTS=1 swift test", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("\(path) differs from the output:\n\(firstDifference(expected, actual))", sourceLocation: sourceLocation)
        }
    }

    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? String(a[index]) : "<end of file>"
            let right = index < b.count ? String(b[index]) : "<end of output>"
            if left != right { return "line \(index + 1):\n- \(left)\n+ \(right)" }
        }
        return "(only trailing whitespace differs)"
    }

    /// The manifests of `Examples/`, as paths relative to the package root, sorted.
    public static func examples() -> [String] {
        let root = packageRoot.appendingPathComponent("Examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().compactMap { name in
            let path = "Examples/\(name)/trigger.yaml"
            return FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(path).path) ? path : nil
        }
    }

    /// The bytes of a file relative to the package root.
    public static func bytes(_ path: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: packageRoot.appendingPathComponent(path)))) ?? []
    }
}
