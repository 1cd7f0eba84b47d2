/// `cron(Minutes Hours Day-of-month Month Day-of-week Year)` as EventBridge rules read it (EB-UG
/// `eb-create-rule-schedule.md`): six fields; `, - * /` everywhere except `/` in day-of-week; `?` in exactly one
/// of day-of-month and day-of-week; `L` and `W` in day-of-month; `L` and `#` in day-of-week.
public struct CronExpression: Sendable, Hashable {
    public let minutes: Set<Int>
    public let hours: Set<Int>
    public let months: Set<Int>
    public let years: Set<Int>
    public let daysOfMonth: DayOfMonth
    public let daysOfWeek: DayOfWeek

    /// The day-of-month field.
    public enum DayOfMonth: Sendable, Hashable {
        case unspecified
        case days(Set<Int>)
        /// `L`: the last day of the month.
        case last
        /// `LW`: the last weekday of the month.
        case lastWeekday
        /// `nW`: the weekday nearest to day n, within the month.
        case nearestWeekday(Int)
    }

    /// The day-of-week field (1 = Sunday ... 7 = Saturday).
    public enum DayOfWeek: Sendable, Hashable {
        case unspecified
        case days(Set<Int>)
        /// `nL`: the last such weekday of the month.
        case last(Int)
        /// `n#k`: the k-th such weekday of the month.
        case nth(Int, Int)
    }

    /// One field's rules.
    struct Field {
        let name: String
        let range: ClosedRange<Int>
        let names: [String]
        let allowsSlash: Bool
    }

    static let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    static let weekdays = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
    static let fields = [
        Field(name: "minutes", range: 0...59, names: [], allowsSlash: true),
        Field(name: "hours", range: 0...23, names: [], allowsSlash: true),
        Field(name: "day-of-month", range: 1...31, names: [], allowsSlash: true),
        Field(name: "month", range: 1...12, names: months, allowsSlash: true),
        Field(name: "day-of-week", range: 1...7, names: weekdays, allowsSlash: false),
        Field(name: "year", range: 1970...2199, names: [], allowsSlash: true),
    ]

    /// The space-separated words of `scalars[range]`, with their offsets.
    static func tokens(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> [(String, Range<Int>)] {
        var result: [(String, Range<Int>)] = []
        var start: Int?
        for index in range.lowerBound...range.upperBound {
            let isSpace = index == range.upperBound || scalars[index] == " " || scalars[index] == "\t"
            if isSpace, let begin = start {
                result.append((String(String.UnicodeScalarView(scalars[begin..<index])), begin..<index))
                start = nil
            } else if !isSpace, start == nil {
                start = index
            }
        }
        return result
    }

    static func parse(_ scalars: [Unicode.Scalar], _ inner: Range<Int>) -> Result<CronExpression, ScheduleProblems> {
        let parts = tokens(scalars, inner)
        guard parts.count == 6 else {
            let where_ = parts.count > 6 ? parts[6].1.lowerBound..<parts.last!.1.upperBound : 0..<scalars.count
            return .failure([
                ScheduleProblem(
                    .cron, "a cron expression has 6 fields (minutes hours day-of-month month day-of-week year), found \(parts.count)",
                    at: where_, help: parts.count == 5 ? "add the year field: `*` for every year" : nil)
            ])
        }
        var problems: [ScheduleProblem] = []
        var sets: [Set<Int>] = []
        for (index, field) in fields.enumerated() where index != 2 && index != 4 {
            let (text, range) = parts[index]
            sets.append(parseList(text, range, field, into: &problems))
        }
        let dayOfMonth = parseDayOfMonth(parts[2].0, parts[2].1, into: &problems)
        let dayOfWeek = parseDayOfWeek(parts[4].0, parts[4].1, into: &problems)
        let domUnspecified = parts[2].0 == "?"
        let dowUnspecified = parts[4].0 == "?"
        if domUnspecified == dowUnspecified {
            let range = parts[2].1.lowerBound..<parts[4].1.upperBound
            problems.append(
                ScheduleProblem(
                    .cron,
                    domUnspecified
                        ? "day-of-month and day-of-week cannot both be `?`"
                        : "day-of-month and day-of-week cannot both be specified; one of them must be `?`",
                    at: range, help: domUnspecified ? "put `*` in one of them" : "write `?` in the one you do not restrict, e.g. cron(0 12 * * ? *)"))
        }
        guard problems.isEmpty else { return .failure(ScheduleProblems(problems)) }
        return .success(
            CronExpression(
                minutes: sets[0], hours: sets[1], months: sets[2], years: sets[3],
                daysOfMonth: dayOfMonth, daysOfWeek: dayOfWeek))
    }

    /// A value: digits or (for months and weekdays) a three-letter name, case-insensitive.
    static func value(_ text: Substring, _ field: Field) -> Int? {
        if !text.isEmpty, text.allSatisfy({ ("0"..."9").contains($0) }), let number = Int(text), field.range.contains(number) {
            return number
        }
        if let index = field.names.firstIndex(of: text.uppercased()) { return field.range.lowerBound + index }
        return nil
    }

    /// `*`, `*/n`, `a`, `a-b`, `a/n`, `a-b/n`, separated by commas.
    static func parseList(_ text: String, _ range: Range<Int>, _ field: Field, into problems: inout [ScheduleProblem]) -> Set<Int> {
        var result: Set<Int> = []
        var offset = range.lowerBound
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let itemRange = offset..<offset + item.unicodeScalars.count
            offset = itemRange.upperBound + 1
            if let values = parseItem(item, itemRange, field, into: &problems) { result.formUnion(values) }
        }
        return result
    }

