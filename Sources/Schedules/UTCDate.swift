/// A UTC calendar time to the minute (schedules have one-minute precision), with the proleptic Gregorian
/// arithmetic the schedule code needs; no Foundation, no time zones.
public struct UTCDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day number (`civil_from_days`).
    public static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// 1 = Sunday ... 7 = Saturday, EventBridge's numbering.
    public static func weekday(days: Int) -> Int { ((days % 7 + 7 + 4) % 7) + 1 }

    /// Minutes since 1970-01-01T00:00Z.
    public var minutesSinceEpoch: Int { (Self.days(year: year, month: month, day: day) * 24 + hour) * 60 + minute }

    public init(minutesSinceEpoch: Int) {
        let days = minutesSinceEpoch >= 0 ? minutesSinceEpoch / 1440 : (minutesSinceEpoch - 1439) / 1440
        let civil = Self.civil(days: days)
        let rest = minutesSinceEpoch - days * 1440
        self.init(year: civil.year, month: civil.month, day: civil.day, hour: rest / 60, minute: rest % 60)
    }

    public static func < (lhs: UTCDate, rhs: UTCDate) -> Bool { lhs.minutesSinceEpoch < rhs.minutesSinceEpoch }

    /// ISO 8601 in UTC: `2026-11-27T10:15:00Z`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):00Z"
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]Z` (seconds are dropped; schedules fire on minutes).
    public static func parse(_ text: String) -> UTCDate? {
        let scalars = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count else { return nil }
            var value = 0
            for byte in scalars[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard scalars.count >= 10, scalars[4] == UInt8(ascii: "-"), scalars[7] == UInt8(ascii: "-"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        if scalars.count == 10 { return UTCDate(year: year, month: month, day: day) }
        guard scalars[10] == UInt8(ascii: "T"), scalars.count >= 17, scalars[13] == UInt8(ascii: ":"),
            let hour = number(11..<13), let minute = number(14..<16), hour < 24, minute < 60
        else { return nil }
        var rest = scalars[16...]
        if rest.first == UInt8(ascii: ":") {
            guard rest.count >= 3, let second = number(17..<19), second < 60 else { return nil }
            rest = rest.dropFirst(3)
        }
        guard Array(rest) == [UInt8(ascii: "Z")] else { return nil }
        return UTCDate(year: year, month: month, day: day, hour: hour, minute: minute)
    }
}
