import Diagnostics
import Testing
import YAMLSource

@testable import TriggerModel

@Suite("Resolver: precedence and provenance")
struct ResolverPrecedenceTests {
    static let manifest = """
        function:
          name: orders-${syslevel}
          timeout: 10
        tags:
          team: rdz
          app: orders-${syslevel}
        trigger:
          type: cweventsqsdlq
          defaults:
            queueName: q-${syslevel}
            queueMaxReceiveCount: 5
            maximumBatchingWindowInSeconds: 20
          syslevels:
            prd:
              queueMaxReceiveCount: 7
        """

    @Test func syslevelOverrideBeatsDefaultsAndRecordsTheReplacedDefault() throws {
        let resolved = try resolve(Self.manifest, for: .prd)
        let trigger = try #require(resolved.triggers.first)
        let setting = try #require(trigger["queueMaxReceiveCount"])
        #expect(setting.value == .integer(7))
        #expect(setting.written == .integer(7))
        #expect(setting.provenance == .syslevel(.prd, span(15, 7, 27)))
        #expect(setting.provenance.description == "syslevels.prd at line 15")
        #expect(setting.valueRange == span(15, 29, 30))
        let replaced = try #require(setting.replacedDefault)
        #expect(replaced.name == "queueMaxReceiveCount")
        #expect(replaced.value == .integer(5))
        #expect(replaced.keyRange == span(11, 5, 25))
        #expect(replaced.valueRange == span(11, 27, 28))
        #expect(trigger.range(of: "queueMaxReceiveCount") == span(15, 29, 30))
        #expect(
            trigger.overrideNotes(for: "queueMaxReceiveCount") == [
                Note("the default it overrides is 5 here", at: span(11, 27, 28))
            ])
    }

    @Test func defaultsApplyToSyslevelsWithoutAnOverride() throws {
        let resolved = try resolve(Self.manifest, for: .ci)
        let trigger = try #require(resolved.triggers.first)
        let setting = try #require(trigger["queueMaxReceiveCount"])
        #expect(setting.value == .integer(5))
        #expect(setting.provenance == .defaults(span(11, 5, 25)))
        #expect(setting.provenance.description == "defaults at line 11")
        #expect(setting.replacedDefault == nil)
        #expect(trigger.overrideNotes(for: "queueMaxReceiveCount").isEmpty)
    }

    @Test func builtInDefaultsFillTheRestWithoutARange() throws {
        let resolved = try resolve(Self.manifest, for: .sat)
        let trigger = try #require(resolved.triggers.first)
        let retention = try #require(trigger["queueMessageRetentionPeriod"])
        #expect(retention.value == .integer(345_600))
        #expect(retention.provenance == .builtIn("4 days"))
        #expect(retention.provenance.description == "built-in default (4 days)")
        #expect(retention.provenance.range == nil)
        #expect(retention.valueRange == nil)
        #expect(retention.replacedDefault == nil)
        #expect(trigger["queueType"]?.value == text("STANDARD"))
        #expect(trigger["queueEncryption"]?.value == text("SQS"))
        #expect(trigger["dLQueueMessageRetentionPeriod"]?.value == .integer(1_209_600))
        #expect(trigger["batchSize"]?.value == .integer(10))
        #expect(trigger["ruleState"]?.value == text("ENABLED"))
        #expect(trigger["eventBusName"]?.value == text("default"))
        #expect(trigger["targetDeadLetter"]?.value == .boolean(false))
        #expect(trigger["triggerEnabled"]?.value == .boolean(true))
        // Not a setting of cweventsqsdlq, so no built-in value.
        #expect(trigger["rawMessageDelivery"] == nil)
        #expect(trigger["startingPosition"] == nil)
        // "AWS default" settings stay absent.
        #expect(trigger["targetMaximumRetryAttempts"] == nil)
        // The built-in default only applies when nothing was written.
        #expect(trigger["maximumBatchingWindowInSeconds"]?.provenance == .defaults(span(12, 5, 35)))
        // STANDARD queue: no content-based deduplication default.
        #expect(trigger["queueContentBasedDeduplication"] == nil)
    }

    @Test func syslevelIsSubstitutedInSettingsButKeptInTheWrittenValue() throws {
        let resolved = try resolve(Self.manifest, for: .eng)
        let trigger = try #require(resolved.triggers.first)
        let queueName = try #require(trigger["queueName"])
        #expect(queueName.value == text("q-eng"))
        #expect(queueName.written == .string(InterpolatedString(parts: [.literal("q-"), .syslevel])))
        #expect(trigger.written("queueName") == "q-${syslevel}")
        #expect(queueName.provenance == .defaults(span(10, 5, 14)))
        #expect(trigger.string("queueName")?.literalValue == "q-eng")
    }

    @Test func functionNameAndTagsAreResolvedAndTheSyslevelTagIsAddedInKeyOrder() throws {
        let resolved = try resolve(Self.manifest, for: .prd)
        #expect(resolved.syslevel == .prd)
        #expect(resolved.function?.name.literalValue == "orders-prd")
        #expect(resolved.function?.timeout == 10)
        #expect(resolved.tags.map(\.key) == ["app", "syslevel", "team"])
        #expect(resolved.tags.map { $0.value.literalValue } == ["orders-prd", "prd", "rdz"])
    }

    @Test func withoutUserTagsOnlyTheSyslevelTagIsPresent() throws {
        let resolved = try resolve("trigger:\n  type: sqsdlq\n", for: .ci)
        #expect(resolved.tags.map(\.key) == ["syslevel"])
        #expect(resolved.tags.map { $0.value.literalValue } == ["ci"])
        #expect(resolved.function == nil)
    }

    @Test func everySyslevelResolvesEvenWithoutAnOverrideBlock() throws {
        let text = "trigger:\n  type: sqsdlq\n  defaults:\n    queueName: ${syslevel}-q\n"
        for syslevel in Syslevel.allCases {
            let resolved = try resolve(text, for: syslevel)
            #expect(resolved.triggers.first?.string("queueName")?.literalValue == "\(syslevel.rawValue)-q")
        }
    }
}