    static func parseItem(_ item: Substring, _ range: Range<Int>, _ field: Field, into problems: inout [ScheduleProblem]) -> [Int]? {
        func fail(_ message: String, help: String? = nil) -> [Int]? {
            problems.append(ScheduleProblem(.cron, message, at: range, help: help))
            return nil
        }
        if item.isEmpty { return fail("an empty entry in the \(field.name) field") }
        var base = item
        var step = 1
        if let slash = item.firstIndex(of: "/") {
            guard field.allowsSlash else { return fail("`/` is not allowed in the \(field.name) field") }
            let stepText = item[item.index(after: slash)...]
            guard let parsed = Int(stepText), stepText.allSatisfy({ ("0"..."9").contains($0) }), parsed > 0,
                parsed <= field.range.upperBound - field.range.lowerBound + 1
            else {
                return fail(
                    "the increment \"\(stepText)\" in the \(field.name) field must be a positive integer up to "
                        + "\(field.range.upperBound - field.range.lowerBound + 1)")
            }
            step = parsed
            base = item[..<slash]
        }
        let lower: Int
        var upper: Int
        if base == "*" {
            lower = field.range.lowerBound
            upper = field.range.upperBound
        } else if let dash = base.firstIndex(of: "-") {
            guard let a = value(base[..<dash], field), let b = value(base[base.index(after: dash)...], field) else {
                return fail("\"\(base)\" is not a range of \(field.name) values (\(describe(field)))")
            }
            guard a <= b else {
                return fail("the range \(base) in the \(field.name) field runs backwards", help: "write the smaller value first")
            }
            lower = a
            upper = b
        } else {
            guard let a = value(base, field) else {
                let wildcardHint =
                    "?LW#".contains(where: { base.contains($0) })
                    ? "`\(base)` is not allowed in the \(field.name) field" : "\"\(base)\" is not a \(field.name) value"
                return fail("\(wildcardHint) (\(describe(field)))")
            }
            lower = a
            upper = item.contains("/") ? field.range.upperBound : a
        }
        return Array(stride(from: lower, through: upper, by: step))
    }

    static func describe(_ field: Field) -> String {
        var text = "\(field.range.lowerBound)-\(field.range.upperBound)"
        if let first = field.names.first, let last = field.names.last { text += " or \(first)-\(last)" }
        return text
    }

    static func parseDayOfMonth(_ text: String, _ range: Range<Int>, into problems: inout [ScheduleProblem]) -> DayOfMonth {
        let field = fields[2]
        switch text {
        case "?": return .unspecified
        case "L": return .last
        case "LW": return .lastWeekday
        default: break
        }
        if text.hasSuffix("W") {
            let day = text.dropLast()
            guard let number = value(day, field) else {
                problems.append(ScheduleProblem(.cron, "`W` follows a single day of the month (1-31), as in 15W", at: range))
                return .unspecified
            }
            return .nearestWeekday(number)
        }
        if text.contains("?") || text.contains("L") || text.contains("W") {
            problems.append(
                ScheduleProblem(
                    .cron, "`?`, `L` and `W` stand alone in the day-of-month field (`?`, `L`, `LW`, `15W`), found \"\(text)\"", at: range))
            return .unspecified
        }
        if text.contains("#") {
            problems.append(ScheduleProblem(.cron, "`#` belongs in the day-of-week field", at: range))
            return .unspecified
        }
        return .days(parseList(text, range, field, into: &problems))
    }

