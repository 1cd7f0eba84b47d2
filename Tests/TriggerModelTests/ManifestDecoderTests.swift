import Diagnostics
import Testing
import YAMLSource

@testable import TriggerModel

@Suite("ManifestDecoder: unknown keys")
struct ManifestDecoderUnknownKeyTests {
    @Test func unknownSettingInDefaultsSuggestsTheClosestSetting() throws {
        let decoded = try decode(
            """
            trigger:
              type: cweventsqsdlq
              defaults:
                queueTyp: FIFO
                queueName: q.fifo
            """)
        #expect(
            decoded.diagnostics == [
                error("TRG101", span(4, 5, 13), "unknown setting `queueTyp` in `defaults`", help: "did you mean `queueType`?")
            ])
        let trigger = try #require(decoded.trigger)
        #expect(trigger.defaults.map(\.name) == ["queueName"])
    }

    @Test func unknownSettingInASyslevelBlockCanSuggestParameters() throws {
        let decoded = try decode(
            """
            trigger:
              type: sqsdlq
              syslevels:
                prd:
                  parameter: {}
            """)
        #expect(
            decoded.diagnostics == [
                error(
                    "TRG101", span(5, 7, 16), "unknown setting `parameter` in `syslevels.prd`",
                    help: "did you mean `parameters`?")
            ])
    }

    @Test func parametersInsideDefaultsExplainsWhereParametersGo() throws {
        let decoded = try decode(
            """
            trigger:
              type: sqsdlq
              defaults:
                parameters: {}
            """)
        #expect(
            decoded.diagnostics == [
                error(
                    "TRG101", span(4, 5, 15), "unknown setting `parameters` in `defaults`",
                    help: "`parameters` sits beside `defaults`, or inside a syslevel block")
            ])
    }

    @Test func misspelledTopLevelKeySuggestsTriggersAndTheManifestHasNoTrigger() throws {
        let decoded = try decode(
            """
            trigers:
              type: sqsdlq
            """)
        #expect(
            decoded.diagnostics == [
                error("TRG101", span(1, 1, 8), "unknown key `trigers` in the manifest", help: "did you mean `triggers`?"),
                error(
                    "TRG111", span(1, 1, 1), "the manifest has no `trigger` block",
                    help: "add `trigger:` with a `type`, e.g. `type: cweventsqsdlq`"),
            ])
        #expect(decoded.manifest.triggers.isEmpty)
    }

    @Test func unrelatedTopLevelKeyListsTheKeys() throws {
        let decoded = try decode(
            """
            version: 1
            trigger:
              type: sqsdlq
            """)
        #expect(
            decoded.diagnostics == [
                error(
                    "TRG101", span(1, 1, 8), "unknown key `version` in the manifest",
                    help: "the keys of the manifest are function, tags, trigger, triggers")
            ])
        #expect(decoded.manifest.triggers.count == 1)
    }

    @Test func unknownKeyInFunction() throws {
        let decoded = try decode(
            """
            function:
              name: f
              timout: 3
            trigger:
              type: sqsdlq
            """)
        #expect(
            decoded.diagnostics == [
                error("TRG101", span(3, 3, 9), "unknown key `timout` in `function`", help: "did you mean `timeout`?")
            ])
        let function = try #require(decoded.manifest.function)
        #expect(function.timeout == nil)
        #expect(function.effectiveTimeout == 3)
    }

    @Test func unknownKeyInATriggerCountsATranspositionAsOneEdit() throws {
        let decoded = try decode(
            """
            trigger:
              type: sqsdlq
              defualts: {}
            """)
        #expect(
            decoded.diagnostics == [
                error("TRG101", span(3, 3, 11), "unknown key `defualts` in a trigger", help: "did you mean `defaults`?")
            ])
    }

    @Test func unknownKeyInFunctionCodeThenTheCodeAndTheFunctionAreIncomplete() throws {
        let decoded = try decode(
            """
            function:
              name: f
              runtime: python3.12
              handler: app.handler
              code:
                zipfile: x
            trigger:
              type: sqsdlq
            """)
        #expect(
            decoded.diagnostics == [
                error("TRG101", span(6, 5, 12), "unknown key `zipfile` in `function.code`", help: "did you mean `zipFile`?"),
                error(
                    "TRG114", span(6, 5, 15),
                    "`function.code` takes exactly one of `s3Bucket`+`s3Key`, `zipFile` or `imageUri`"),
                error(
                    "TRG113", span(1, 1, 9),
                    "a function the template defines needs `runtime`, `handler` and `code`; missing `code`",
                    help: "give all three to define the function, or none to use an existing function by name"),
            ])
    }
}

