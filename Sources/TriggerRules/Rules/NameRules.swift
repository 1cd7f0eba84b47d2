import Diagnostics
import TriggerModel
import YAMLSource

/// The names AWS resources get, checked after `${syslevel}` is replaced.
struct NamedResource: Sendable {
    let setting: String
    let maxLength: Int
    let allowed: @Sendable (Unicode.Scalar) -> Bool
    let charsetDescription: String

    static let all: [NamedResource] = [
        NamedResource(setting: "queueName", maxLength: 80, allowed: sqsName, charsetDescription: "letters, digits, - and _ (plus the .fifo suffix)"),
        NamedResource(
            setting: "dLQueueName", maxLength: 80, allowed: sqsName, charsetDescription: "letters, digits, - and _ (plus the .fifo suffix)"),
        NamedResource(setting: "ruleName", maxLength: 64, allowed: { sqsName($0) || $0 == "." }, charsetDescription: "letters, digits, ., - and _"),
        NamedResource(setting: "topicName", maxLength: 256, allowed: sqsName, charsetDescription: "letters, digits, - and _ (plus the .fifo suffix)"),
        NamedResource(
            setting: "streamName", maxLength: 128, allowed: { sqsName($0) || $0 == "." }, charsetDescription: "letters, digits, ., - and _"),
    ]

    static func sqsName(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
    }
}

/// Queue and rule names must fit AWS's length and character rules once interpolated.
public struct NameRule: TriggerRule {
    public static let description = RuleDescription(
        code: .invalidName, name: "invalid-resource-name", severity: .error,
        summary: "a queue or rule name is too long or holds characters AWS does not allow, after interpolation",
        rationale: "SQS names are 1 to 80 characters of letters, digits, - and _ (FIFO names end in .fifo, which "
            + "counts); rule names are 1 to 64 characters of letters, digits, ., - and _. CloudFormation rejects others.",
        documentation: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html",
        triggering: [RuleExample.eventQueue(queueName: "↓orders.${syslevel}"), RuleExample.eventQueue(defaults: "ruleName: ↓orders/${syslevel}")],
        nonTriggering: [RuleExample.eventQueue(defaults: "ruleName: orders.${syslevel}")])

    public init() {}

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for resource in NamedResource.all {
            guard let value = trigger.string(resource.setting), let text = value.literalValue else { continue }
            let fifoSuffix = ["queueName", "dLQueueName", "topicName"].contains(resource.setting) && text.hasSuffix(".fifo")
            let body = fifoSuffix ? String(text.dropLast(5)) : text
            let range = trigger.range(of: resource.setting)
            if text.isEmpty || text.count > resource.maxLength {
                found.append(
                    diagnostic(
                        "`\(resource.setting)` \"\(text)\" is \(text.count) characters; it must be 1 to \(resource.maxLength)",
                        at: range, notes: trigger.overrideNotes(for: resource.setting)))
            } else if let bad = body.unicodeScalars.first(where: { !resource.allowed($0) }) {
                let written = trigger.written(resource.setting) ?? text
                found.append(
                    diagnostic(
                        "`\(resource.setting)` \"\(written)\" holds \"\(bad)\"; allowed are \(resource.charsetDescription)",
                        at: range, notes: trigger.overrideNotes(for: resource.setting)))
            }
        }
        return found
    }
}

/// Two syslevels that resolve to the same queue or rule name would share (and fight over) one resource.
public struct SameNameAcrossSyslevelsRule: SyslevelsRule {
    public static let description = RuleDescription(
        code: .sameNameAcrossSyslevels, name: "same-name-across-syslevels", severity: .warning,
        summary: "two syslevels resolve a queue or rule name to the same value",
        rationale: "Names are unique per account and region; if two syslevels deploy to the same account, the second "
            + "stack fails, and if they share a queue, messages of one environment reach the other.",
        documentation: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-queue-message-identifiers.html",
        triggering: [RuleExample.eventQueue(queueName: "↓orders")],
        nonTriggering: [
            RuleExample.eventQueue(),
            RuleExample.eventQueue(
                syslevels: "ci:\n  queueName: orders-ci\neng:\n  queueName: orders-eng\nsat:\n  queueName: orders-sat", queueName: "orders"),
        ])

    public init() {}

