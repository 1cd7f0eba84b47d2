#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the commands write, and what they know of the terminal and environment. The only place that
/// touches the process's streams, working directory and environment.
struct Console: Sendable {
    /// Whether stderr is a terminal and `NO_COLOR` is unset.
    var colour: Bool {
        isatty(2) != 0 && getenv("NO_COLOR") == nil
    }

    /// Whether stdout is a terminal and `NO_COLOR` is unset, for commands whose report goes to stdout.
    var colourOut: Bool {
        isatty(1) != 0 && getenv("NO_COLOR") == nil
    }

    /// Whether stderr is a terminal, where a progress line rewritten with `\r` is readable.
    var stderrIsTerminal: Bool {
        isatty(2) != 0 && getenv("TERM").map { String(cString: $0) != "dumb" } ?? true
    }

    /// Erases a progress line on stderr.
    func clearLine() { err("\r\u{1B}[2K") }

    func out(_ text: String) { write(text, to: 1) }

    func err(_ text: String) { write(text, to: 2) }

    /// Writes all of `text`, retrying short writes; a closed pipe is not an error worth a crash.
    func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// The working directory, for output paths relative to it.
    var currentDirectory: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A path as users see it in diagnostics: relative to the working directory when it is inside it.
    func displayPath(_ path: String) -> String {
        Self.displayPath(path, in: currentDirectory)
    }

    /// `displayPath` for a working directory already looked up, as a run over many manifests needs.
    static func displayPath(_ path: String, in cwd: String) -> String {
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        if path.hasPrefix("./") { return String(path.dropFirst(2)) }
        return path
    }

    /// The processors this process may run on, for the default number of jobs.
    var processorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