@Suite("Resolver: derived built-in defaults")
struct ResolverBuiltInDefaultTests {
    @Test func visibilityTimeoutIsSixTimesTheFunctionTimeoutPlusTheBatchingWindow() throws {
        let resolved = try resolve(
            """
            function:
              name: f
              timeout: 10
            trigger:
              type: sqsdlq
              defaults:
                maximumBatchingWindowInSeconds: 20
            """, for: .ci)
        let setting = try #require(resolved.triggers.first?["queueVisibilityTimeout"])
        #expect(setting.value == .integer(80))
        #expect(setting.provenance == .builtIn("6 x function timeout 10 + batching window 20"))
    }

    @Test func visibilityTimeoutForTheLongestFunctionTimeout() throws {
        let resolved = try resolve(
            """
            function:
              name: f
              timeout: 900
            trigger:
              type: sqsdlq
            """, for: .ci)
        let setting = try #require(resolved.triggers.first?["queueVisibilityTimeout"])
        #expect(setting.value == .integer(5400))
        #expect(setting.provenance == .builtIn("6 x function timeout 900"))
    }

    @Test func visibilityTimeoutUsesLambdasDefaultTimeoutOfThree() throws {
        let resolved = try resolve("function:\n  name: f\ntrigger:\n  type: sqsdlq\n", for: .ci)
        #expect(resolved.triggers.first?["queueVisibilityTimeout"]?.value == .integer(18))
    }

    @Test func visibilityTimeoutIsCappedAt43200() throws {
        let decoded = try decode("function:\n  name: f\n  timeout: 10\ntrigger:\n  type: sqsdlq\n")
        #expect(decoded.diagnostics.isEmpty)
        var manifest = decoded.manifest
        // The decoder caps timeouts at 900, so the cap can only be reached with a hand-built function.
        manifest.function?.timeout = Located(10_000, at: span(3, 12, 14))
        let resolved = Resolver().resolve(manifest, for: .prd)
        #expect(resolved.triggers.first?["queueVisibilityTimeout"]?.value == .integer(43_200))
    }

