#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure to read or write a file, with the path and the system's reason.
public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}

/// The file operations the pipeline needs; injected so that tests and the CLI can differ.
public protocol FileSystem: Sendable {
    /// The bytes of a regular file, refusing anything larger than `limit` (and directories, FIFOs, devices).
    func read(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8]
    /// Writes files so that each either keeps its old content or has the whole new one, never a torn one.
    func writeAtomically(_ files: [(path: String, contents: String)]) throws(FileSystemError)
}

/// The real file system, through POSIX calls.
public struct LocalFileSystem: FileSystem {
    public init() {}

    static func reason() -> String { String(cString: strerror(errno)) }

    public func read(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw FileSystemError(path: path, reason: Self.reason()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            let kind = (info.st_mode & S_IFMT) == S_IFDIR ? "a directory" : "not a regular file"
            throw FileSystemError(path: path, reason: "is \(kind)")
        }
        guard Int(info.st_size) <= limit else {
            throw FileSystemError(path: path, reason: "is \(info.st_size) bytes; the limit is \(limit)")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw FileSystemError(path: path, reason: Self.reason()) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(path: path, reason: Self.reason())
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            // The file may grow after stat; the limit holds for what is read.
            if bytes.count > limit { throw FileSystemError(path: path, reason: "is larger than the limit of \(limit) bytes") }
        }
        return bytes
    }

    /// Whether anything (a file, a directory, a dangling symbolic link) exists at `path`.
    public func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    public func writeAtomically(_ files: [(path: String, contents: String)]) throws(FileSystemError) {
        var staged: [(temporary: String, path: String)] = []
        do throws(FileSystemError) {
            for file in files {
                try makeDirectories(parent(of: file.path))
                let temporary = parent(of: file.path) + "/." + base(of: file.path) + ".tmp-\(getpid())"
                try write(file.contents, to: temporary)
                staged.append((temporary, file.path))
            }
            for file in staged {
                guard rename(file.temporary, file.path) == 0 else {
                    throw FileSystemError(path: file.path, reason: Self.reason())
                }
            }
        } catch {
            for file in staged { unlink(file.temporary) }
            throw error
        }
    }

    func write(_ contents: String, to path: String) throws(FileSystemError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileSystemError(path: path, reason: Self.reason()) }
        var utf8 = Array(contents.utf8)
        var offset = 0
        while offset < utf8.count {
            let written = utf8.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = Self.reason()
                close(descriptor)
                unlink(path)
                throw FileSystemError(path: path, reason: reason)
            }
            offset += written
        }
        // The rename publishes the file; the data must be on disk before it, or a crash can expose an empty file.
        fsync(descriptor)
        close(descriptor)
    }

    func makeDirectories(_ path: String) throws(FileSystemError) {
        guard !path.isEmpty, path != "/", path != "." else { return }
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw FileSystemError(path: path, reason: "is not a directory") }
            return
        }
        try makeDirectories(parent(of: path))
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw FileSystemError(path: path, reason: Self.reason()) }
    }

    func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    func base(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
