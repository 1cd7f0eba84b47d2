import Dispatch
import Synchronization

/// Runs independent pieces of work on a fixed number of threads and returns their results in input order,
/// so that what the caller prints or writes never depends on which thread finished first.
public struct ConcurrentMap: Sendable {
    /// The number of threads; 1 runs everything on the calling thread.
    public let workers: Int

    public init(workers: Int) {
        self.workers = max(1, workers)
    }

    /// `(0..<count).map(body)`, computed by `workers` threads. Each worker takes the next index not yet taken:
    /// manifests are alike in cost, but the threads are not alike in speed when other processes share the
    /// processors, and a fixed split left the one that was not interrupted waiting for the other.
    public func map<Result: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        let threads = min(workers, count)
        guard threads > 1 else { return (0..<count).map(body) }
        var results = [Result?](repeating: nil, count: count)
        let next = Atomic<Int>(0)
        results.withUnsafeMutableBufferPointer { buffer in
            // Every index is written by exactly one worker and read only after all of them have finished.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while true {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < count else { return }
                    slots[index] = body(index)
                }
            }
        }
        return results.map { $0! }
    }
}