    @Test func visibilityTimeoutWithoutAFunctionIs30() throws {
        let resolved = try resolve("trigger:\n  type: sqsdlq\n", for: .ci)
        let setting = try #require(resolved.triggers.first?["queueVisibilityTimeout"])
        #expect(setting.value == .integer(30))
        #expect(setting.provenance == .builtIn("SQS default without a known function timeout"))
    }

    @Test func writtenVisibilityTimeoutBeatsTheDerivedDefault() throws {
        let resolved = try resolve(
            """
            function:
              name: f
              timeout: 10
            trigger:
              type: sqsdlq
              defaults:
                queueVisibilityTimeout: 45
            """, for: .ci)
        let setting = try #require(resolved.triggers.first?["queueVisibilityTimeout"])
        #expect(setting.value == .integer(45))
        #expect(setting.provenance == .defaults(span(7, 5, 27)))
    }

    @Test func fifoQueueFedByEventBridgeGetsContentBasedDeduplication() throws {
        let resolved = try resolve(
            """
            trigger:
              type: cweventsqsdlq
              defaults:
                queueType: FIFO
            """, for: .ci)
        let trigger = try #require(resolved.triggers.first)
        #expect(trigger.isFIFO)
        let setting = try #require(trigger["queueContentBasedDeduplication"])
        #expect(setting.value == .boolean(true))
        #expect(setting.provenance == .builtIn("a FIFO queue fed by EventBridge or SNS needs it"))
    }

    @Test func fifoOnlyInOneSyslevelGetsDeduplicationOnlyThere() throws {
        let text = """
            trigger:
              type: snssqsdlq
              syslevels:
                prd:
                  queueType: FIFO
            """
        #expect(try resolve(text, for: .prd).triggers.first?["queueContentBasedDeduplication"]?.value == .boolean(true))
        #expect(try resolve(text, for: .sat).triggers.first?["queueContentBasedDeduplication"] == nil)
    }

    @Test func fifoQueueFedByTheUserGetsNoDeduplicationDefault() throws {
        let resolved = try resolve("trigger:\n  type: sqsdlq\n  defaults:\n    queueType: FIFO\n", for: .ci)
        #expect(resolved.triggers.first?["queueContentBasedDeduplication"] == nil)
    }

    @Test func writtenDeduplicationBeatsTheDefault() throws {
        let resolved = try resolve(
            """
            trigger:
              type: cweventsqsdlq
              defaults:
                queueType: FIFO
                queueContentBasedDeduplication: false
            """, for: .ci)
        let setting = try #require(resolved.triggers.first?["queueContentBasedDeduplication"])
        #expect(setting.value == .boolean(false))
        #expect(setting.provenance == .defaults(span(5, 5, 35)))
    }

    @Test func dlqAgeAlarmIsEnabledByDefaultWhenADLQExists() throws {
        let resolved = try resolve("trigger:\n  type: sqsdlq\n", for: .ci)
        let trigger = try #require(resolved.triggers.first)
        let mode = try #require(trigger["alarmDLQApproximateAgeOfOldestMessageMode"])
        #expect(mode.value == text("enabled"))
        #expect(mode.provenance == .builtIn("the template creates a DLQ"))
        #expect(trigger.alarmEnabled("alarmDLQApproximateAgeOfOldestMessageMode"))
        #expect(trigger["alarmDLQApproximateAgeOfOldestMessageThreshold"]?.value == .integer(60))
        #expect(!trigger.alarmEnabled("alarmSQSApproximateAgeOfOldestMessageMode"))
        #expect(trigger["alarmSQSApproximateAgeOfOldestMessageMode"]?.value == text("disabled"))
    }

