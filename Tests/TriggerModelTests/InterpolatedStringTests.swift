import Diagnostics
import Testing
import YAMLSource

@testable import TriggerModel

private let variablesHelp =
    "the variables are ${syslevel}, ${AWS::AccountId}, ${AWS::Region} and ${AWS::Partition}; write `$${` for a literal `${`"

@Suite("InterpolatedString.parse")
struct InterpolatedStringParseTests {
    @Test func plainTextIsOneLiteral() {
        let (value, problems) = InterpolatedString.parse("orders-queue")
        #expect(problems.isEmpty)
        #expect(value.parts == [.literal("orders-queue")])
        #expect(value.literalValue == "orders-queue")
        #expect(!value.needsSubstitution)
    }

    @Test func syslevelIsAPartReplacedWhenResolving() {
        let (value, problems) = InterpolatedString.parse("${syslevel}-queue.fifo")
        #expect(problems.isEmpty)
        #expect(value.parts == [.syslevel, .literal("-queue.fifo")])
        #expect(value.literalValue == nil)
        #expect(!value.needsSubstitution)
        #expect(value.description == "${syslevel}-queue.fifo")
        let resolved = value.resolving(syslevel: .prd)
        #expect(resolved.parts == [.literal("prd-queue.fifo")])
        #expect(resolved.literalValue == "prd-queue.fifo")
    }

    @Test func pseudoParametersStayForFnSub() {
        let (value, problems) = InterpolatedString.parse("arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:q")
        #expect(problems.isEmpty)
        #expect(
            value.parts == [
                .literal("arn:"), .pseudo("AWS::Partition"), .literal(":sqs:"), .pseudo("AWS::Region"), .literal(":"),
                .pseudo("AWS::AccountId"), .literal(":q"),
            ])
        #expect(value.needsSubstitution)
        #expect(value.literalValue == nil)
        #expect(value.substitutionTemplate == "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:q")
        let resolved = value.resolving(syslevel: .ci)
        #expect(resolved == value)
    }

    @Test func regionParsesAsAPseudoParameterNextToSyslevel() {
        let (value, problems) = InterpolatedString.parse("${syslevel}-${AWS::Region}")
        #expect(problems.isEmpty)
        #expect(value.parts == [.syslevel, .literal("-"), .pseudo("AWS::Region")])
        #expect(value.resolving(syslevel: .eng).parts == [.literal("eng-"), .pseudo("AWS::Region")])
        #expect(value.resolving(syslevel: .eng).substitutionTemplate == "eng-${AWS::Region}")
        #expect(value.displayText == "${syslevel}-${AWS::Region}")
    }

    @Test func doubleDollarIsALiteralDollarBrace() {
        let (value, problems) = InterpolatedString.parse("a$${x}b")
        #expect(problems.isEmpty)
        #expect(value.parts == [.literal("a${x}b")])
        #expect(value.literalValue == "a${x}b")
        #expect(value.substitutionTemplate == "a${!x}b")
        #expect(value.description == "a$${x}b")
        #expect(value.displayText == "a${x}b")
    }

    @Test func dollarsNotFollowedByABraceAreLiteral() {
        let (value, problems) = InterpolatedString.parse("$5 $$ end$")
        #expect(problems.isEmpty)
        #expect(value.literalValue == "$5 $$ end$")
    }

    @Test func unknownVariableIsAProblemCoveringItsCharacters() {
        let (value, problems) = InterpolatedString.parse("a${foo}b")
        #expect(
            problems == [
                InterpolatedString.ParseProblem(message: "unknown variable `${foo}`", help: variablesHelp, offsets: 1..<7)
            ])
        #expect(value.literalValue == "a${foo}b")
    }

    @Test func nearMissVariableGetsADidYouMean() {
        let (_, problems) = InterpolatedString.parse("x-${AWS::Regoin}")
        #expect(
            problems == [
                InterpolatedString.ParseProblem(
                    message: "unknown variable `${AWS::Regoin}`", help: "did you mean `${AWS::Region}`?", offsets: 2..<16)
            ])
    }

    @Test func unterminatedVariableIsAProblemToTheEnd() {
        let (value, problems) = InterpolatedString.parse("a${b")
        #expect(
            problems == [
                InterpolatedString.ParseProblem(
                    message: "unterminated `${` in string", help: "close it with `}`, or write `$${` for a literal `${`",
                    offsets: 1..<4)
            ])
        #expect(value.literalValue == "a${b")
    }

    @Test func offsetsCountUnicodeScalars() {
        let (_, problems) = InterpolatedString.parse("é😀${x}")
        #expect(problems.map(\.offsets) == [2..<6])
    }
}