@Suite("ManifestDecoder: node kinds and scalar types")
struct ManifestDecoderTypeTests {
    @Test func defaultsAsAListIsTheWrongNodeKind() throws {
        let decoded = try decode(
            """
            trigger:
              type: sqsdlq
              defaults:
                - queueName: a
            """)
        #expect(
            decoded.diagnostics == [
                error("TRG102", span(4, 5, 19), "`defaults` must be a mapping, found a list")
            ])
        let trigger = try #require(decoded.trigger)
        #expect(trigger.defaults.isEmpty)
    }

    @Test func triggerAsAListIsTheWrongNodeKindButNotAMissingTrigger() throws {
        let decoded = try decode("trigger: [a]\n")
        #expect(
            decoded.diagnostics == [
                error("TRG102", span(1, 10, 13), "`trigger` must be a mapping, found a list")
            ])
        #expect(decoded.manifest.triggers.isEmpty)
    }

    @Test func wrongScalarsForABooleanAnIntegerAndAnEnumeration() throws {
        let decoded = try decode(
            """
            trigger:
              type: sqsdlq
              bundled: maybe
              defaults:
                queueMaxReceiveCount: abc
                queueType: fifo
            """)
        #expect(
            decoded.diagnostics == [
                error("TRG103", span(3, 12, 17), "`bundled` must be a boolean (true or false), found \"maybe\""),
                error("TRG103", span(5, 27, 30), "`queueMaxReceiveCount` must be an integer, found \"abc\""),
                error(
                    "TRG105", span(6, 16, 20), "`queueType` is \"fifo\"; it must be one of FIFO, STANDARD",
                    help: "did you mean `FIFO`?"),
            ])
        let trigger = try #require(decoded.trigger)
        #expect(trigger.bundled == nil)
        #expect(trigger.isBundled)
        #expect(trigger.defaults.isEmpty)
    }

    @Test func integerSettingRejectsAMappingAndAFloat() throws {
        let decoded = try decode(
            """
            trigger:
              type: sqsdlq
              defaults:
                queueDelaySeconds: {a: 1}
                batchSize: 1.5
            """)
        #expect(
            decoded.diagnostics == [
                error("TRG103", span(4, 24, 30), "`queueDelaySeconds` must be an integer, found a mapping"),
                error("TRG103", span(5, 16, 19), "`batchSize` must be an integer, found \"1.5\""),
            ])
    }

    @Test func misspelledTypeIsNotAllowedAndNotReportedAsMissing() throws {
        let decoded = try decode(
            """
            trigger:
              type: sqsdql
            """)
        #expect(
            decoded.diagnostics == [
                error(
                    "TRG105", span(2, 9, 15),
                    "`type` is \"sqsdql\"; it must be one of cweventsqsdlq, cwevent, cwschedule, sqsdlq, snssqsdlq, kinesis",
                    help: "did you mean `sqsdlq`?")
            ])
        #expect(decoded.manifest.triggers.isEmpty)
    }

    @Test func outOfRangeIntegersAreErrorsAndDropped() throws {
        let decoded = try decode(
            """
            function:
              name: f
              timeout: 901
            trigger:
              type: sqsdlq
              defaults:
                queueMaxReceiveCount: 0
              syslevels:
                prd:
                  queueMaxReceiveCount: 1001
            """)
        #expect(
            decoded.diagnostics == [
                error("TRG104", span(3, 12, 15), "`function.timeout` is 901; it must be from 1 to 900"),
                error("TRG104", span(7, 27, 28), "`queueMaxReceiveCount` is 0; it must be from 1 to 1000"),
                error("TRG104", span(10, 29, 33), "`queueMaxReceiveCount` is 1001; it must be from 1 to 1000"),
            ])
        #expect(decoded.manifest.function?.timeout == nil)
        let trigger = try #require(decoded.trigger)
        #expect(trigger.defaults.isEmpty)
        #expect(trigger.syslevels.map(\.syslevel) == [.prd])
        #expect(trigger.syslevels.first?.settings.isEmpty == true)
    }

    @Test func boundaryIntegersAreAccepted() throws {
        let decoded = try decode(
            """
            function:
              name: f
              timeout: 900
            trigger:
              type: sqsdlq
              defaults:
                queueMaxReceiveCount: 1
              syslevels:
                prd:
                  queueMaxReceiveCount: 1000
            """)
        #expect(decoded.diagnostics.isEmpty)
        #expect(decoded.manifest.function?.timeout?.value == 900)
        let trigger = try #require(decoded.trigger)
        #expect(trigger.defaultEntry("queueMaxReceiveCount")?.value == .integer(1))
        #expect(trigger.syslevels.first?.settings.first?.value == .integer(1000))
    }

    @Test func quotedIntegerIsAWarningAndTheValueIsKept() throws {
        let decoded = try decode(
            """
            trigger:
              type: sqsdlq
              defaults:
                queueMaxReceiveCount: "5"
            """)
        #expect(
            decoded.diagnostics == [
                warning("TRG107", span(4, 27, 30), "`queueMaxReceiveCount` is a quoted integer; write it without quotes")
            ])
        let trigger = try #require(decoded.trigger)
        let entry = try #require(trigger.defaultEntry("queueMaxReceiveCount"))
        #expect(entry.value == .integer(5))
        #expect(entry.keyRange == span(4, 5, 25))
        #expect(entry.valueRange == span(4, 27, 30))
    }

    @Test func quotedOutOfRangeIntegerIsBothAWarningAndAnError() throws {
        let decoded = try decode(
            """
            trigger:
              type: sqsdlq
              defaults:
                queueMaxReceiveCount: '0'
            """)
        #expect(
            decoded.diagnostics == [
                warning("TRG107", span(4, 27, 30), "`queueMaxReceiveCount` is a quoted integer; write it without quotes"),
                error("TRG104", span(4, 27, 30), "`queueMaxReceiveCount` is 0; it must be from 1 to 1000"),
            ])
        #expect(decoded.trigger?.defaults.isEmpty == true)
    }

    @Test func yaml11BooleansAreWarningsWithTheirValuesAndPlainNoInAStringFieldIsAString() throws {
        let decoded = try decode(
            """
            trigger:
              type: sqsdlq
              bundled: yes
              defaults:
                reportBatchItemFailures: off
                queueName: no
                dLQueueName: off
            """)
        #expect(
            decoded.diagnostics == [
                warning(
                    "TRG106", span(3, 12, 15), "`bundled` uses the yaml 1.1 spelling \"yes\" for true",
                    help: "write `true`"),
                warning(
                    "TRG106", span(5, 30, 33), "`reportBatchItemFailures` uses the yaml 1.1 spelling \"off\" for false",
                    help: "write `false`"),
            ])
        let trigger = try #require(decoded.trigger)
        #expect(trigger.bundled?.value == true)
        #expect(trigger.bundled?.range == span(3, 12, 15))
        #expect(trigger.defaultEntry("reportBatchItemFailures")?.value == .boolean(false))
        #expect(trigger.defaultEntry("queueName")?.value == text("no"))
        #expect(trigger.defaultEntry("dLQueueName")?.value == text("off"))
    }

    @Test func quotedBooleanIsAWarningAndTheValueIsKept() throws {
        let decoded = try decode(
            """
            trigger:
              type: sqsdlq
              defaults:
                eventSourceEnabled: "false"
            """)
        #expect(
            decoded.diagnostics == [
                warning("TRG107", span(4, 25, 32), "`eventSourceEnabled` is a quoted boolean; write it without quotes")
            ])
        #expect(decoded.trigger?.defaultEntry("eventSourceEnabled")?.value == .boolean(false))
    }

    @Test func nullForAStringSettingIsAWrongScalarType() throws {
        let decoded = try decode(
            """
            trigger:
              type: sqsdlq
              defaults:
                queueName: ~
            """)
        #expect(
            decoded.diagnostics == [
                error("TRG103", span(4, 16, 17), "`queueName` must be a string, found null")
            ])
    }
}

