import Foundation
import ManifestDiff
import Reporting
import TestSupport
import Testing
import TriggerKit
import TriggerModel

/// What `diff` reports, checked by meaning: exactly the paths that differ, their values, and the flags.
@Suite struct DiffContentTests {
    static func comparison(_ syslevel: Syslevel) -> Comparison? {
        ManifestComparisons.versions(
            old: DiffGoldenTests.result(DiffGoldenTests.old), new: DiffGoldenTests.result(DiffGoldenTests.new),
            syslevels: [syslevel]
        ).first
    }

    /// The `changes` of `diff --format json`, parsed back as a user's script would.
    static func jsonChanges(_ comparisons: [Comparison]) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(DiffJSONRenderer().render(comparisons).utf8)) as? [String: Any]
        return object?["changes"] as? [[String: Any]] ?? []
    }

    @Test func jsonListsExactlyTheSettingsAndPathsThatDiffer() throws {
        let comparison = try #require(Self.comparison(.prd))
        let changes = try Self.jsonChanges([comparison])
        let paths = changes.map { $0["path"] as? String ?? "" }
        #expect(
            paths == [
                "trigger.queueName",
                "trigger.queueType",
                "trigger.queueVisibilityTimeout",
                "trigger.queueMessageGroupId",
                "trigger.queueContentBasedDeduplication",
                "trigger.dLQueueName",
                "trigger.alarmSQSApproximateAgeOfOldestMessageMode",
                "trigger.alarmSQSApproximateAgeOfOldestMessageThreshold",
                "Resources.DeadLetterQueue.Properties.FifoQueue",
                "Resources.DeadLetterQueue.Properties.QueueName",
                "Resources.DeadLetterQueue.Properties.RedriveAllowPolicy.sourceQueueArns",
                "Resources.Queue.Properties.ContentBasedDeduplication",
                "Resources.Queue.Properties.FifoQueue",
                "Resources.Queue.Properties.QueueName",
                "Resources.Queue.Properties.VisibilityTimeout",
                "Resources.QueueAgeAlarm",
                "Resources.Rule.Properties.Description",
                "Resources.Rule.Properties.Targets[Id=Queue].SqsParameters",
            ])
        let byPath = Dictionary(changes.map { ($0["path"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        let visibility = try #require(byPath["Resources.Queue.Properties.VisibilityTimeout"])
        #expect(visibility["from"] as? Int == 180)
        #expect(visibility["to"] as? Int == 240)
        #expect(visibility["kind"] as? String == "property")
        #expect(visibility["replacement"] as? Bool == false)
        let setting = try #require(byPath["trigger.queueVisibilityTimeout"])
        #expect(setting["kind"] as? String == "setting")
        #expect((setting["provenance"] as? [String: String]) == ["from": "defaults at line 15", "to": "defaults at line 17"])
        let groupID = try #require(byPath["trigger.queueMessageGroupId"])
        #expect(groupID["from"] is NSNull)
        #expect(groupID["to"] as? String == "billing-prd")
        let alarm = try #require(byPath["Resources.QueueAgeAlarm"])
        #expect(alarm["kind"] as? String == "resource")
        #expect(alarm["from"] is NSNull)
        #expect((alarm["to"] as? [String: Any])?["Type"] as? String == "AWS::CloudWatch::Alarm")
        #expect((setting["syslevels"] as? [String: String]) == ["from": "prd", "to": "prd"])
    }

    @Test func aRenamedOrFlippedQueueIsReplacedWithDataLoss() throws {
        let comparison = try #require(Self.comparison(.sat))
        for path in [
            "Resources.Queue.Properties.QueueName", "Resources.Queue.Properties.FifoQueue",
            "Resources.DeadLetterQueue.Properties.QueueName",
        ] {
            let change = try #require(comparison.changes.first { $0.path == path })
            let flagged = change.replacement && change.dataLoss
            #expect(flagged, "\(path)")
        }
        let visibility = try #require(comparison.changes.first { $0.path == "Resources.Queue.Properties.VisibilityTimeout" })
        #expect(!visibility.replacement && !visibility.dataLoss)
        // Alarm names leave out `.fifo`, so flipping the queue to FIFO does not rename (and replace) its alarm.
        #expect(!comparison.changes.contains { $0.path.hasSuffix("DeadLetterQueueAgeAlarm.Properties.AlarmName") })
        let warnings = comparison.warnings
        #expect(warnings.map(\.logicalID) == ["DeadLetterQueue", "Queue"])
        #expect(warnings[1].message == "Queue (AWS::SQS::Queue) is replaced because FifoQueue, QueueName change; its messages are lost")
    }

    @Test func aManifestComparedWithItselfHasNoChanges() {
        let result = DiffGoldenTests.result("Examples/seed/trigger.yaml")
        let comparisons = ManifestComparisons.versions(old: result, new: result, syslevels: Syslevel.allCases)
        #expect(comparisons.count == 4)
        #expect(comparisons.allSatisfy { $0.changes.isEmpty })
        #expect(DiffJSONRenderer().render(comparisons).contains("\"changes\": []"))
    }

    @Test func syslevelsAreSeparateStacksSoNothingIsReplaced() {
        let result = DiffGoldenTests.result("Examples/seed/trigger.yaml")
        let comparison = ManifestComparisons.syslevels(result, pairs: [(.sat, .prd)])[0]
        #expect(comparison.changes.contains { $0.path == "Resources.Queue.Properties.QueueName" })
        let flagged = comparison.changes.contains { $0.replacement || $0.dataLoss }
        #expect(!flagged)
    }

    @Test func resolveShowsWhereEveryValueCameFrom() throws {
        let result = DiffGoldenTests.result("Examples/seed/trigger.yaml")
        let prd = try #require(result.resolved.first { $0.syslevel == .prd })
        let json = ResolvedManifestRenderer().json(prd)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let settings = (object?["trigger"] as? [String: Any])?["settings"] as? [String: [String: Any]] ?? [:]
        #expect(settings["queueName"]?["value"] as? String == "prd-test-queue.fifo")
        #expect(settings["queueName"]?["provenance"] as? String == "syslevels.prd at line 30")
        #expect(settings["queueName"]?["line"] as? Int == 30)
        #expect(settings["queueVisibilityTimeout"]?["provenance"] as? String == "defaults at line 8")
        #expect(settings["queueEncryption"]?["provenance"] as? String == "built-in default (SSE-SQS)")
        #expect(settings["queueEncryption"]?["line"] == nil)
        let parameters = (object?["trigger"] as? [String: Any])?["parameters"] as? [String: [String: Any]] ?? [:]
        #expect(parameters["eventPattern"]?["provenance"] as? String == "parameters at line 34")
        let yaml = ResolvedManifestRenderer().yaml(prd)
        #expect(yaml.contains("queueName: \"prd-test-queue.fifo\""))
        #expect(yaml.contains("# syslevels.prd at line 30"))
    }
}