@Suite("ManifestDecoder: unknown variables point inside the string")
struct UnknownVariableRangeTests {
    @Test func columnsPointAtTheDollarBraceInPlainAndQuotedScalars() throws {
        let decoded = try decode(
            """
            tags:
              a: x-${env}
              b: 'y-${env}'
              c: "z-${env}"
              d: w-${env} # a comment
            trigger:
              type: sqsdlq
            """)
        #expect(
            decoded.diagnostics == [
                error("TRG201", span(2, 8, 14), "unknown variable `${env}`", help: variablesHelp),
                error("TRG201", span(3, 9, 15), "unknown variable `${env}`", help: variablesHelp),
                error("TRG201", span(4, 9, 15), "unknown variable `${env}`", help: variablesHelp),
                error("TRG201", span(5, 8, 14), "unknown variable `${env}`", help: variablesHelp),
            ])
    }

    @Test func settingValuesReportEachUnknownVariableSeparately() throws {
        let decoded = try decode(
            """
            trigger:
              type: cweventsqsdlq
              defaults:
                queueName: q-${env}
                dLQueueName: 'd-${sysleve}'
                queueMessageGroupId: "g-${AWS::Regio}${x}"
            """)
        #expect(
            decoded.diagnostics == [
                error("TRG201", span(4, 18, 24), "unknown variable `${env}`", help: variablesHelp),
                error("TRG201", span(5, 21, 31), "unknown variable `${sysleve}`", help: "did you mean `${syslevel}`?"),
                error("TRG201", span(6, 29, 42), "unknown variable `${AWS::Regio}`", help: "did you mean `${AWS::Region}`?"),
                error("TRG201", span(6, 42, 46), "unknown variable `${x}`", help: variablesHelp),
            ])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let decoded = try decode(
            """
            tags:
              f: "é-${x}"
            trigger:
              type: sqsdlq
            """)
        #expect(
            decoded.diagnostics == [
                error("TRG201", span(2, 9, 13), "unknown variable `${x}`", help: variablesHelp)
            ])
    }

    @Test func escapedDoubleQuotedScalarFallsBackToTheWholeScalar() throws {
        let decoded = try decode(
            """
            tags:
              d: "tab\\t${env}"
            trigger:
              type: sqsdlq
            """)
        #expect(
            decoded.diagnostics == [
                error("TRG201", span(2, 6, 19), "unknown variable `${env}`", help: variablesHelp)
            ])
        #expect(decoded.manifest.tags.first?.value.value.literalValue == "tab\t${env}")
    }

    @Test func multiLineScalarFallsBackToTheWholeScalar() throws {
        let decoded = try decode(
            """
            tags:
              m: first ${x}
                second
            trigger:
              type: sqsdlq
            """)
        #expect(
            decoded.diagnostics == [
                error("TRG201", span(2, 6, 3, 11), "unknown variable `${x}`", help: variablesHelp)
            ])
    }

    @Test func unterminatedVariableInAFunctionName() throws {
        let decoded = try decode(
            """
            function:
              name: "a${b"
            trigger:
              type: sqsdlq
            """)
        #expect(
            decoded.diagnostics == [
                error(
                    "TRG201", span(2, 11, 14), "unterminated `${` in string",
                    help: "close it with `}`, or write `$${` for a literal `${`")
            ])
    }

    @Test func unknownVariableInsideAJsonValue() throws {
        let decoded = try decode(
            """
            trigger:
              type: cwevent
              parameters:
                eventPattern:
                  jsonValue:
                    source: ["my.${app}"]
                    ${k}: 1
            """)
        #expect(
            decoded.diagnostics == [
                error("TRG201", span(6, 22, 28), "unknown variable `${app}`", help: variablesHelp),
                error("TRG201", span(7, 9, 13), "unknown variable `${k}`", help: variablesHelp),
            ])
    }

    @Test func knownVariablesAndLiteralDollarBracesAreNotReported() throws {
        let decoded = try decode(
            """
            function:
              name: orders-${syslevel}
            tags:
              arn: "arn:${AWS::Partition}:x:${AWS::Region}:${AWS::AccountId}"
              lit: $${notAVariable}
            trigger:
              type: sqsdlq
            """)
        #expect(decoded.diagnostics.isEmpty)
        #expect(
            decoded.manifest.tags.map(\.value.value.parts) == [
                [
                    .literal("arn:"), .pseudo("AWS::Partition"), .literal(":x:"), .pseudo("AWS::Region"), .literal(":"),
                    .pseudo("AWS::AccountId"),
                ],
                [.literal("${notAVariable}")],
            ])
    }
}
