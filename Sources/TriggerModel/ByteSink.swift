/// A growable byte buffer for the writers. An append is a capacity check and a store, without the uniqueness
/// check and copy-on-write bookkeeping of `[UInt8]`; a run of bytes is one copy. Noncopyable, so that the
/// storage has one owner and is freed exactly once.
struct ByteSink: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// `bytes` between double quotes, with one capacity check.
    @inline(__always)
    mutating func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
        if count + bytes.count + 2 > capacity { grow(toHold: count + bytes.count + 2) }
        base[count] = UInt8(ascii: "\"")
        if let source = bytes.baseAddress, !bytes.isEmpty { (base + count + 1).initialize(from: source, count: bytes.count) }
        count += bytes.count + 2
        base[count - 1] = UInt8(ascii: "\"")
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    mutating func append(repeating byte: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        if count + repeats > capacity { grow(toHold: count + repeats) }
        (base + count).initialize(repeating: byte, count: repeats)
        count += repeats
    }

    private mutating func grow(toHold needed: Int) {
        var larger = capacity * 2
        while larger < needed { larger *= 2 }
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        storage.initialize(from: base, count: count)
        base.deallocate()
        base = storage
        capacity = larger
    }

    /// The bytes as text; every byte came from a `String` or is ASCII, so they are UTF-8.
    consuming func text() -> String {
        String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }
}
