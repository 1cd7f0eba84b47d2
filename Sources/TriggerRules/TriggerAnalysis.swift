import Diagnostics
import EventPattern
import Schedules
import TriggerModel

/// A pattern of a trigger with every problem the validator found in it.
public struct AnalysedPattern {
    let subject: PatternSubject
    let problems: [PatternProblem]
    /// The pattern's length in characters, minified, as the size limits count it.
    let minifiedLength: Int

    /// `reusing` is the same pattern of the trigger in another syslevel: when it is the same JSON in the same
    /// dialect, what was found in it holds here too and is taken over instead of worked out again.
    init(_ subject: PatternSubject, reusing other: AnalysedPattern? = nil) {
        self.subject = subject
        if let other, other.subject.dialect == subject.dialect, other.subject.json == subject.json {
            problems = other.problems
            minifiedLength = other.minifiedLength
        } else {
            problems = subject.problems()
            minifiedLength = JSONWriter.compact(subject.json).count
        }
    }
}

/// What the dearer checks of a trigger need, worked out once per trigger and syslevel and shared by every rule
/// that reads it: each pattern validated, the schedule expression parsed.
public struct TriggerAnalysis {
    let patterns: [AnalysedPattern]
    let schedule: ScheduleSubject?

    /// `reusing` is the analysis of the same trigger in another syslevel; the syslevels of a trigger usually
    /// share their patterns and schedule, so most of the work is done once per trigger instead of four times.
    init(_ trigger: ResolvedTrigger, reusing other: TriggerAnalysis? = nil) {
        let subjects = PatternSubject.all(in: trigger)
        patterns = subjects.indices.map { index in
            AnalysedPattern(subjects[index], reusing: other.flatMap { index < $0.patterns.count ? $0.patterns[index] : nil })
        }
        schedule = ScheduleSubject(trigger, reusing: other?.schedule)
    }
}

/// A rule that reads a trigger's analysis. The linter analyses each trigger once and hands the analysis to
/// every such rule; run alone, a rule analyses the trigger itself.
public protocol AnalysedRule: TriggerRule {
    func check(_ analysis: TriggerAnalysis, trigger: ResolvedTrigger, manifest: ResolvedManifest) -> [Diagnostic]
}

extension AnalysedRule {
    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        check(TriggerAnalysis(trigger), trigger: trigger, manifest: manifest)
    }

    /// One diagnostic per problem of the given kind in every pattern of the trigger.
    func patternDiagnostics(_ analysis: TriggerAnalysis, kind: PatternProblem.Kind) -> [Diagnostic] {
        analysis.patterns.flatMap { pattern in
            pattern.problems.filter { $0.kind == kind }.map { problem in
                diagnostic(
                    "\(pattern.subject.parameter) \(problem.path): \(problem.message)", at: pattern.subject.range(of: problem),
                    help: problem.help)
            }
        }
    }

    /// One diagnostic per schedule problem of the given kind.
    func scheduleDiagnostics(_ analysis: TriggerAnalysis, kind: ScheduleProblem.Kind) -> [Diagnostic] {
        guard let subject = analysis.schedule else { return [] }
        return subject.problems.filter { $0.kind == kind }.map {
            diagnostic($0.message, at: subject.range(of: $0.offsets), help: $0.help)
        }
    }
}
