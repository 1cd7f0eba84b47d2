import Diagnostics
import Foundation
import Testing
import YAMLSource

@testable import TriggerModel

/// The example block of the source document (`/work/shared/seed/trigger.yaml`), trailing spaces removed.
let seedManifest = """
    trigger:
      type: cweventsqsdlq
      bundled: true
      defaults:
        queueName: test-queue.fifo
        dLQueueName: test-queue-dlq.fifo
        queueMaxReceiveCount: 2
        queueVisibilityTimeout: 930
        queueMessageRetentionPeriod: 345600
        queueType: FIFO
        dLQueueMessageRetentionPeriod: 1209600
        alarmDLQApproximateAgeOfOldestMessageThreshold: 60
        alarmSQSApproximateAgeOfOldestMessageMode: disabled
        alarmEventsTriggeredRulesCountMode: disabled
        queueMessageGroupId: RDZ-sqs-pas-offboarding-staging-events
      syslevels:
        ci:
          queueName: test-queue-ci.fifo
          dLQueueName: test-queue-dlq-ci.fifo
          queueMessageGroupId: test-queue-events-ci
        eng:
          queueName: eng-test-queue.fifo
          dLQueueName: eng-test-queue-dlq.fifo
          queueMessageGroupId: eng-test-queue-events
        sat:
          queueName: sat-test-queue.fifo
          dLQueueName: sat-test-queue-dlq.fifo
          queueMessageGroupId: sat-test-queue-events
        prd:
          queueName: prd-test-queue.fifo
          dLQueueName: prd-test-queue-dlq.fifo
          queueMessageGroupId: prd-test-queue-events
      parameters:
        eventPattern:
          jsonValue:
            source: ["aws.s3"]
            detail-type: ["Object Created"]
            detail:
              bucket:
                name: ["<s3_bucket_name>"]
              object:
                key: [{"prefix": "source/"}]
    """

/// The seed file next to the package, when the checkout has it.
let seedFileURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../shared/seed/trigger.yaml").standardizedFileURL

@Suite("The seed manifest")
struct SeedManifestTests {
    @Test func decodesWithoutDiagnostics() throws {
        let decoded = try decode(seedManifest)
        #expect(decoded.diagnostics.isEmpty)
        let trigger = try #require(decoded.trigger)
        #expect(trigger.type.value == .cweventsqsdlq)
        #expect(trigger.bundled?.value == true)
        #expect(trigger.defaults.count == 11)
        #expect(trigger.syslevels.map(\.syslevel) == [.ci, .eng, .sat, .prd])
        #expect(trigger.parameters.map(\.name) == ["eventPattern"])
    }

    @Test func resolvesForPrd() throws {
        let resolved = try resolve(seedManifest, for: .prd)
        let trigger = try #require(resolved.triggers.first)
        #expect(trigger.string("queueName")?.literalValue == "prd-test-queue.fifo")
        #expect(trigger["queueName"]?.provenance == .syslevel(.prd, span(30, 7, 16)))
        #expect(trigger["queueName"]?.replacedDefault?.value == text("test-queue.fifo"))
        #expect(trigger.string("dLQueueName")?.literalValue == "prd-test-queue-dlq.fifo")
        #expect(trigger.integer("queueVisibilityTimeout") == 930)
        #expect(trigger["queueVisibilityTimeout"]?.provenance == .defaults(span(8, 5, 27)))
        #expect(trigger.integer("queueMaxReceiveCount") == 2)
        #expect(trigger["queueMaxReceiveCount"]?.provenance == .defaults(span(7, 5, 25)))
        #expect(trigger.string("queueMessageGroupId")?.literalValue == "prd-test-queue-events")
        #expect(trigger["queueMessageGroupId"]?.provenance == .syslevel(.prd, span(32, 7, 26)))
        #expect(trigger["queueMessageGroupId"]?.replacedDefault?.value == text("RDZ-sqs-pas-offboarding-staging-events"))
        #expect(trigger.isFIFO)
        #expect(trigger.boolean("queueContentBasedDeduplication") == true)
        #expect(trigger.alarmEnabled("alarmDLQApproximateAgeOfOldestMessageMode"))
        #expect(!trigger.alarmEnabled("alarmSQSApproximateAgeOfOldestMessageMode"))
        #expect(!trigger.alarmEnabled("alarmEventsTriggeredRulesCountMode"))
        #expect(trigger.integer("dLQueueMessageRetentionPeriod") == 1_209_600)
        #expect(resolved.tags.map(\.key) == ["syslevel"])
    }

    @Test func eventPatternIsTheSameJSONInEverySyslevel() throws {
        let expected = JSONValue.object([
            ("source", .array([.string("aws.s3")])),
            ("detail-type", .array([.string("Object Created")])),
            (
                "detail",
                .object([
                    ("bucket", .object([("name", .array([.string("<s3_bucket_name>")]))])),
                    ("object", .object([("key", .array([.object([("prefix", .string("source/"))])]))])),
                ])
            ),
        ])
        for syslevel in Syslevel.allCases {
            let resolved = try resolve(seedManifest, for: syslevel)
            let pattern = try #require(resolved.triggers.first?.parameters["eventPattern"])
            #expect(pattern.json == expected)
            #expect(pattern.provenance == .defaults(span(34, 5, 17)))
        }
    }

    @Test(arguments: [
        (Syslevel.ci, "test-queue-ci.fifo", "test-queue-events-ci"),
        (.eng, "eng-test-queue.fifo", "eng-test-queue-events"),
        (.sat, "sat-test-queue.fifo", "sat-test-queue-events"),
        (.prd, "prd-test-queue.fifo", "prd-test-queue-events"),
    ])
    func everySyslevelHasItsOwnQueue(_ syslevel: Syslevel, _ queueName: String, _ groupId: String) throws {
        let resolved = try resolve(seedManifest, for: syslevel)
        let trigger = try #require(resolved.triggers.first)
        #expect(trigger.string("queueName")?.literalValue == queueName)
        #expect(trigger.string("queueMessageGroupId")?.literalValue == groupId)
        #expect(trigger.integer("queueVisibilityTimeout") == 930)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seedFileURL.path)))
    func theSeedFileOnDiskDecodesAndResolvesTheSame() throws {
        let bytes = try [UInt8](Data(contentsOf: seedFileURL))
        let result = YAMLReader().read(bytes: bytes, file: manifestFile)
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        let (manifest, diagnostics) = ManifestDecoder().decode(root)
        #expect(diagnostics.isEmpty)
        let trigger = try #require(Resolver().resolve(manifest, for: .prd).triggers.first)
        #expect(trigger.string("queueName")?.literalValue == "prd-test-queue.fifo")
        #expect(trigger.integer("queueVisibilityTimeout") == 930)
        #expect(trigger.integer("queueMaxReceiveCount") == 2)
        #expect(trigger.string("queueMessageGroupId")?.literalValue == "prd-test-queue-events")
    }
}
