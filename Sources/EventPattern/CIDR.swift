/// An IPv4 or IPv6 address as 128 bits (IPv4 in the low 32), and CIDR blocks over them.
public struct IPAddress: Sendable, Hashable {
    public let isIPv6: Bool
    public let high: UInt64
    public let low: UInt64

    public static func parse(_ text: String) -> IPAddress? {
        text.contains(":") ? parseIPv6(text) : parseIPv4(text)
    }

    static func parseIPv4(_ text: String) -> IPAddress? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt64 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCIIDigit), let octet = UInt64(part), octet <= 255 else {
                return nil
            }
            value = value << 8 | octet
        }
        return IPAddress(isIPv6: false, high: 0, low: value)
    }

    static func parseIPv6(_ text: String) -> IPAddress? {
        let halves = text.split(separator: "::", omittingEmptySubsequences: false).map(String.init)
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard !group.isEmpty, group.count <= 4, let value = UInt16(group, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        var words = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count <= 7 else { return nil }
            words += [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard words.count == 8 else { return nil }
        let high = words[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = words[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return IPAddress(isIPv6: true, high: high, low: low)
    }
}

/// A `cidr` operand: `address/mask`, with Ruler's mask limits (IPv4 below 32, IPv6 below 128).
public struct CIDRBlock: Sendable, Hashable {
    public let address: IPAddress
    public let maskBits: Int

    /// The block, or why the text is not one.
    public static func parse(_ text: String) -> Result<CIDRBlock, PatternTextProblem> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return .failure(PatternTextProblem("malformed CIDR \"\(text)\": exactly one `/` is required"))
        }
        guard let address = IPAddress.parse(String(parts[0])) else {
            return .failure(PatternTextProblem("\"\(parts[0])\" is not an IPv4 or IPv6 address"))
        }
        guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit), let bits = Int(parts[1]), bits <= 999 else {
            return .failure(PatternTextProblem("the mask \"\(parts[1])\" must be a non-negative integer"))
        }
        let limit = address.isIPv6 ? 128 : 32
        guard bits < limit else {
            return .failure(
                PatternTextProblem(
                    "\(address.isIPv6 ? "IPv6" : "IPv4") mask bits must be below \(limit), found \(bits)",
                    help: "to match one address, put the address itself in the value list"))
        }
        return .success(CIDRBlock(address: address, maskBits: bits))
    }

    /// Whether `address` lies in the block (an IPv4 address never lies in an IPv6 block or the reverse).
    public func contains(_ other: IPAddress) -> Bool {
        guard other.isIPv6 == address.isIPv6 else { return false }
        let bits = address.isIPv6 ? maskBits : maskBits + 96
        let (highMask, lowMask): (UInt64, UInt64) =
            bits >= 64
            ? (UInt64.max, bits == 64 ? 0 : UInt64.max << UInt64(128 - bits))
            : (bits == 0 ? 0 : UInt64.max << UInt64(64 - bits), 0)
        return address.high & highMask == other.high & highMask && address.low & lowMask == other.low & lowMask
    }
}

/// Why an operand's text is invalid, with an optional hint.
public struct PatternTextProblem: Error, Sendable, Hashable {
    public let message: String
    public let help: String?

    public init(_ message: String, help: String? = nil) {
        self.message = message
        self.help = help
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
