import CloudFormation
import TestSupport
import Testing
import TriggerKit
import TriggerModel

/// Every template triggerc emits for the examples grants nothing extra: no `Allow` on `*`, every queue encrypted
/// and TLS-only, every service grant tied to its one source, and the defined function's role scoped to its logs.
@Suite struct TemplateSecurityTests {
    static let templates: [(name: String, template: Template)] = Snapshot.examples().flatMap { example in
        Pipeline().run(file: example, bytes: Snapshot.bytes(example)).templates.map {
            ("\(example) (\($0.syslevel.rawValue))", $0.template)
        }
    }

    /// Every policy statement of a template with where it sits.
    static func statements(_ template: Template) -> [(where: String, statement: JSONValue)] {
        var found: [(String, JSONValue)] = []
        for (id, resource) in template.resources {
            var documents: [(String, JSONValue)] = []
            if let document = resource[property: "PolicyDocument"] { documents.append(("\(id).PolicyDocument", document)) }
            if case .array(let policies)? = resource[property: "Policies"] {
                for policy in policies { if let document = policy["PolicyDocument"] { documents.append(("\(id).Policies", document)) } }
            }
            for (place, document) in documents {
                guard case .array(let list)? = document["Statement"] else { continue }
                found += list.map { (place, $0) }
            }
        }
        return found
    }

    @Test func thereAreTemplatesOfEveryType() {
        let types = Set(Self.templates.flatMap { $0.template.resources.map(\.1.type) })
        for type in [
            "AWS::Events::Rule", "AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::SNS::Subscription", "AWS::Kinesis::Stream",
            "AWS::Lambda::EventSourceMapping", "AWS::Lambda::Permission", "AWS::Lambda::Function", "AWS::IAM::Policy",
        ] {
            #expect(types.contains(type), "no example emits \(type)")
        }
    }

    @Test func noStatementAllowsEveryResource() {
        for (name, template) in Self.templates {
            for (place, statement) in Self.statements(template) where statement["Effect"] == .string("Allow") {
                let resources: [JSONValue] = if case .array(let list)? = statement["Resource"] { list } else { [statement["Resource"] ?? .null] }
                #expect(!resources.contains(.string("*")), "\(name): \(place) allows Resource \"*\"")
                #expect(statement["Resource"] != nil, "\(name): \(place) has no Resource")
                if case .object? = statement["Principal"] {
                    #expect(
                        statement["Condition"]?["ArnEquals"]?["aws:SourceArn"] != nil,
                        "\(name): \(place) grants a service without tying it to its source")
                }
            }
        }
    }

    @Test func everyQueueIsEncryptedAndTLSOnly() {
        for (name, template) in Self.templates {
            let policies = template.resources.filter { $0.1.type == "AWS::SQS::QueuePolicy" }
            for (id, queue) in template.resources where queue.type == "AWS::SQS::Queue" {
                #expect(
                    queue[property: "SqsManagedSseEnabled"] == .bool(true) || queue[property: "KmsMasterKeyId"] != nil,
                    "\(name): \(id) is not encrypted")
                let covered = policies.contains { _, policy in
                    guard case .array(let queues)? = policy[property: "Queues"], queues.contains(Intrinsic.ref(id)),
                        case .array(let statements)? = policy[property: "PolicyDocument"]?["Statement"]
                    else { return false }
                    return statements.contains {
                        $0["Effect"] == .string("Deny") && $0["Condition"]?["Bool"]?["aws:SecureTransport"] == .string("false")
                    }
                }
                #expect(covered, "\(name): \(id) accepts requests without TLS")
            }
        }
    }

    @Test func invokePermissionsAreScopedToTheirRule() {
        for (name, template) in Self.templates {
            for (id, permission) in template.resources where permission.type == "AWS::Lambda::Permission" {
                #expect(permission[property: "SourceArn"] != nil, "\(name): \(id) lets any rule invoke the function")
                #expect(permission[property: "Principal"] == .string("events.amazonaws.com"))
            }
        }
    }

    @Test func streamsAreEncrypted() {
        for (name, template) in Self.templates {
            for (id, stream) in template.resources where stream.type == "AWS::Kinesis::Stream" {
                #expect(stream[property: "StreamEncryption"]?["EncryptionType"] == .string("KMS"), "\(name): \(id) is not encrypted")
            }
        }
    }
}
