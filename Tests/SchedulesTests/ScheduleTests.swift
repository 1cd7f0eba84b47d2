import Schedules
import Testing

func firings(_ text: String, after: String, count: Int = 5) -> [String] {
    guard case .success(let schedule) = ScheduleExpression.parse(text), let start = UTCDate.parse(after) else { return [] }
    return schedule.firings(after: start, count: count).map(\.description)
}

func problems(_ text: String) -> [ScheduleProblem] {
    if case .failure(let problems) = ScheduleExpression.parse(text) { return problems.all }
    return []
}

@Suite struct CronTests {
    // awsdocs/amazon-eventbridge-user-guide doc_source/eb-create-rule-schedule.md, cron examples table.
    @Test func documentedExamples() {
        // "Run at 10:15 AM (UTC) every day"
        #expect(
            firings("cron(15 10 * * ? *)", after: "2026-11-27T10:15:00Z", count: 2)
                == ["2026-11-28T10:15:00Z", "2026-11-29T10:15:00Z"])
        // "Run at 6:00 PM (UTC) every Monday through Friday"
        #expect(
            firings("cron(0 18 ? * MON-FRI *)", after: "2026-11-27T18:00:00Z", count: 2)
                == ["2026-11-30T18:00:00Z", "2026-12-01T18:00:00Z"])
        // "Run at 8:00 AM (UTC) on the first day of the month"
        #expect(firings("cron(0 8 1 * ? *)", after: "2026-11-27", count: 2) == ["2026-12-01T08:00:00Z", "2027-01-01T08:00:00Z"])
        // "Run every 10 minutes on weekdays"
        #expect(
            firings("cron(0/10 * ? * MON-FRI *)", after: "2026-11-27T23:45:00Z", count: 2)
                == ["2026-11-27T23:50:00Z", "2026-11-30T00:00:00Z"])
    }

    @Test func lastWeekdayAndNth() {
        #expect(firings("cron(0 12 L * ? *)", after: "2028-02-01", count: 2) == ["2028-02-29T12:00:00Z", "2028-03-31T12:00:00Z"])
        #expect(firings("cron(0 12 ? * 6L *)", after: "2026-11-01", count: 1) == ["2026-11-27T12:00:00Z"])
        #expect(firings("cron(0 12 ? * 3#2 *)", after: "2026-11-01", count: 1) == ["2026-11-10T12:00:00Z"])
        // 2026-08-01 is a Saturday: 1W moves forward to Monday the 3rd; 2026-05-31 is a Sunday: 31W moves back to Friday.
        #expect(firings("cron(0 12 1W * ? *)", after: "2026-07-31", count: 1) == ["2026-08-03T12:00:00Z"])
        #expect(firings("cron(0 12 31W * ? *)", after: "2026-05-01", count: 1) == ["2026-05-29T12:00:00Z"])
        #expect(firings("cron(0 12 LW * ? *)", after: "2026-05-01", count: 1) == ["2026-05-29T12:00:00Z"])
    }

    @Test func yearsAndNeverAgain() {
        #expect(firings("cron(0 0 1 1 ? 2027)", after: "2026-11-27", count: 3) == ["2027-01-01T00:00:00Z"])
        #expect(firings("cron(0 0 30 2 ? *)", after: "2026-11-27", count: 3).isEmpty)
    }

    @Test(arguments: [
        ("cron(0 10 * * ?)", 0..<16),
        ("cron(0 24 * * ? *)", 7..<9),
        ("cron(60 1 * * ? *)", 5..<7),
        ("cron(0 10 * * MON *)", 10..<17),
        ("cron(0 10 ? * ? *)", 10..<15),
        ("cron(0 10 ? * MON/2 *)", 14..<19),
        ("cron(0 10 ? * 2#1,6#3 *)", 14..<21),
        ("cron(0 10 ? FOO * *)", 12..<15),
        ("cron(0 10 ? * * 1969)", 16..<20),
        ("cron(5-1 10 ? * * *)", 5..<8),
        ("cron(0 10 * * ? *", 0..<17),
    ])
    func problemsPointAtTheField(_ text: String, _ offsets: Range<Int>) {
        let found = problems(text)
        #expect(found.contains { $0.kind == .cron && $0.offsets == offsets }, "\(found)")
    }
}

@Suite struct RateTests {
    @Test func unitsAgreeWithTheValue() {
        #expect(problems("rate(1 minute)").isEmpty)
        #expect(problems("rate(5 minutes)").isEmpty)
        #expect(problems("rate(1 hours)").first?.offsets == 7..<12)
        #expect(problems("rate(5 hour)").first?.message == "rate(5 hour) is not valid: the unit is singular for 1 and plural otherwise")
        #expect(problems("rate(0 minutes)").first?.offsets == 5..<6)
        #expect(problems("rate(-1 minutes)").first?.kind == .rate)
        #expect(problems("rate(5 seconds)").first?.kind == .rate)
        #expect(problems("every 5 minutes").first?.kind == .form)
    }

    @Test func ratesCountFromTheStart() {
        #expect(firings("rate(2 hours)", after: "2026-12-31T23:00:00Z", count: 2) == ["2027-01-01T01:00:00Z", "2027-01-01T03:00:00Z"])
    }

    @Test func shortestInterval() {
        let start = UTCDate(year: 2026, month: 1, day: 1)
        guard case .success(let cron) = ScheduleExpression.parse("cron(0/2 * ? * MON-FRI *)") else { return }
        #expect(cron.shortestInterval(from: start) == 120)
    }

    /// The frequency rule skips sampling firings when the bound already rules an overlap out, so the bound must
    /// never exceed the real shortest interval.
    @Test(arguments: [
        ("cron(0/2 * ? * MON-FRI *)", 60), ("cron(5 * * * ? *)", 3_600), ("cron(0 10 * * ? *)", 86_400),
        ("cron(15 10 ? * 6L 2026-2030)", 86_400), ("cron(0,30 8-17 ? * MON-FRI *)", 60), ("cron(7 0/6 * * ? *)", 3_600),
        ("rate(5 minutes)", 300), ("rate(1 day)", 86_400),
    ])
    func minimumIntervalIsALowerBound(_ text: String, _ bound: Int) throws {
        guard case .success(let schedule) = ScheduleExpression.parse(text) else {
            Issue.record("\(text) does not parse")
            return
        }
        #expect(schedule.minimumInterval == bound)
        let shortest = schedule.shortestInterval(from: UTCDate(year: 2026, month: 1, day: 1))
        #expect(shortest.map { $0 >= bound } ?? true, "\(text): shortest \(shortest.map(String.init) ?? "none")")
    }
}

@Suite struct UTCDateTests {
    @Test func roundTripsAndWeekdays() {
        for minutes in stride(from: -10_000_000, through: 200_000_000, by: 7_777_777) {
            #expect(UTCDate(minutesSinceEpoch: minutes).minutesSinceEpoch == minutes)
        }
        #expect(UTCDate.weekday(days: 0) == 5, "1970-01-01 was a Thursday")
        #expect(UTCDate.parse("2026-02-29") == nil)
        #expect(UTCDate.parse("2026-11-27T10:15:30Z")?.description == "2026-11-27T10:15:00Z")
        #expect(UTCDate.parse("2026-11-27T10:15") == nil)
    }
}
