/// A setting's name as the key of a trigger's settings table.
///
/// Rules, emitters and the resolver look settings up by name tens of thousands of times per thousand manifests,
/// and SipHash over every byte of names like `alarmDLQApproximateAgeOfOldestMessageThreshold` was most of the
/// cost of a lookup. Names are ASCII identifiers that differ in length or in their first or last eight bytes,
/// so the key hashes those; equality still compares the whole name.
public struct SettingName: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) { self.text = text }

    public var description: String { text }

    public static func == (lhs: SettingName, rhs: SettingName) -> Bool { lhs.text == rhs.text }

    public func hash(into hasher: inout Hasher) {
        var text = text
        let digest = text.withUTF8 { bytes -> UInt64 in
            guard let base = bytes.baseAddress, bytes.count >= 8 else {
                return bytes.reduce(UInt64(bytes.count)) { $0 &* 31 &+ UInt64($1) }
            }
            let first = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
            let last = UnsafeRawPointer(base + bytes.count - 8).loadUnaligned(as: UInt64.self)
            return first ^ (last &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(bytes.count)
        }
        hasher.combine(digest)
    }
}
