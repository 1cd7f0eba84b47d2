/// An environment a manifest compiles for, in promotion order.
public enum Syslevel: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case ci
    case eng
    case sat
    case prd

    public static func < (lhs: Syslevel, rhs: Syslevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
