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

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// The file operations the pipeline needs; injected so that tests and the CLI can differ.
public protocol FileSystem: Sendable {
    /// The bytes of a regular file, refusing anything larger than `limit` (and directories, FIFOs, devices).
    func read(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8]
    /// Writes files so that each either keeps its old content or has the whole new one, never a torn one.
    func writeAtomically(_ files: [(path: String, contents: String)]) throws(FileSystemError)
    /// Writes each file's contents, flushed, under a temporary name beside it; nothing is visible under the
    /// real names until `publish`. On failure, what this call staged is already discarded.
    func stage(_ files: [(path: String, contents: String)]) throws(FileSystemError) -> StagedFiles
    /// Renames staged files into place, in order. (`LocalFileSystem` can also rename on several threads.)
    func publish(_ staged: StagedFiles) throws(FileSystemError)
    /// Removes staged files and the directories staging created (when they are empty again).
    func discard(_ staged: StagedFiles)
}

/// Files written under temporary names and not yet renamed into place, and the directories created for them.
public struct StagedFiles: Sendable {
    public var files: [(temporary: String, path: String)] = []
    /// Created by `stage`; `discard` removes them again.
    public var createdDirectories: [String] = []

    public init() {}

    /// Adds what another `stage` call staged.
    public mutating func append(_ other: StagedFiles) {
        files += other.files
        createdDirectories += other.createdDirectories
    }
}

/// The real file system, through POSIX calls.
public struct LocalFileSystem: FileSystem {
    public init() {}

    static func reason() -> String { String(cString: strerror(errno)) }

    /// This process's ID, for temporary names: asked for once, not for every file.
    static let processID = String(getpid())

    public func read(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8] {
        // Opened first and then examined, one system call fewer than stat then open. O_NONBLOCK: opening a FIFO
        // must not wait for a writer; fstat turns it away.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw FileSystemError(path: path, reason: Self.reason()) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw FileSystemError(path: path, reason: Self.reason()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            let kind = (info.st_mode & S_IFMT) == S_IFDIR ? "a directory" : "not a regular file"
            throw FileSystemError(path: path, reason: "is \(kind)")
        }
        guard Int(info.st_size) <= limit else {
            throw FileSystemError(path: path, reason: "is \(info.st_size) bytes; the limit is \(limit)")
        }
        // Read straight into storage of the size stat gave (plus room to see the end of the file at once),
        // growing it only if the file grew since; no zero-filled buffer, no second copy per chunk.
        var storage = UnsafeMutableRawBufferPointer.allocate(byteCount: Int(info.st_size) + 4096, alignment: 1)
        defer { storage.deallocate() }
        var total = 0
        while true {
            if total == storage.count {
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: 2 * storage.count, alignment: 1)
                larger.copyMemory(from: UnsafeRawBufferPointer(storage))
                storage.deallocate()
                storage = larger
            }
            let count = Glibc.read(descriptor, storage.baseAddress! + total, storage.count - total)
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(path: path, reason: Self.reason())
            }
            if count == 0 { break }
            total += count
            // The file may grow after stat; the limit holds for what is read.
            if total > limit { throw FileSystemError(path: path, reason: "is larger than the limit of \(limit) bytes") }
        }
        return Array(storage[..<total])
    }

    /// Whether anything (a file, a directory, a dangling symbolic link) exists at `path`.
    public func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    public func writeAtomically(_ files: [(path: String, contents: String)]) throws(FileSystemError) {
        let staged = try stage(files)
        do throws(FileSystemError) {
            try publish(staged)
        } catch {
            discard(staged)
            throw error
        }
    }

    public func stage(_ files: [(path: String, contents: String)]) throws(FileSystemError) -> StagedFiles {
        var staged = StagedFiles()
        do throws(FileSystemError) {
            // A manifest's templates share a directory: make sure of each directory once, not once per file.
            var ready: String?
            for file in files {
                let directory = parent(of: file.path)
                if directory != ready {
                    try makeDirectories(directory, created: &staged.createdDirectories)
                    ready = directory
                }
                let temporary = try write(file.contents, beside: file.path)
                staged.files.append((temporary, file.path))
            }
        } catch {
            discard(staged)
            throw error
        }
        return staged
    }

    public func publish(_ staged: StagedFiles) throws(FileSystemError) {
        for file in staged.files {
            guard rename(file.temporary, file.path) == 0 else {
                throw FileSystemError(path: file.path, reason: Self.reason())
            }
        }
    }

    /// `publish` on `workers` threads: a rename is a system call that waits on the directory, and thousands of
    /// them at the end of a compile were time in which only one processor worked. Not in order, and every
    /// rename is tried; the first failure in the files' order is thrown.
    public func publish(_ staged: StagedFiles, workers: Int) throws(FileSystemError) {
        guard workers > 1 else { return try publish(staged) }
        let files = staged.files
        let failures = ConcurrentMap(workers: workers).map(files.count) { index -> FileSystemError? in
            rename(files[index].temporary, files[index].path) == 0 ? nil : FileSystemError(path: files[index].path, reason: Self.reason())
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }

    public func discard(_ staged: StagedFiles) {
        for file in staged.files { unlink(file.temporary) }
        // Children before parents (a child's path is longer than its parent's, whichever call created it);
        // rmdir leaves a directory that something else has put a file in since.
        for directory in staged.createdDirectories.sorted(by: { $0.utf8.count > $1.utf8.count }) { rmdir(directory) }
    }

    /// Writes `contents` to a new temporary file beside `destination` and returns its path. The file is created
    /// exclusively, so that threads staging the same destination never write into one file.
    func write(_ contents: String, beside destination: String) throws(FileSystemError) -> String {
        let stem = parent(of: destination) + "/." + base(of: destination) + ".tmp-" + Self.processID
        var path = stem
        var descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        var attempt = 1
        while descriptor < 0, errno == EEXIST, attempt < 1000 {
            attempt += 1
            path = stem + "-\(attempt)"
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw FileSystemError(path: path, reason: Self.reason()) }
        var contents = contents
        let failure: FileSystemError? = contents.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return FileSystemError(path: path, reason: Self.reason())
                }
                offset += written
            }
            return nil
        }
        if let failure {
            close(descriptor)
            unlink(path)
            throw failure
        }
        // The rename publishes the file; the data must be on disk before it, or a crash can expose an empty file.
        fsync(descriptor)
        close(descriptor)
        return path
    }

    /// Creates `path` and its missing parents, recording the ones this call created. Another thread creating
    /// the same directory at the same time is not an error.
    func makeDirectories(_ path: String, created: inout [String]) throws(FileSystemError) {
        guard !path.isEmpty, path != "/", path != "." else { return }
        // mkdir first: for a new output tree one system call does it, where stat then mkdir took two or three.
        if mkdir(path, 0o755) == 0 {
            created.append(path)
            return
        }
        if errno == ENOENT {
            try makeDirectories(parent(of: path), created: &created)
            if mkdir(path, 0o755) == 0 {
                created.append(path)
                return
            }
        }
        guard errno == EEXIST else { throw FileSystemError(path: path, reason: Self.reason()) }
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw FileSystemError(path: path, reason: "is not a directory")
        }
    }

    // By UTF-8 bytes: `/` is ASCII and never part of another character.
    func parent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    func base(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }
}