@Suite("ManifestDecoder: triggers, syslevels and settings per type")
struct ManifestDecoderStructureTests {
    @Test func settingOfAnotherTypeIsReportedWithTheTypesThatUseIt() throws {
        let decoded = try decode(
            """
            trigger:
              type: cweventsqsdlq
              defaults:
                topicName: t
                queueName: q
            """)
        #expect(
            decoded.diagnostics == [
                error(
                    "TRG109", span(4, 5, 14), "`topicName` is not a setting of type cweventsqsdlq",
                    help: "it is used by snssqsdlq")
            ])
        #expect(decoded.trigger?.defaults.map(\.name) == ["queueName"])
    }

    @Test func parameterOfAnotherTypeIsReported() throws {
        let decoded = try decode(
            """
            trigger:
              type: cweventsqsdlq
              parameters:
                filterPolicy:
                  jsonValue: {a: [b]}
            """)
        #expect(
            decoded.diagnostics == [
                error(
                    "TRG109", span(4, 5, 17), "the parameter `filterPolicy` does not apply to type cweventsqsdlq",
                    help: "it is used by snssqsdlq")
            ])
        #expect(decoded.trigger?.parameters.isEmpty == true)
    }

    @Test func unknownSyslevelSuggestsTheClosest() throws {
        let decoded = try decode(
            """
            trigger:
              type: cweventsqsdlq
              syslevels:
                prod:
                  queueName: q
                sat:
                  queueName: s
            """)
        #expect(
            decoded.diagnostics == [
                error(
                    "TRG110", span(4, 5, 9), "unknown syslevel `prod`; the syslevels are ci, eng, sat and prd",
                    help: "did you mean `prd`?")
            ])
        let trigger = try #require(decoded.trigger)
        #expect(trigger.syslevels.map(\.syslevel) == [.sat])
        #expect(trigger.syslevels.first?.keyRange == span(6, 5, 8))
    }

    @Test func triggerAndTriggersTogetherIsAnErrorWithANote() throws {
        let decoded = try decode(
            """
            trigger:
              type: sqsdlq
            triggers:
              a:
                type: sqsdlq
            """)
        #expect(
            decoded.diagnostics == [
                error(
                    "TRG111", span(3, 1, 9), "a manifest holds `trigger` or `triggers`, not both",
                    notes: [Note("`trigger` is here", at: span(1, 1, 8))])
            ])
    }

    @Test func manifestWithoutATriggerIsAnErrorAtTheStartOfTheFile() throws {
        let decoded = try decode(
            """
            function:
              name: f
            """)
        #expect(
            decoded.diagnostics == [
                error(
                    "TRG111", span(1, 1, 1), "the manifest has no `trigger` block",
                    help: "add `trigger:` with a `type`, e.g. `type: cweventsqsdlq`")
            ])
        #expect(decoded.manifest.function != nil)
        #expect(decoded.manifest.triggers.isEmpty)
    }

    @Test func emptyTriggersMapIsAnError() throws {
        let decoded = try decode("triggers: {}\n")
        #expect(
            decoded.diagnostics == [
                error(
                    "TRG111", span(1, 11, 13), "`triggers` holds no trigger",
                    help: "add a named trigger, e.g. `orders: { type: cweventsqsdlq, ... }`")
            ])
    }

    @Test func emptyTriggersMapIsAnErrorEvenAfterAWarning() throws {
        let decoded = try decode("function:\n  name: f\n  timeout: \"10\"\ntriggers: {}\n")
        #expect(decoded.diagnostics.map(\.code.rawValue) == ["TRG107", "TRG111"])
    }

    @Test func collectionKeysInAJSONValueAreErrors() throws {
        let decoded = try decode(
            """
            trigger:
              type: cweventsqsdlq
              parameters:
                eventPattern:
                  jsonValue:
                    ? [a, b]
                    : 1
            """)
        #expect(decoded.diagnostics.map(\.code.rawValue) == ["TRG102"])
        #expect(decoded.diagnostics.first?.range.start.line == 6)
    }

    @Test func invalidTriggerNamesAreReportedAtTheirKeys() throws {
        let decoded = try decode(
            """
            triggers:
              my-trigger:
                type: sqsdlq
              1abc:
                type: sqsdlq
              good1:
                type: sqsdlq
            """)
        let help = "the name prefixes the template's logical ids, which are alphanumeric"
        #expect(
            decoded.diagnostics == [
                error(
                    "TRG112", span(2, 3, 13),
                    "trigger name \"my-trigger\" must start with a letter and hold only letters and digits", help: help),
                error(
                    "TRG112", span(4, 3, 7),
                    "trigger name \"1abc\" must start with a letter and hold only letters and digits", help: help),
            ])
        #expect(decoded.manifest.triggers.map { $0.name?.value } == ["good1"])
    }

    @Test func validTriggerNamesKeepTheirNamesAndRanges() throws {
        let decoded = try decode(
            """
            triggers:
              orders2:
                type: sqsdlq
              Audit:
                type: cwevent
            """)
        #expect(decoded.diagnostics.isEmpty)
        let triggers = decoded.manifest.triggers
        #expect(triggers.map { $0.name?.value } == ["orders2", "Audit"])
        #expect(triggers.map(\.type.value) == [.sqsdlq, .cwevent])
        #expect(triggers.first?.name?.range == span(2, 3, 10))
        #expect(triggers.first?.keyRange == span(2, 3, 10))
        #expect(triggers.first?.type.range == span(3, 11, 17))
    }

    @Test func triggerWithoutTypeIsAMissingKeyAtTheTriggerKey() throws {
        let decoded = try decode(
            """
            trigger:
              bundled: true
            """)
        #expect(
            decoded.diagnostics == [
                error(
                    "TRG108", span(1, 1, 8), "the trigger has no `type`",
                    help: "one of cweventsqsdlq, cwevent, cwschedule, sqsdlq, snssqsdlq, kinesis")
            ])
        #expect(decoded.manifest.triggers.isEmpty)
    }

    @Test func namedTriggerWithoutTypeIsReportedAtItsName() throws {
        let decoded = try decode(
            """
            triggers:
              orders:
                bundled: false
            """)
        #expect(
            decoded.diagnostics == [
                error(
                    "TRG108", span(2, 3, 9), "the trigger has no `type`",
                    help: "one of cweventsqsdlq, cwevent, cwschedule, sqsdlq, snssqsdlq, kinesis")
            ])
    }
}