    @Test func dlqAgeAlarmForKinesisDependsOnTheDestinationQueue() throws {
        let without = try resolve("trigger:\n  type: kinesis\n", for: .ci)
        let mode = try #require(without.triggers.first?["alarmDLQApproximateAgeOfOldestMessageMode"])
        #expect(mode.value == text("disabled"))
        #expect(mode.provenance == .builtIn("the template creates no DLQ"))
        let with = try resolve("trigger:\n  type: kinesis\n  defaults:\n    dLQueueName: failures\n", for: .ci)
        #expect(with.triggers.first?["alarmDLQApproximateAgeOfOldestMessageMode"]?.value == text("enabled"))
    }

    @Test func writtenAlarmModeBeatsTheDefault() throws {
        let resolved = try resolve(
            """
            trigger:
              type: sqsdlq
              defaults:
                alarmDLQApproximateAgeOfOldestMessageMode: disabled
            """, for: .ci)
        #expect(resolved.triggers.first?.alarmEnabled("alarmDLQApproximateAgeOfOldestMessageMode") == false)
    }

    @Test func kinesisDefaults() throws {
        let resolved = try resolve("trigger:\n  type: kinesis\n", for: .ci)
        let trigger = try #require(resolved.triggers.first)
        #expect(trigger["batchSize"]?.value == .integer(100))
        #expect(trigger["batchSize"]?.provenance == .builtIn("kinesis default"))
        #expect(trigger["startingPosition"]?.value == text("LATEST"))
        #expect(trigger["queueVisibilityTimeout"] == nil)
        #expect(trigger["dLQueueMessageRetentionPeriod"]?.value == .integer(1_209_600))
    }

    @Test func ruleDeadLetterQueueIsOnForCweventWithADLQueueName() throws {
        let with = try resolve("trigger:\n  type: cwevent\n  defaults:\n    dLQueueName: rule-dlq\n", for: .ci)
        let trigger = try #require(with.triggers.first)
        #expect(trigger["targetDeadLetter"]?.value == .boolean(true))
        #expect(trigger["targetDeadLetter"]?.provenance == .builtIn("a dead-letter queue is named"))
        #expect(trigger["dLQueueMessageRetentionPeriod"]?.value == .integer(1_209_600))
        #expect(trigger["queueType"] == nil)
        #expect(trigger["batchSize"] == nil)
        let without = try resolve("trigger:\n  type: cwevent\n", for: .ci)
        #expect(without.triggers.first?["targetDeadLetter"]?.value == .boolean(false))
        #expect(without.triggers.first?["dLQueueMessageRetentionPeriod"] == nil)
    }
}

@Suite("Resolver: parameters")
struct ResolverParameterTests {
    static let manifest = """
        trigger:
          type: cweventsqsdlq
          parameters:
            eventPattern:
              jsonValue:
                source: ["aws.s3"]
                detail-type: ["Object Created"]
            input:
              value: hello-${syslevel}
          syslevels:
            prd:
              parameters:
                eventPattern:
                  jsonValue: {source: ["prd.app"]}
        """

