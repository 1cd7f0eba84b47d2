import TestSupport
import Testing

@testable import TriggerModel

/// The generated JSON Schema carries every setting as the decoder sees it, and the committed copy is current.
@Suite struct ManifestSchemaTests {
    static let document = ManifestSchema.document()

    var settings: JSONValue? { Self.document["$defs"]?["settings"] }

    @Test func committedSchemaIsTheGeneratorsOutput() {
        Snapshot.assert(JSONWriter.pretty(Self.document), matchesFile: "schema/trigger-manifest.schema.json")
    }

    @Test func isDraft2020Twelve() {
        #expect(Self.document["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
    }

    @Test(arguments: SettingCatalog.all) func everySettingAppearsWithItsTypeRangeDefaultAndDescription(_ spec: SettingSpec) throws {
        let schema = try #require(settings?["properties"]?[spec.name], "\(spec.name) is missing from the schema")
        guard case .string(let description)? = schema["description"] else {
            Issue.record("\(spec.name) has no description")
            return
        }
        #expect(description.contains(spec.summary))
        for type in spec.types { #expect(description.contains(type.rawValue)) }
        switch spec.kind {
        case .integer(let range):
            #expect(schema["type"] == .string("integer"))
            #expect(schema["minimum"] == .integer(range.lowerBound))
            #expect(schema["maximum"] == .integer(range.upperBound))
        case .boolean:
            #expect(schema["type"] == .string("boolean"))
        case .enumeration(let values):
            #expect(schema["type"] == .string("string"))
            #expect(schema["enum"] == .array(values.map { .string($0) }))
        case .string:
            // Strings may hold ${...}, whose substitution changes the length: no pattern, no maxLength.
            #expect(schema["type"] == .array([.string("string"), .string("number"), .string("boolean")]))
            #expect(schema["maxLength"] == nil && schema["pattern"] == nil)
        case .stringList(let maxCount):
            #expect(schema["type"] == .string("array"))
            #expect(schema["maxItems"] == .integer(maxCount))
        }
        if let literal = ManifestSchema.literalDefault(spec) {
            #expect(schema["default"] == literal)
        } else {
            #expect(schema["default"] == nil)
        }
        #expect(description.contains("Default: \(spec.defaultSummary)."), "the default, computed or not, is in the description")
    }

    @Test func literalDefaultsAreTyped() {
        #expect(ManifestSchema.literalDefault(SettingCatalog.spec(named: "queueMaxReceiveCount")!) == .integer(3))
        #expect(ManifestSchema.literalDefault(SettingCatalog.spec(named: "queueType")!) == .string("STANDARD"))
        #expect(ManifestSchema.literalDefault(SettingCatalog.spec(named: "reportBatchItemFailures")!) == .bool(true))
        #expect(ManifestSchema.literalDefault(SettingCatalog.spec(named: "queueVisibilityTimeout")!) == nil)
    }

    @Test func settingsBlocksAllowNoOtherKeys() {
        #expect(settings?["additionalProperties"] == .bool(false))
        let syslevel = Self.document["$defs"]?["syslevelSettings"]
        #expect(syslevel?["additionalProperties"] == .bool(false))
        #expect(syslevel?["properties"]?["parameters"] != nil)
        #expect(Self.document["additionalProperties"] == .bool(false))
        #expect(Self.document["$defs"]?["trigger"]?["additionalProperties"] == .bool(false))
        #expect(Self.document["$defs"]?["function"]?["additionalProperties"] == .bool(false))
    }

    @Test func syslevelKeysAreTheFourSyslevels() {
        let syslevels = Self.document["$defs"]?["trigger"]?["properties"]?["syslevels"]
        #expect(syslevels?["additionalProperties"] == .bool(false))
        guard case .object(let members)? = syslevels?["properties"] else {
            Issue.record("syslevels has no properties")
            return
        }
        #expect(members.map(\.0) == ["ci", "eng", "sat", "prd"])
    }

    @Test func topLevelKeysAndTheirShapes() {
        guard case .object(let members)? = Self.document["properties"] else {
            Issue.record("no properties")
            return
        }
        #expect(members.map(\.0) == ManifestKeys.topLevel)
        #expect(
            Self.document["oneOf"]
                == .array([
                    .object([("required", .array([.string("trigger")]))]),
                    .object([("required", .array([.string("triggers")]))]),
                ]))
        let parameter = Self.document["$defs"]?["parameter"]
        #expect(
            parameter?["oneOf"]
                == .array([
                    .object([("required", .array([.string("value")]))]),
                    .object([("required", .array([.string("jsonValue")]))]),
                ]))
        guard case .object(let functionKeys)? = Self.document["$defs"]?["function"]?["properties"] else {
            Issue.record("function has no properties")
            return
        }
        #expect(functionKeys.map(\.0) == ManifestKeys.functionNames)
        #expect(Self.document["$defs"]?["function"]?["properties"]?["timeout"]?["maximum"] == .integer(900))
    }

    @Test(arguments: TriggerType.allCases) func eachTypeIsLimitedToItsOwnSettings(_ type: TriggerType) {
        let names = Self.document["$defs"]?["settingNames-\(type.rawValue)"]?["propertyNames"]?["enum"]
        let expected = SettingCatalog.all.filter { $0.types.contains(type) }.map { JSONValue.string($0.name) }
        #expect(names == .array(expected))
    }
}
