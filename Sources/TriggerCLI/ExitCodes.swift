import ArgumentParser

/// Every exit code triggerc uses (SPEC 5.1), in one place.
enum ExitCodes {
    /// Success; warnings allowed unless `--strict`.
    static let success = ExitCode(0)
    /// The manifest has errors (or `--strict` and warnings).
    static let manifestErrors = ExitCode(1)
    /// `diff --exit-code` found differences.
    static let differences = ExitCode(1)
    /// A file could not be read or written.
    static let ioFailure = ExitCode(2)
    /// The command line itself was wrong (ArgumentParser's `ValidationError` also exits 64).
    static let usage = ExitCode(64)
}
