import Diagnostics
import TriggerModel
import YAMLSource

/// The checks the YAML reader and the decoder make while reading a manifest. They are not `TriggerRule`s
/// (they run before there is a model to check), but each is documented, explained and tested like one.
public enum StructureRules {
    static let docsYAML = "https://yaml.org/spec/1.2.2/"
    static let docsManifest = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html"

    public static let descriptions: [RuleDescription] = [
        RuleDescription(
            code: .yamlSyntax, name: "yaml-syntax", severity: .error,
            summary: "the file is not valid YAML",
            rationale: "libyaml could not read the file; the position is where it gave up, which is usually at or just "
                + "after the mistake (a bad indent, an unclosed bracket or quote, a tab used for indentation).",
            documentation: docsYAML,
            triggering: ["trigger:\n  type: cweventsqsdlq\n  defaults: {queueName: a\n↓"],
            nonTriggering: [RuleExample.eventQueue()]),
        RuleDescription(
            code: .duplicateKey, name: "duplicate-key", severity: .error,
            summary: "a mapping holds the same key twice",
            rationale: "YAML readers disagree on which value wins; triggerc refuses to guess.",
            documentation: docsYAML,
            triggering: [RuleExample.eventQueue(defaults: "queueMaxReceiveCount: 5\n↓queueMaxReceiveCount: 6")],
            nonTriggering: [RuleExample.eventQueue(defaults: "queueMaxReceiveCount: 5")]),
        RuleDescription(
            code: .documentCount, name: "document-count", severity: .error,
            summary: "the file holds no YAML document, or more than one",
            rationale: "A manifest is exactly one document; a second one after `---` would be silently ignored by "
                + "other tools.",
            documentation: docsYAML,
            triggering: [RuleExample.eventQueue() + "↓---\ntrigger: {}\n"],
            nonTriggering: ["---\n" + RuleExample.eventQueue()]),
        RuleDescription(
            code: .inputTooLarge, name: "input-too-large", severity: .error,
            summary: "the file is larger than 8 MiB",
            rationale: "A trigger manifest is a few hundred bytes; a huge file is a mistake or an attack, and reading "
                + "it would waste memory.",
            documentation: docsYAML),
        RuleDescription(
            code: .nestingTooDeep, name: "nesting-too-deep", severity: .error,
            summary: "collections nest deeper than 256 levels",
            rationale: "No manifest needs that depth; the limit keeps every later stage safe from stack exhaustion.",
            documentation: docsYAML),
        RuleDescription(
            code: .tooManyNodes, name: "too-many-nodes", severity: .error,
            summary: "the document has more than 100,000 nodes once aliases are expanded",
            rationale: "Aliases that refer to aliases grow exponentially (a \"billion laughs\" document); the limit "
                + "stops them before anything is expanded.",
            documentation: docsYAML),
        RuleDescription(
            code: .invalidMergeKey, name: "invalid-merge-key", severity: .error,
            summary: "a `<<` merge key's value is not a mapping or a list of mappings",
            rationale: "Only mappings can be merged into a mapping.",
            documentation: "https://yaml.org/type/merge.html",
            triggering: [RuleExample.eventQueue(defaults: "<<: ↓orders")],
            nonTriggering: [RuleExample.eventQueue(syslevels: "sat: &shared\n  queueMaxReceiveCount: 5\nprd:\n  <<: *shared\n  queueDelaySeconds: 1")]
        ),
        RuleDescription(
            code: .undefinedAlias, name: "undefined-alias", severity: .error,
            summary: "an alias names an anchor that is not defined before it",
            rationale: "An alias can only refer to a node defined earlier in the file.",
            documentation: docsYAML,
            triggering: [RuleExample.eventQueue(defaults: "queueMaxReceiveCount: ↓*retries")],
            nonTriggering: [RuleExample.eventQueue(defaults: "queueMaxReceiveCount: &retries 5\nqueueDelaySeconds: *retries")]),
        RuleDescription(
            code: .unknownKey, name: "unknown-key", severity: .error,
            summary: "a key that triggerc does not know, usually a typo",
            rationale: "An unknown setting would otherwise be ignored silently and its built-in default used; the "
                + "message suggests the closest known key.",
            documentation: "https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html",
            triggering: [RuleExample.eventQueue(defaults: "↓queueVisibilityTimout: 60")],
            nonTriggering: [RuleExample.eventQueue(defaults: "queueVisibilityTimeout: 60")]),
        RuleDescription(
            code: .wrongNodeKind, name: "wrong-node-kind", severity: .error,
            summary: "a mapping, list or scalar where another kind is expected",
            rationale: "Settings blocks are flat mappings and lists hold scalars; another shape cannot be read.",
            documentation: docsYAML,
            triggering: ["trigger:\n  type: cweventsqsdlq\n  defaults:\n    ↓- queueName: orders\n"],
            nonTriggering: [RuleExample.eventQueue()]),
        RuleDescription(
            code: .wrongScalarType, name: "wrong-scalar-type", severity: .error,
            summary: "a value that is not of the setting's type (integer, boolean, string)",
            rationale: "Values are typed by the setting that holds them; CloudFormation would reject the template or, "
                + "worse, coerce the value.",
            documentation: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html",
            triggering: [RuleExample.eventQueue(defaults: "queueVisibilityTimeout: ↓1m")],
            nonTriggering: [RuleExample.eventQueue(defaults: "queueVisibilityTimeout: 60")]),
        RuleDescription(
            code: .valueOutOfRange, name: "value-out-of-range", severity: .error,
            summary: "a number outside the range AWS allows for the setting",
            rationale: "The ranges are AWS's (for example queueMaxReceiveCount 1..1000); CloudFormation fails the "
                + "deployment on values outside them.",
            documentation: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-configure-dead-letter-queue.html",
            triggering: [RuleExample.eventQueue(defaults: "queueMaxReceiveCount: ↓0")],
            nonTriggering: [RuleExample.eventQueue(defaults: "queueMaxReceiveCount: 1000")]),
        RuleDescription(
            code: .notAllowedValue, name: "value-not-allowed", severity: .error,
            summary: "a value that is not one of the setting's allowed words",
            rationale: "Words such as FIFO and STANDARD are compared exactly, as AWS does; the message suggests the "
                + "closest allowed word.",
            documentation: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues.html",
            triggering: [RuleExample.eventQueue(defaults: "queueType: ↓fifo")],
            nonTriggering: [RuleExample.eventQueue(defaults: "queueType: STANDARD")]),
        RuleDescription(
            code: .yaml11Boolean, name: "yaml11-boolean", severity: .warning,
            summary: "a boolean written the YAML 1.1 way (yes, no, on, off)",
            rationale: "YAML 1.2 readers treat `yes` as a string; write `true` or `false` so that every tool agrees.",
            documentation: "https://yaml.org/spec/1.2.2/#10212-boolean",
            triggering: [RuleExample.eventQueue(defaults: "reportBatchItemFailures: ↓yes")],
            nonTriggering: [RuleExample.eventQueue(defaults: "reportBatchItemFailures: true")]),
        RuleDescription(
            code: .quotedScalar, name: "quoted-number-or-boolean", severity: .warning,
            summary: "an integer or boolean written in quotes",
            rationale: "A quoted value is a string to every other YAML tool; write numbers and booleans plain.",
            documentation: docsYAML,
            triggering: [RuleExample.eventQueue(defaults: "queueDelaySeconds: ↓\"30\"")],
            nonTriggering: [RuleExample.eventQueue(defaults: "queueDelaySeconds: 30")]),
        RuleDescription(
            code: .missingKey, name: "missing-key", severity: .error,
            summary: "a required key is missing (the trigger's type, the function's name)",
            rationale: "Without a type triggerc cannot tell which settings apply or what to emit.",
            documentation: docsManifest,
            triggering: ["↓trigger:\n  defaults: {queueName: orders}\n"],
            nonTriggering: [RuleExample.eventQueue()]),
        RuleDescription(
            code: .settingNotForType, name: "setting-not-for-type", severity: .error,
            summary: "a setting or parameter of another trigger type",
            rationale: "A setting the type does not use would be ignored, which is never what its author meant.",
            documentation: docsManifest,
            triggering: [RuleExample.eventQueue(defaults: "↓topicName: orders")],
            nonTriggering: [RuleExample.eventQueue()]),
        RuleDescription(
            code: .unknownSyslevel, name: "unknown-syslevel", severity: .error,
            summary: "a syslevel other than ci, eng, sat and prd",
            rationale: "Overrides for an unknown syslevel would never apply; `prod` for `prd` is the usual slip.",
            documentation: docsManifest,
            triggering: [RuleExample.eventQueue(syslevels: "↓prod:\n  queueMaxReceiveCount: 5")],
            nonTriggering: [RuleExample.eventQueue(syslevels: "prd:\n  queueMaxReceiveCount: 5")]),
        RuleDescription(
            code: .triggerBlockCount, name: "trigger-block-count", severity: .error,
            summary: "the manifest has no trigger, or both `trigger` and `triggers`",
            rationale: "A manifest declares one trigger under `trigger:` or several under `triggers:`.",
            documentation: docsManifest,
            triggering: ["↓function:\n  name: orders\n"],
            nonTriggering: [RuleExample.eventQueue()]),
        RuleDescription(
            code: .invalidTriggerName, name: "invalid-trigger-name", severity: .error,
            summary: "a trigger name under `triggers:` that is not letters and digits starting with a letter",
            rationale: "The name prefixes the trigger's logical ids, which CloudFormation requires to be alphanumeric.",
            documentation: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html",
            triggering: ["triggers:\n  ↓order-events:\n    type: cweventsqsdlq\n"],
            nonTriggering: []),
        RuleDescription(
            code: .incompleteFunction, name: "incomplete-function", severity: .error,
            summary: "some but not all of a defined function's runtime, handler and code",
            rationale: "With all three the template defines the function; with none it refers to an existing one. "
                + "Part of them is neither.",
            documentation: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html",
            triggering: [RuleExample.eventQueue(function: "name: orders\nruntime: python3.12").replacing("function:", with: "↓function:")],
            nonTriggering: [RuleExample.eventQueue(function: "name: orders\ntimeout: 5")]),
        RuleDescription(
            code: .invalidParameter, name: "invalid-parameter", severity: .error,
            summary: "a parameter, tag or code block of the wrong shape",
            rationale: "A parameter is `{value: ...}` or `{jsonValue: ...}`, exactly one of them.",
            documentation: docsManifest,
            triggering: [
                "trigger:\n  type: cweventsqsdlq\n  defaults: {queueName: a, dLQueueName: b}\n  parameters:\n"
                    + "    eventPattern:\n      ↓jsonvalue: {source: [a]}\n"
            ],
            nonTriggering: [RuleExample.eventQueue()]),
        RuleDescription(
            code: .unknownVariable, name: "unknown-variable", severity: .error,
            summary: "a `${...}` other than ${syslevel}, ${AWS::AccountId}, ${AWS::Region} and ${AWS::Partition}",
            rationale: "Anything else would reach AWS literally (or break Fn::Sub); write `$${` for a literal `${`.",
            documentation: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html",
            triggering: [RuleExample.eventQueue(queueName: "orders-↓${env}")],
            nonTriggering: [RuleExample.eventQueue(queueName: "orders-${syslevel}")]),
    ]
}
