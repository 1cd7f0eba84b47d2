import Diagnostics
import Schedules
import TriggerModel

/// The `scheduleExpression` of a trigger, parsed, with a way to put a character offset of the expression
/// back into the manifest.
struct ScheduleSubject {
    let text: String
    let range: SourceRange
    let parsed: Result<ScheduleExpression, ScheduleProblems>

    /// `reusing` is the subject of the same trigger in another syslevel: when the expression is the same text
    /// its parse is taken over instead of repeated.
    init?(_ trigger: ResolvedTrigger, reusing other: ScheduleSubject? = nil) {
        guard let parameter = trigger.parameters["scheduleExpression"] else { return nil }
        if let value = parameter.text {
            text = value.displayText
        } else if let node = parameter.node, let scalar = node.scalar {
            text = scalar
        } else {
            return nil
        }
        range = parameter.valueRange
        if let other, other.text == text {
            parsed = other.parsed
        } else {
            parsed = ScheduleExpression.parse(text)
        }
    }

    var problems: [ScheduleProblem] {
        if case .failure(let problems) = parsed { return problems.all }
        return []
    }

    /// The characters `offsets` of the expression in the manifest: for a one-line plain or quoted scalar,
    /// column = scalar start + quote + offset; otherwise the whole value.
    func range(of offsets: Range<Int>) -> SourceRange {
        let width = range.end.column - range.start.column
        let count = text.unicodeScalars.count
        guard range.start.line == range.end.line, width == count || width == count + 2 else { return range }
        let start = range.start.column + (width - count) / 2
        return SourceRange(
            file: range.file, start: SourceLocation(line: range.start.line, column: start + offsets.lowerBound),
            end: SourceLocation(line: range.start.line, column: start + offsets.upperBound))
    }

    /// A `cwschedule` example manifest with the given `scheduleExpression` value line.
    static func example(_ expression: String, function: String? = nil) -> String {
        var text = ""
        if let function { text += "function:\n" + RuleExample.indent(function, by: 2) }
        return text + "trigger:\n  type: cwschedule\n  parameters:\n    scheduleExpression:\n      value: \(expression)\n"
    }
}
