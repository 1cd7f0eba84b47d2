import Diagnostics
import YAMLSource

/// The file name every test reads under.
let testFile = "t.yaml"

func read(_ text: String, limits: YAMLLimits = .default) -> YAMLReadResult {
    YAMLReader(limits: limits).read(text: text, file: testFile)
}

func read(bytes: [UInt8], limits: YAMLLimits = .default) -> YAMLReadResult {
    YAMLReader(limits: limits).read(bytes: bytes, file: testFile)
}

func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(line: line, column: column)
}

/// A range in the test file from `line:column` to `endLine:endColumn`.
func span(_ line: Int, _ column: Int, _ endLine: Int, _ endColumn: Int) -> SourceRange {
    SourceRange(file: testFile, start: at(line, column), end: at(endLine, endColumn))
}

/// A zero-width range, as libyaml errors and file-level problems are reported.
func point(_ line: Int, _ column: Int) -> SourceRange {
    span(line, column, line, column)
}

extension YAMLNode {
    /// The value of the first pair whose key is the scalar `key`.
    func value(forKey key: String) -> YAMLNode? {
        pairs?.first { $0.key.scalar == key }?.value
    }

    /// The scalar texts of a mapping's keys, in order.
    var keyTexts: [String] {
        (pairs ?? []).map { $0.key.scalar ?? "?" }
    }
}
