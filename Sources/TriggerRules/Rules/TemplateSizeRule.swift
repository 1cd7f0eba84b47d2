import Diagnostics
import TriggerModel

/// A template over 51,200 bytes cannot be passed inline to CloudFormation.
public struct TemplateSizeRule: Sendable {
    public static let description = RuleDescription(
        code: .templateTooLarge, name: "template-too-large", severity: .warning,
        summary: "the compiled template is over 51,200 bytes",
        rationale: "CreateStack and UpdateStack accept at most 51,200 bytes of template body; a larger template must "
            + "be uploaded to S3 first (aws cloudformation deploy --s3-bucket).",
        documentation: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html",
        triggering: [RuleExample.manyTriggers(14)],
        nonTriggering: [RuleExample.manyTriggers(2).replacing("↓", with: "")])

    public static let limit = 51_200

    public init() {}

    /// Checks the template's compact size, which is what CloudFormation measures.
    public func check(size: Int, manifest: ResolvedManifest) -> Diagnostic? {
        guard size > Self.limit else { return nil }
        let range = manifest.manifest.triggers.first?.keyRange ?? manifest.manifest.range
        return Diagnostic(
            code: Self.description.code, severity: Self.description.severity,
            message: "the template is \(size) bytes, over CloudFormation's inline limit of \(Self.limit)",
            range: range, help: "deploy it through an S3 bucket, or split the manifest")
    }
}
