import TriggerModel

/// checkov suppressions, each with the reason the finding does not apply, in a resource's `Metadata`.
enum Checkov {
    /// A check and why it is suppressed.
    struct Skip {
        let id: String
        let reason: String
    }

    static func metadata(_ skips: [Skip]) -> JSONValue? {
        guard !skips.isEmpty else { return nil }
        return .object([
            (
                "checkov",
                .object([
                    (
                        "skip",
                        .array(
                            skips.map {
                                .object([("id", .string($0.id)), ("comment", .string($0.reason))])
                            })
                    )
                ])
            )
        ])
    }

    /// SSE-SQS is encryption at rest; checkov only recognises a KMS key, and the AWS-managed one would make
    /// EventBridge and SNS drop their deliveries.
    static let queueEncryptedWithSSESQS = Skip(
        id: "CKV_AWS_27",
        reason:
            "encrypted at rest with SSE-SQS (SqsManagedSseEnabled); the AWS-managed KMS key alias/aws/sqs would make EventBridge and SNS deliveries fail"
    )

    /// The skips of a queue: only when it really is encrypted with SSE-SQS.
    static func queue(encryption: String?) -> [Skip] {
        encryption == nil || encryption == "SQS" ? [queueEncryptedWithSSESQS] : []
    }

    static let logGroupEncryption = Skip(
        id: "CKV_AWS_158",
        reason: "CloudWatch Logs encrypts log data at rest by default; a customer key would need a key policy for the logs service")
}