    public func check(_ manifests: [ResolvedManifest]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        guard let first = manifests.first else { return [] }
        for index in first.triggers.indices {
            for setting in ["queueName", "dLQueueName", "ruleName", "topicName", "streamName"] {
                // At most one name per syslevel: comparing a handful of names costs less than hashing them, and
                // positions in `manifests` are cheaper to keep than copies of the triggers.
                var names: [(name: String, position: Int)] = []
                for position in manifests.indices where index < manifests[position].triggers.count {
                    guard let name = manifests[position].triggers[index].string(setting)?.displayText else { continue }
                    names.append((name, position))
                }
                for (offset, entry) in names.enumerated() where !names[..<offset].contains(where: { $0.name == entry.name }) {
                    let name = entry.name
                    let positions = names.filter { $0.name == name }.map(\.position)
                    guard positions.count > 1 else { continue }
                    let triggers = positions.map { manifests[$0].triggers[index] }
                    let names = triggers.map(\.syslevel.rawValue)
                    let levels =
                        names.count == manifests.count
                        ? "every syslevel" : names.dropLast().joined(separator: ", ") + " and " + names.last!
                    let range = triggers.compactMap { $0[setting]?.valueRange }.first ?? triggers[0].spec.keyRange
                    found.append(
                        diagnostic(
                            "`\(setting)` is \"\(name)\" in \(levels)", at: range,
                            help: "add ${syslevel} to the name, or override it in each syslevel"))
                }
            }
        }
        return found
    }
}

/// Values such as `<s3_bucket_name>` or `CHANGEME` were copied from an example and never filled in.
public struct PlaceholderValueRule: TriggerRule {
    public static let description = RuleDescription(
        code: .placeholderValue, name: "placeholder-value", severity: .warning,
        summary: "a value looks like a placeholder that was never filled in",
        rationale: "A pattern that names `<s3_bucket_name>` matches no real event, so the trigger deploys and never fires.",
        documentation: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html",
        triggering: [RuleExample.eventQueue(pattern: "{source: [aws.s3], detail: {bucket: {name: [↓<s3_bucket_name>]}}}")],
        nonTriggering: [RuleExample.eventQueue(pattern: "{source: [aws.s3], detail: {bucket: {name: [rdz-uploads]}}}")])

    public init() {}

    static func isPlaceholder(_ text: String) -> Bool {
        let utf8 = text.utf8
        // The byte tests first: they spare nearly every value the character-aware ones.
        if utf8.first == UInt8(ascii: "<"), utf8.last == UInt8(ascii: ">"), text.hasPrefix("<"), text.hasSuffix(">"), text.count > 2 {
            return true
        }
        // Every character upper-cases to at least one, and takes at most 4 bytes: longer text cannot become a
        // 16-letter word, so it need not be upper-cased (which allocates, for every scalar of every pattern).
        guard text.utf8.count <= 64 else { return false }
        // ASCII text, almost every value, is compared byte by byte without building an upper-cased copy; other
        // text is upper-cased, since some letters (`ı`, `ſ`) become ASCII ones.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            guard placeholderLengths & (1 << utf8.count) != 0 else { return false }
            return placeholderWords.contains { word in
                word.utf8.count == text.utf8.count
                    && zip(word.utf8, text.utf8).allSatisfy { expected, byte in
                        byte == expected || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") && byte - 32 == expected)
                    }
            }
        }
        return placeholderWords.contains(text.uppercased())
    }

    static let placeholderWords = ["CHANGEME", "CHANGE_ME", "TODO", "FIXME", "XXX", "REPLACE_ME", "YOUR_BUCKET_NAME"]
    /// Bit n is set when a word is n bytes long (all are shorter than 64).
    static let placeholderLengths: UInt64 = placeholderWords.reduce(0) { $0 | 1 << $1.utf8.count }

    public func check(_ trigger: ResolvedTrigger, in manifest: ResolvedManifest) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // Sorted for a stable order, after filtering: sorting every setting cost more than checking them.
        let suspects = trigger.settings.values.filter { setting in
            guard case .string(let value) = setting.value, setting.valueRange != nil else { return false }
            return Self.isPlaceholder(value.displayText)
        }
        for setting in suspects.sorted(by: { $0.name < $1.name }) {
            guard case .string(let value) = setting.value, let range = setting.valueRange else { continue }
            found.append(diagnostic("`\(setting.name)` is \"\(value.displayText)\", which looks like a placeholder", at: range))
        }
        for parameter in trigger.parameters.values.sorted(by: { $0.name < $1.name }) {
            guard let node = parameter.node else {
                if let text = parameter.text?.displayText, Self.isPlaceholder(text) {
                    found.append(
                        diagnostic(
                            "the parameter `\(parameter.name)` is \"\(text)\", which looks like a placeholder",
                            at: parameter.valueRange))
                }
                continue
            }
            // Every value scalar in document order; recursion (the reader bounds the depth) instead of a stack
            // of node copies.
            func scan(_ current: YAMLNode) {
                switch current.kind {
                case .scalar(let text, _):
                    if Self.isPlaceholder(text) {
                        found.append(
                            diagnostic(
                                "\"\(text)\" in the parameter `\(parameter.name)` looks like a placeholder",
                                at: current.range, help: "replace it with the real value"))
                    }
                case .sequence(let items): for item in items { scan(item) }
                case .mapping(let pairs): for pair in pairs { scan(pair.value) }
                }
            }
            scan(node)
        }
        return found
    }
}