    @Test func defaultsParametersApplyWithTheirProvenance() throws {
        let resolved = try resolve(Self.manifest, for: .ci)
        let trigger = try #require(resolved.triggers.first)
        let pattern = try #require(trigger.parameters["eventPattern"])
        #expect(
            pattern.json
                == .object([
                    ("source", .array([.string("aws.s3")])),
                    ("detail-type", .array([.string("Object Created")])),
                ]))
        #expect(pattern.provenance == .defaults(span(4, 5, 17)))
        #expect(pattern.text == nil)
        #expect(pattern.node != nil)
        #expect(pattern.valueRange == span(6, 9, 7, 40))
        let input = try #require(trigger.parameters["input"])
        #expect(input.json == .string("hello-ci"))
        #expect(input.text?.literalValue == "hello-ci")
        #expect(input.node == nil)
        #expect(input.valueRange == span(9, 14, 31))
        #expect(input.provenance == .defaults(span(8, 5, 10)))
    }

    @Test func syslevelParameterReplacesTheWholeParameter() throws {
        let resolved = try resolve(Self.manifest, for: .prd)
        let trigger = try #require(resolved.triggers.first)
        let pattern = try #require(trigger.parameters["eventPattern"])
        #expect(pattern.json == .object([("source", .array([.string("prd.app")]))]))
        #expect(pattern.provenance == .syslevel(.prd, span(13, 9, 21)))
        #expect(pattern.valueRange == span(14, 22, 43))
        // The other parameter is untouched.
        #expect(trigger.parameters["input"]?.json == .string("hello-prd"))
        #expect(trigger.parameters["input"]?.provenance == .defaults(span(8, 5, 10)))
    }

    @Test func jsonValueScalarsAreTypedTheYAML12CoreWay() throws {
        let resolved = try resolve(
            """
            trigger:
              type: cwevent
              parameters:
                eventPattern:
                  jsonValue:
                    quoted: "1"
                    single: '2'
                    plain: 1
                    exponent: 3.0e2
                    negative: -0.5
                    t: true
                    f: false
                    capital: True
                    n: null
                    tilde: ~
                    empty:
                    quotedNull: "null"
                    quotedTrue: "true"
                    yes11: yes
                    word: no
                    tagged: !!str 5
                    list: [1, "a", true, ~]
            """, for: .ci)
        let json = try #require(resolved.triggers.first?.parameters["eventPattern"]?.json)
        #expect(
            json
                == .object([
                    ("quoted", .string("1")),
                    ("single", .string("2")),
                    ("plain", .number("1")),
                    ("exponent", .number("3.0e2")),
                    ("negative", .number("-0.5")),
                    ("t", .bool(true)),
                    ("f", .bool(false)),
                    ("capital", .bool(true)),
                    ("n", .null),
                    ("tilde", .null),
                    ("empty", .null),
                    ("quotedNull", .string("null")),
                    ("quotedTrue", .string("true")),
                    ("yes11", .string("yes")),
                    ("word", .string("no")),
                    ("tagged", .string("5")),
                    ("list", .array([.number("1"), .string("a"), .bool(true), .null])),
                ]))
    }

    @Test func jsonValueStringsWithPseudoParametersBecomeFnSub() throws {
        let resolved = try resolve(
            """
            trigger:
              type: cwevent
              parameters:
                eventPattern:
                  jsonValue:
                    account: arn:aws:iam::${AWS::AccountId}:root
                    literal: $${x}
                    mixed: ${AWS::Region}-$${x}
                    level: q-${syslevel}
                    q-${syslevel}: key
            """, for: .sat)
        let json = try #require(resolved.triggers.first?.parameters["eventPattern"]?.json)
        #expect(
            json
                == .object([
                    ("account", .object([("Fn::Sub", .string("arn:aws:iam::${AWS::AccountId}:root"))])),
                    ("literal", .string("${x}")),
                    ("mixed", .object([("Fn::Sub", .string("${AWS::Region}-${!x}"))])),
                    ("level", .string("q-sat")),
                    ("q-sat", .string("key")),
                ]))
    }

    @Test func valueParameterWithAPseudoParameterBecomesFnSub() throws {
        let resolved = try resolve(
            """
            trigger:
              type: cwschedule
              parameters:
                input:
                  value: "arn:${AWS::Partition}:s3:::${syslevel}-$${b}"
            """, for: .prd)
        let input = try #require(resolved.triggers.first?.parameters["input"])
        #expect(input.json == .object([("Fn::Sub", .string("arn:${AWS::Partition}:s3:::prd-${!b}"))]))
        #expect(input.text?.parts == [.literal("arn:"), .pseudo("AWS::Partition"), .literal(":s3:::prd-${b}")])
    }

    @Test func jsonOfAnInterpolatedString() {
        #expect(Resolver.json(InterpolatedString(literal: "plain ${x}")) == .string("plain ${x}"))
        let (value, _) = InterpolatedString.parse("${AWS::AccountId}/$${y}")
        #expect(Resolver.json(value) == .object([("Fn::Sub", .string("${AWS::AccountId}/${!y}"))]))
    }
}
