import Dispatch

/// Runs independent pieces of work on a fixed number of threads and returns their results in input order,
/// so that what the caller prints or writes never depends on which thread finished first.
public struct ConcurrentMap: Sendable {
    /// The number of threads; 1 runs everything on the calling thread.
    public let workers: Int

    public init(workers: Int) {
        self.workers = max(1, workers)
    }

    /// `(0..<count).map(body)`, computed by `workers` threads. Worker `w` takes indices `w`, `w + workers`, ...:
    /// manifests are alike in cost, so a static split balances as well as a shared counter would, without one.
    public func map<Result: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        let threads = min(workers, count)
        guard threads > 1 else { return (0..<count).map(body) }
        var results = [Result?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Every index is written by exactly one worker and read only after all of them have finished.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: threads) { worker in
                for index in stride(from: worker, to: count, by: threads) {
                    slots[index] = body(index)
                }
            }
        }
        return results.map { $0! }
    }
}
