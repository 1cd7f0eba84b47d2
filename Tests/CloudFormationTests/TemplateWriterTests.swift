import Testing
import TriggerModel

@testable import CloudFormation

/// The canonical writer and the template model: the bytes CloudFormation and reviewers see.
@Suite struct TemplateWriterTests {
    @Test func stringsAreEscapedTheJSONWay() {
        let text = JSONWriter.compact(.string("a\"b\\c\nd\te\u{01}f\u{2028}é"))
        #expect(text == "\"a\\\"b\\\\c\\nd\\te\\u0001f\\u2028é\"")
    }

    @Test func numbersKeepTheirText() {
        #expect(JSONWriter.compact(.array([.number("3.0e2"), .number("-0.5"), .integer(42)])) == "[3.0e2,-0.5,42]")
    }

    @Test func prettyOutputHasTwoSpaceIndentAndATrailingNewline() {
        let value = JSONValue.object([("b", .array([.integer(1), .object([])])), ("a", .array([]))])
        #expect(JSONWriter.pretty(value) == "{\n  \"b\": [\n    1,\n    {}\n  ],\n  \"a\": []\n}\n")
    }

    @Test func sortedKeysSortsEveryLevel() {
        let value = JSONValue.object([("z", .object([("y", .null), ("x", .null)])), ("a", .bool(true))])
        #expect(JSONWriter.compact(JSONWriter.sortedKeys(value)) == "{\"a\":true,\"z\":{\"x\":null,\"y\":null}}")
    }

    @Test func templateSectionsAndResourceKeysComeInCloudFormationOrder() {
        var template = Template(description: "d", metadata: .object([("k", .string("v"))]))
        template.parameters = [("P", .object([("Type", .string("String"))]))]
        template.resources = [
            (
                "Zed",
                Resource("AWS::SQS::Queue", dependsOn: ["B", "A"], properties: [("VisibilityTimeout", .integer(1)), ("DelaySeconds", .integer(0))])
            ),
            ("Alpha", Resource("AWS::SQS::Queue", properties: [])),
        ]
        template.outputs = [("Out", .object([("Value", Intrinsic.ref("Zed"))]))]
        let text = TemplateWriter.json(template)
        let order = ["AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Resources", "Outputs"]
            .map { text.firstRange(of: "\"\($0)\"")!.lowerBound }
        #expect(order == order.sorted())
        #expect(text.firstRange(of: "\"Alpha\"")!.lowerBound < text.firstRange(of: "\"Zed\"")!.lowerBound)
        #expect(
            text.contains("\"Type\": \"AWS::SQS::Queue\",\n      \"DependsOn\": [\n        \"A\",\n        \"B\"\n      ],\n      \"Properties\""))
        #expect(text.firstRange(of: "DelaySeconds")!.lowerBound < text.firstRange(of: "VisibilityTimeout")!.lowerBound)
        #expect(text == TemplateWriter.json(template))
    }

    @Test func yamlOutputQuotesEveryStringAndNestsLists() {
        var template = Template(description: "a: b")
        template.resources = [
            (
                "Q",
                Resource(
                    "AWS::SQS::Queue",
                    properties: [
                        ("Tags", .array([.object([("Key", .string("yes")), ("Value", .string("no"))])])),
                        ("FifoQueue", .bool(true)),
                    ])
            )
        ]
        let yaml = YAMLTemplateWriter.yaml(template)
        #expect(yaml.contains("Description: \"a: b\"\n"))
        #expect(yaml.contains("      Tags:\n        - Key: \"yes\"\n          Value: \"no\"\n"))
        #expect(yaml.contains("      FifoQueue: true\n"))
    }

    @Test func longDerivedRuleNamesAreCutStably() {
        #expect(RuleNaming.stableHash("orders") == RuleNaming.stableHash("orders"))
        #expect(RuleNaming.stableHash("") == "811c9dc5")
        #expect(RuleNaming.stableHash("a") == "e40c292c")
    }

    @Test func kmsDecryptStatementsNameTheKeyOrItsAlias() {
        let byARN = KMSKey(InterpolatedString(literal: "arn:aws:kms:us-east-1:123456789012:key/abc")).decryptStatement()
        #expect(byARN["Resource"] == .string("arn:aws:kms:us-east-1:123456789012:key/abc"))
        let byAlias = KMSKey(InterpolatedString(literal: "alias/orders")).decryptStatement()
        #expect(byAlias["Condition"]?["ForAnyValue:StringEquals"]?["kms:ResourceAliases"] == .string("alias/orders"))
        let byID = KMSKey(InterpolatedString(literal: "1234abcd-12ab")).decryptStatement()
        #expect(byID["Resource"] == Intrinsic.sub("arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/1234abcd-12ab"))
    }
}
