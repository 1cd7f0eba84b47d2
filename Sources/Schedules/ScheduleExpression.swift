/// A problem with a schedule expression, at character offsets (Unicode scalars) of the expression's text.
public struct ScheduleProblem: Sendable, Hashable {
    /// Which rule reports it.
    public enum Kind: String, Sendable, Hashable {
        /// Neither `cron(...)` nor `rate(...)`.
        case form
        case cron
        case rate
    }

    public var kind: Kind
    public var message: String
    public var offsets: Range<Int>
    public var help: String?

    public init(_ kind: Kind, _ message: String, at offsets: Range<Int>, help: String? = nil) {
        self.kind = kind
        self.message = message
        self.offsets = offsets
        self.help = help
    }
}

/// An EventBridge rule schedule: `cron(...)` with six fields or `rate(value unit)` (EB-UG
/// `eb-create-rule-schedule.md`; aws-facts §2.1). All times are UTC.
public enum ScheduleExpression: Sendable, Hashable {
    case cron(CronExpression)
    case rate(Rate)

    /// The expression, or every problem found in it.
    public static func parse(_ text: String) -> Result<ScheduleExpression, ScheduleProblems> {
        let scalars = Array(text.unicodeScalars)
        let whole = 0..<scalars.count
        func body(_ prefix: String) -> Range<Int>? {
            let head = Array(prefix.unicodeScalars)
            guard scalars.starts(with: head) else { return nil }
            return head.count..<(scalars.last == ")" ? scalars.count - 1 : scalars.count)
        }
        if let inner = body("cron(") {
            guard scalars.last == ")" else {
                return .failure([ScheduleProblem(.cron, "the cron expression must end with `)`", at: whole)])
            }
            return CronExpression.parse(scalars, inner).map(ScheduleExpression.cron)
        }
        if let inner = body("rate(") {
            guard scalars.last == ")" else {
                return .failure([ScheduleProblem(.rate, "the rate expression must end with `)`", at: whole)])
            }
            return Rate.parse(scalars, inner).map(ScheduleExpression.rate)
        }
        let help =
            text.hasPrefix("at(")
            ? "`at(...)` one-time schedules belong to EventBridge Scheduler, not to rules"
            : "write cron(Minutes Hours Day-of-month Month Day-of-week Year) or rate(5 minutes)"
        return .failure([ScheduleProblem(.form, "\"\(text)\" is neither cron(...) nor rate(...)", at: whole, help: help)])
    }

    /// The next `count` firing times strictly after `after`. A rate counts from `after`, standing in for the
    /// moment the rule is created, which is when a rate schedule starts.
    public func firings(after: UTCDate, count: Int) -> [UTCDate] {
        switch self {
        case .cron(let cron): return cron.firings(after: after, count: count)
        case .rate(let rate):
            let start = after.minutesSinceEpoch
            return (1...max(1, count)).prefix(count).map { UTCDate(minutesSinceEpoch: start + $0 * rate.minutes) }
        }
    }

    /// A lower bound of `shortestInterval`, known without computing firings: a cron with one minute value fires
    /// at most hourly, one with one minute and one hour value at most daily (UTC has no daylight saving).
    public var minimumInterval: Int {
        switch self {
        case .rate(let rate): rate.minutes * 60
        case .cron(let cron): cron.minutes.count == 1 ? (cron.hours.count == 1 ? 86_400 : 3_600) : 60
        }
    }

    /// The shortest time between two firings, in seconds, within the sampled firings (a day of the most
    /// frequent schedule); `nil` when it fires at most once.
    public func shortestInterval(from start: UTCDate) -> Int? {
        switch self {
        case .rate(let rate): return rate.minutes * 60
        case .cron(let cron):
            let times = cron.firings(after: start, count: 1441).map(\.minutesSinceEpoch)
            guard times.count > 1 else { return nil }
            return zip(times, times.dropFirst()).map { ($1 - $0) * 60 }.min()
        }
    }
}

/// `rate(value unit)`: a positive integer and `minute(s)`, `hour(s)` or `day(s)`, singular exactly when the
/// value is 1 ("rate(1 hours) and rate(5 hour) aren't valid").
public struct Rate: Sendable, Hashable {
    public let value: Int
    public let unit: String

    public var minutes: Int {
        switch unit.hasSuffix("s") ? String(unit.dropLast()) : unit {
        case "hour": value * 60
        case "day": value * 1440
        default: value
        }
    }

    static func parse(_ scalars: [Unicode.Scalar], _ inner: Range<Int>) -> Result<Rate, ScheduleProblems> {
        let tokens = CronExpression.tokens(scalars, inner)
        guard tokens.count == 2 else {
            return .failure([
                ScheduleProblem(
                    .rate, "a rate holds a value and a unit, such as rate(5 minutes); found \(tokens.count) parts",
                    at: inner.isEmpty ? 0..<scalars.count : inner)
            ])
        }
        let (valueText, valueRange) = tokens[0]
        let (unit, unitRange) = tokens[1]
        var problems: [ScheduleProblem] = []
        let value = valueText.allSatisfy { ("0"..."9").contains($0) } ? Int(valueText) : nil
        if value == nil || value == 0 {
            problems.append(ScheduleProblem(.rate, "the rate value must be a positive integer, found \"\(valueText)\"", at: valueRange))
        }
        let units = ["minute", "minutes", "hour", "hours", "day", "days"]
        if !units.contains(unit) {
            problems.append(
                ScheduleProblem(
                    .rate, "unknown rate unit \"\(unit)\"", at: unitRange,
                    help: "the units are minute(s), hour(s) and day(s)"))
        } else if let value, value > 0, (value == 1) == unit.hasSuffix("s") {
            let fixed = value == 1 ? String(unit.dropLast()) : unit + "s"
            problems.append(
                ScheduleProblem(
                    .rate, "rate(\(value) \(unit)) is not valid: the unit is singular for 1 and plural otherwise", at: unitRange,
                    help: "write rate(\(value) \(fixed))"))
        }
        guard problems.isEmpty, let value else { return .failure(ScheduleProblems(problems)) }
        return .success(Rate(value: value, unit: unit))
    }
}

/// Every problem found in one expression.
public struct ScheduleProblems: Error, Sendable, Hashable, ExpressibleByArrayLiteral {
    public var all: [ScheduleProblem]

    public init(_ all: [ScheduleProblem]) { self.all = all }
    public init(arrayLiteral elements: ScheduleProblem...) { all = elements }
}