    static func parseDayOfWeek(_ text: String, _ range: Range<Int>, into problems: inout [ScheduleProblem]) -> DayOfWeek {
        let field = fields[4]
        if text == "?" { return .unspecified }
        if text == "L" { return .days([7]) }
        if text.contains("#") {
            let parts = text.split(separator: "#", omittingEmptySubsequences: false)
            guard !text.contains(","), parts.count == 2, let day = value(parts[0], field), let nth = Int(parts[1]),
                parts[1].allSatisfy({ ("0"..."9").contains($0) }), (1...5).contains(nth)
            else {
                problems.append(
                    ScheduleProblem(
                        .cron, "with `#` the day-of-week field holds one expression, a weekday and a week 1-5 (3#2 is the second Tuesday)",
                        at: range))
                return .unspecified
            }
            return .nth(day, nth)
        }
        if text.hasSuffix("L") {
            guard let day = value(text.dropLast(), field) else {
                problems.append(ScheduleProblem(.cron, "`L` follows a single weekday, as in 6L (the last Friday)", at: range))
                return .unspecified
            }
            return .last(day)
        }
        if text.contains("?") || text.contains("L") || text.contains("W") {
            problems.append(
                ScheduleProblem(
                    .cron, "`?` and `L` stand alone in the day-of-week field (`?`, `L`, `6L`), and `W` is not allowed there, found \"\(text)\"",
                    at: range))
            return .unspecified
        }
        return .days(parseList(text, range, field, into: &problems))
    }

    // MARK: - Firing times

    /// Whether the expression fires on a day.
    public func firesOn(year: Int, month: Int, day: Int) -> Bool {
        guard years.contains(year), months.contains(month) else { return false }
        let length = UTCDate.daysIn(month: month, year: year)
        let dayNumber = UTCDate.days(year: year, month: month, day: day)
        let weekday = UTCDate.weekday(days: dayNumber)
        switch daysOfMonth {
        case .unspecified: break
        case .days(let days): return days.contains(day)
        case .last: return day == length
        case .lastWeekday:
            var last = length
            while UTCDate.weekday(days: UTCDate.days(year: year, month: month, day: last)) % 7 < 2 { last -= 1 }
            return day == last
        case .nearestWeekday(let wanted):
            guard wanted <= length else { return false }
            let wantedWeekday = UTCDate.weekday(days: UTCDate.days(year: year, month: month, day: wanted))
            var target = wanted
            if wantedWeekday == 7 { target = wanted == 1 ? 3 : wanted - 1 }
            if wantedWeekday == 1 { target = wanted == length ? wanted - 2 : wanted + 1 }
            return day == target
        }
        switch daysOfWeek {
        case .unspecified: return true
        case .days(let days): return days.contains(weekday)
        case .last(let wanted): return weekday == wanted && day + 7 > length
        case .nth(let wanted, let nth): return weekday == wanted && (day - 1) / 7 + 1 == nth
        }
    }

    /// The next `count` firing times strictly after `after`, searching up to the end of 2199.
    public func firings(after: UTCDate, count: Int) -> [UTCDate] {
        var result: [UTCDate] = []
        guard count > 0 else { return result }
        let sortedHours = hours.sorted()
        let sortedMinutes = minutes.sorted()
        var dayNumber = UTCDate.days(year: after.year, month: after.month, day: after.day)
        let lastDay = UTCDate.days(year: 2199, month: 12, day: 31)
        let limit = after.minutesSinceEpoch
        let lastYear = years.max() ?? 0
        while dayNumber <= lastDay, result.count < count {
            let date = UTCDate.civil(days: dayNumber)
            if date.year > lastYear { break }
            if firesOn(year: date.year, month: date.month, day: date.day) {
                for hour in sortedHours {
                    for minute in sortedMinutes {
                        let time = UTCDate(year: date.year, month: date.month, day: date.day, hour: hour, minute: minute)
                        if time.minutesSinceEpoch > limit, result.count < count { result.append(time) }
                    }
                }
            }
            dayNumber += 1
        }
        return result
    }
}