@Suite("ManifestDecoder: function, tags and parameters")
struct ManifestDecoderFunctionTests {
    @Test func runtimeWithoutHandlerAndCodeNamesBothMissingKeys() throws {
        let decoded = try decode(
            """
            function:
              name: f
              runtime: python3.12
            trigger:
              type: sqsdlq
            """)
        #expect(
            decoded.diagnostics == [
                error(
                    "TRG113", span(1, 1, 9),
                    "a function the template defines needs `runtime`, `handler` and `code`; missing `handler` and `code`",
                    help: "give all three to define the function, or none to use an existing function by name")
            ])
        #expect(decoded.manifest.function?.isDefined == false)
    }

    @Test func handlerAndCodeWithoutRuntimeNamesTheRuntime() throws {
        let decoded = try decode(
            """
            function:
              name: f
              handler: app.handler
              code: {zipFile: "print(1)"}
            trigger:
              type: sqsdlq
            """)
        #expect(
            decoded.diagnostics == [
                error(
                    "TRG113", span(1, 1, 9),
                    "a function the template defines needs `runtime`, `handler` and `code`; missing `runtime`",
                    help: "give all three to define the function, or none to use an existing function by name")
            ])
    }

    @Test func completeFunctionDefinitionDecodes() throws {
        let decoded = try decode(
            """
            function:
              name: orders-${syslevel}
              timeout: 30
              runtime: python3.12
              handler: app.handler
              code:
                s3Bucket: b
                s3Key: k.zip
              memorySize: 256
              architecture: arm64
              environment:
                STAGE: ${syslevel}
            trigger:
              type: sqsdlq
            """)
        #expect(decoded.diagnostics.isEmpty)
        let function = try #require(decoded.manifest.function)
        #expect(function.isDefined)
        #expect(function.name.value.parts == [.literal("orders-"), .syslevel])
        #expect(function.name.range == span(2, 9, 27))
        #expect(function.keyRange == span(1, 1, 9))
        #expect(function.timeout?.value == 30)
        #expect(function.runtime?.value == "python3.12")
        #expect(function.handler?.value == "app.handler")
        #expect(
            function.code?.value
                == .s3(
                    bucket: InterpolatedString(literal: "b"), key: InterpolatedString(literal: "k.zip"), objectVersion: nil))
        #expect(function.memorySize?.value == 256)
        #expect(function.architecture?.value == "arm64")
        #expect(function.environment.map(\.key.value) == ["STAGE"])
        #expect(function.environment.first?.value.value.parts == [.syslevel])
    }

    @Test func functionWithoutNameIsAMissingKey() throws {
        let decoded = try decode(
            """
            function:
              timeout: 3
            trigger:
              type: sqsdlq
            """)
        #expect(decoded.diagnostics == [error("TRG108", span(1, 1, 9), "`function` needs a `name`")])
        #expect(decoded.manifest.function == nil)
    }

    @Test func reservedAndAWSTagKeysAreRejected() throws {
        let decoded = try decode(
            """
            tags:
              syslevel: x
              aws:owner: y
              team: rdz
            trigger:
              type: sqsdlq
            """)
        #expect(
            decoded.diagnostics == [
                error(
                    "TRG114", span(2, 3, 11), "the tag `syslevel` is set by triggerc to the syslevel being compiled",
                    help: "remove it"),
                error("TRG104", span(3, 3, 12), "tag key \"aws:owner\" must be 1 to 128 characters and not start with `aws:`"),
            ])
        #expect(decoded.manifest.tags.map(\.key.value) == ["team"])
    }

    @Test func parameterWithBothValueAndJsonValueIsAnErrorAtTheSecondKey() throws {
        let decoded = try decode(
            """
            trigger:
              type: cwevent
              parameters:
                eventPattern:
                  value: x
                  jsonValue: {a: 1}
            """)
        // The help is left out on purpose: see the report (it suggests `value`, which is already written).
        #expect(decoded.diagnostics.count == 1)
        let diagnostic = try #require(decoded.diagnostics.first)
        #expect(diagnostic.code == "TRG114")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.range == span(6, 7, 16))
        #expect(diagnostic.message == "the parameter `eventPattern` must hold exactly one of `value` or `jsonValue`")
        #expect(decoded.trigger?.parameters.isEmpty == true)
    }

    @Test func parameterWithNeitherValueNorJsonValueIsAnErrorAtItsName() throws {
        let decoded = try decode(
            """
            trigger:
              type: cwevent
              parameters:
                input: {}
            """)
        #expect(
            decoded.diagnostics == [
                error("TRG114", span(4, 5, 10), "the parameter `input` must hold exactly one of `value` or `jsonValue`")
            ])
    }

    @Test func misspelledParameterFormSuggestsValue() throws {
        let decoded = try decode(
            """
            trigger:
              type: cwevent
              parameters:
                eventPattern:
                  valu: x
            """)
        #expect(
            decoded.diagnostics == [
                error(
                    "TRG114", span(5, 7, 11), "the parameter `eventPattern` must hold exactly one of `value` or `jsonValue`",
                    help: "did you mean `value`?")
            ])
    }

    @Test func unknownParameterNameSuggestsTheClosest() throws {
        let decoded = try decode(
            """
            trigger:
              type: cwevent
              parameters:
                eventPatern:
                  value: y
            """)
        #expect(
            decoded.diagnostics == [
                error(
                    "TRG101", span(4, 5, 16), "unknown key `eventPatern` in `parameters`",
                    help: "did you mean `eventPattern`?")
            ])
    }

    @Test func parametersKeepTheirFormAndRanges() throws {
        let decoded = try decode(
            """
            trigger:
              type: cwschedule
              parameters:
                scheduleExpression:
                  value: rate(5 minutes)
                input:
                  jsonValue: {a: 1}
            """)
        #expect(decoded.diagnostics.isEmpty)
        let parameters = try #require(decoded.trigger?.parameters)
        #expect(parameters.map(\.name) == ["scheduleExpression", "input"])
        #expect(parameters[0].keyRange == span(4, 5, 23))
        #expect(parameters[0].valueRange == span(5, 14, 29))
        guard case .value(let text) = parameters[0].content else {
            Issue.record("scheduleExpression should be a value")
            return
        }
        #expect(text.value.literalValue == "rate(5 minutes)")
        guard case .jsonValue(let node) = parameters[1].content else {
            Issue.record("input should be a jsonValue")
            return
        }
        #expect(node.range == span(7, 18, 24))
    }
}
