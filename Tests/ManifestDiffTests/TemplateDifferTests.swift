import ManifestDiff
import Testing
import TriggerModel

/// The structural template diff on hand-made JSON: identity matching, intrinsics, and the replacement rules.
@Suite struct TemplateDifferTests {
    static func template(_ properties: [(String, JSONValue)], type: String = "AWS::Events::Rule") -> JSONValue {
        .object([("Resources", .object([("Rule", .object([("Type", .string(type)), ("Properties", .object(properties))]))]))])
    }

    static func tag(_ key: String, _ value: String) -> JSONValue {
        .object([("Key", .string(key)), ("Value", .string(value))])
    }

    @Test func reorderedTagsAreNoChangeAndAChangedTagIsOnePath() {
        let old = Self.template([("Tags", .array([Self.tag("a", "1"), Self.tag("b", "2")]))])
        let reordered = Self.template([("Tags", .array([Self.tag("b", "2"), Self.tag("a", "1")]))])
        #expect(TemplateDiffer().changes(from: old, to: reordered).isEmpty)
        let changed = Self.template([("Tags", .array([Self.tag("c", "3"), Self.tag("a", "1"), Self.tag("b", "9")]))])
        let changes = TemplateDiffer().changes(from: old, to: changed)
        #expect(changes.map(\.path) == ["Resources.Rule.Properties.Tags[Key=b].Value", "Resources.Rule.Properties.Tags[Key=c]"])
        #expect(changes[0].from == .string("2") && changes[0].to == .string("9"))
        #expect(changes[1].from == nil)
    }

    @Test func statementsMatchBySidAndTargetsById() {
        func statement(_ sid: String, _ action: String) -> JSONValue {
            .object([("Action", .string(action)), ("Sid", .string(sid))])
        }
        let old = Self.template([("Statement", .array([statement("A", "sqs:SendMessage")]))])
        let new = Self.template([("Statement", .array([statement("Z", "sqs:*"), statement("A", "sqs:SendMessage")]))])
        #expect(TemplateDiffer().changes(from: old, to: new).map(\.path) == ["Resources.Rule.Properties.Statement[Sid=Z]"])
        let target = { (arn: String) in JSONValue.object([("Arn", .string(arn)), ("Id", .string("Queue"))]) }
        let retargeted = TemplateDiffer().changes(
            from: Self.template([("Targets", .array([target("a")]))]), to: Self.template([("Targets", .array([target("b")]))]))
        #expect(retargeted.map(\.path) == ["Resources.Rule.Properties.Targets[Id=Queue].Arn"])
    }

    @Test func intrinsicsAndArraysWithoutIdentityAreWholeValues() {
        let old = Self.template([
            ("Arn", .object([("Fn::GetAtt", .array([.string("Queue"), .string("Arn")]))])),
            ("Actions", .array([.string("a"), .string("b")])),
        ])
        let new = Self.template([
            ("Arn", .object([("Fn::GetAtt", .array([.string("Other"), .string("Arn")]))])),
            ("Actions", .array([.string("b"), .string("a")])),
        ])
        let changes = TemplateDiffer().changes(from: old, to: new)
        #expect(changes.map(\.path) == ["Resources.Rule.Properties.Actions", "Resources.Rule.Properties.Arn"])
    }

    @Test func createOnlyPropertiesReplaceAndAChangedTypeReplaces() {
        let renamed = TemplateDiffer().changes(
            from: Self.template([("Name", .string("a")), ("State", .string("ENABLED"))]),
            to: Self.template([("Name", .string("b")), ("State", .string("DISABLED"))]))
        #expect(renamed.map(\.replacement) == [true, false])
        #expect(!renamed.contains { $0.dataLoss })
        let retyped = TemplateDiffer().changes(
            from: Self.template([], type: "AWS::SQS::Queue"), to: Self.template([], type: "AWS::SNS::Topic"))
        #expect(retyped.count == 1 && retyped[0].replacement && retyped[0].dataLoss)
        let removed = TemplateDiffer().changes(from: Self.template([], type: "AWS::Kinesis::Stream"), to: .object([]))
        #expect(removed.count == 1 && removed[0].kind == .resource && removed[0].dataLoss && !removed[0].replacement)
    }

    @Test func descriptionAndMetadataAreNotChanges() {
        let old = JSONValue.object([("Description", .string("x (sat)")), ("Metadata", .object([("syslevel", .string("sat"))]))])
        let new = JSONValue.object([("Description", .string("x (prd)")), ("Metadata", .object([("syslevel", .string("prd"))]))])
        #expect(TemplateDiffer().changes(from: old, to: new).isEmpty)
    }
}
