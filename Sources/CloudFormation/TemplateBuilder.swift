import TriggerModel

/// Accumulates a template while emitters add resources; owns the parts triggers share (the function, its role,
/// the `FunctionArn` parameter) so that several triggers in one manifest wire to one function.
public struct TemplateBuilder: Sendable {
    public private(set) var template: Template
    public let manifest: ResolvedManifest

    public init(manifest: ResolvedManifest, template: Template) {
        self.manifest = manifest
        self.template = template
        tagList = .array(manifest.tags.map { .object([("Key", .string($0.key)), ("Value", Intrinsic.string($0.value))]) })
    }

    public mutating func add(_ logicalID: String, _ resource: Resource) {
        template.resources.append((logicalID, resource))
    }

    public mutating func output(_ name: String, _ value: JSONValue, _ description: String) {
        template.outputs.append((name, .object([("Description", .string(description)), ("Value", value)])))
    }

    /// The tags every taggable resource carries, as a CloudFormation `Tags` list.
    public let tagList: JSONValue

    // MARK: - The function

    /// How a trigger refers to the function it invokes.
    public struct FunctionReference: Sendable {
        /// For `FunctionName` of an event source mapping or permission.
        public var name: JSONValue
        /// For a rule target's `Arn`.
        public var arn: JSONValue
        /// The role to attach polling permissions to, if known.
        public var roleName: JSONValue?
    }

    static let functionArnParameter = "FunctionArn"
    static let functionRoleParameter = "FunctionRoleName"

    /// Adds the shared function resources or parameters once, and returns how to refer to the function.
    /// `polls` says whether the trigger polls through an event source mapping, which needs the function's role.
    public mutating func function(polls: Bool) -> FunctionReference {
        guard let function = manifest.function else {
            if !template.parameters.contains(where: { $0.0 == Self.functionArnParameter }) {
                template.parameters.append(
                    (
                        Self.functionArnParameter,
                        .object([
                            ("Type", .string("String")),
                            ("Description", .string("ARN of the Lambda function the trigger invokes")),
                            ("AllowedPattern", .string("^arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:[0-9]{12}:function:[a-zA-Z0-9-_]+(:[a-zA-Z0-9-_$]+)?$")),
                        ])
                    ))
            }
            if polls, !template.parameters.contains(where: { $0.0 == Self.functionRoleParameter }) {
                // Required rather than optional: the mapping must wait for the polling grant, and CloudFormation
                // cannot make a DependsOn conditional.
                template.parameters.append(
                    (
                        Self.functionRoleParameter,
                        .object([
                            ("Type", .string("String")),
                            ("Description", .string("Name of the function's execution role; the template grants it the polling permissions")),
                            ("MinLength", .integer(1)),
                            ("AllowedPattern", .string("^[\\w+=,.@-]{1,64}$")),
                        ])
                    ))
            }
            return FunctionReference(
                name: Intrinsic.ref(Self.functionArnParameter), arn: Intrinsic.ref(Self.functionArnParameter),
                roleName: polls ? Intrinsic.ref(Self.functionRoleParameter) : nil)
        }
        guard function.isDefined else {
            let arn = InterpolatedString(
                parts: [
                    .literal("arn:"), .pseudo("AWS::Partition"), .literal(":lambda:"), .pseudo("AWS::Region"), .literal(":"),
                    .pseudo("AWS::AccountId"), .literal(":function:"),
                ] + function.name.parts)
            return FunctionReference(
                name: Intrinsic.string(function.name), arn: Intrinsic.string(arn), roleName: function.roleName.map(Intrinsic.string))
        }
        if template.resource("Function") == nil { addFunction(function) }
        return FunctionReference(
            name: Intrinsic.ref("Function"), arn: Intrinsic.getAtt("Function", "Arn"), roleName: Intrinsic.ref("FunctionRole"))
    }

    /// Whether a rule invokes the function directly: EventBridge invokes asynchronously, so an invocation that
    /// keeps failing after Lambda's own retries is lost unless the function has a dead-letter queue.
    var invokedAsynchronously: Bool {
        manifest.triggers.contains { $0.type == .cwevent || $0.type == .cwschedule }
    }

    mutating func addFunction(_ function: ResolvedFunction) {
        let spec = function.spec
        if invokedAsynchronously { addFunctionDeadLetterQueue(function) }
        let logGroupName = InterpolatedString(parts: [.literal("/aws/lambda/")] + function.name.parts)
        add(
            "FunctionLogGroup",
            Resource(
                "AWS::Logs::LogGroup", metadata: Checkov.metadata([Checkov.logGroupEncryption]),
                properties: [
                    ("LogGroupName", Intrinsic.string(logGroupName)),
                    ("RetentionInDays", .integer(30)),
                    ("Tags", tagList),
                ]))
        let logGroupArn = InterpolatedString(
            parts: [
                .literal("arn:"), .pseudo("AWS::Partition"), .literal(":logs:"), .pseudo("AWS::Region"), .literal(":"),
                .pseudo("AWS::AccountId"), .literal(":log-group:"),
            ] + logGroupName.parts + [.literal(":*")])
        add(
            "FunctionRole",
            Resource(
                "AWS::IAM::Role",
                properties: [
                    (
                        "AssumeRolePolicyDocument",
                        .object([
                            ("Version", .string("2012-10-17")),
                            (
                                "Statement",
                                .array([
                                    .object([
                                        ("Effect", .string("Allow")),
                                        ("Principal", .object([("Service", .string("lambda.amazonaws.com"))])),
                                        ("Action", .string("sts:AssumeRole")),
                                    ])
                                ])
                            ),
                        ])
                    ),
                    (
                        "Policies",
                        .array([
                            .object([
                                ("PolicyName", .string("write-logs")),
                                (
                                    "PolicyDocument",
                                    .object([
                                        ("Version", .string("2012-10-17")),
                                        (
                                            "Statement",
                                            .array(
                                                [
                                                    .object([
                                                        ("Sid", .string("WriteOwnLogs")),
                                                        ("Effect", .string("Allow")),
                                                        ("Action", .array([.string("logs:CreateLogStream"), .string("logs:PutLogEvents")])),
                                                        ("Resource", Intrinsic.string(logGroupArn)),
                                                    ])
                                                ]
                                                    + (invokedAsynchronously
                                                        ? [
                                                            .object([
                                                                ("Sid", .string("SendFailedInvocations")),
                                                                ("Effect", .string("Allow")),
                                                                ("Action", .array([.string("sqs:SendMessage")])),
                                                                ("Resource", Intrinsic.getAtt("FunctionDeadLetterQueue", "Arn")),
                                                            ])
                                                        ] : []))
                                        ),
                                    ])
                                ),
                            ])
                        ])
                    ),
                    ("Tags", tagList),
                ]))
        var properties: [(String, JSONValue?)] = [("FunctionName", Intrinsic.string(function.name))]
        switch spec.code?.value {
        case .s3(let bucket, let key, let version):
            properties.append(
                (
                    "Code",
                    .object(
                        [
                            ("S3Bucket", Intrinsic.string(bucket)), ("S3Key", Intrinsic.string(key)),
                        ] + (version.map { [("S3ObjectVersion", Intrinsic.string($0))] } ?? []))
                ))
        case .zipFile(let source):
            properties.append(("Code", .object([("ZipFile", .string(source))])))
        case .imageUri(let uri):
            properties.append(("Code", .object([("ImageUri", Intrinsic.string(uri))])))
            properties.append(("PackageType", .string("Image")))
        case nil:
            break
        }
        if case .imageUri? = spec.code?.value {
        } else {
            properties.append(("Runtime", spec.runtime.map { .string($0.value) }))
            properties.append(("Handler", spec.handler.map { .string($0.value) }))
        }
        properties += [
            ("Role", Intrinsic.getAtt("FunctionRole", "Arn")),
            ("Timeout", .integer(function.timeout)),
            ("MemorySize", spec.memorySize.map { .integer($0.value) }),
            ("Architectures", spec.architecture.map { .array([.string($0.value)]) }),
            ("Description", spec.description.map { Intrinsic.string($0.value) }),
            ("ReservedConcurrentExecutions", spec.reservedConcurrency.map { .integer($0.value) }),
            (
                "Environment",
                spec.environment.isEmpty
                    ? nil
                    : .object([
                        (
                            "Variables",
                            .object(
                                spec.environment.map { ($0.key.value, Intrinsic.string($0.value.value.resolving(syslevel: manifest.syslevel))) })
                        )
                    ])
            ),
            ("Tags", tagList),
        ]
        if invokedAsynchronously {
            properties.append(("DeadLetterConfig", .object([("TargetArn", Intrinsic.getAtt("FunctionDeadLetterQueue", "Arn"))])))
        }
        var skips = [
            Checkov.Skip(
                id: "CKV_AWS_117",
                reason: "manifests carry no network settings; a function that needs private resources belongs in a VPC through its own stack")
        ]
        if spec.reservedConcurrency == nil {
            skips.append(
                Checkov.Skip(
                    id: "CKV_AWS_115",
                    reason:
                        "concurrency is reserved only when function.reservedConcurrency is set; reserving by default takes capacity from every other function"
                ))
        }
        if !invokedAsynchronously {
            skips.append(
                Checkov.Skip(
                    id: "CKV_AWS_116",
                    reason:
                        "invoked synchronously by event source mappings; failed messages go to the queue's dead-letter queue or the stream's on-failure destination"
                ))
        }
        if !spec.environment.isEmpty {
            skips.append(
                Checkov.Skip(
                    id: "CKV_AWS_173",
                    reason: "Lambda encrypts environment variables at rest with its AWS-managed key; a manifest must hold no secrets"))
        }
        add(
            "Function",
            Resource(
                "AWS::Lambda::Function", dependsOn: ["FunctionLogGroup"], metadata: Checkov.metadata(skips),
                properties: properties))
        output("FunctionArn", Intrinsic.getAtt("Function", "Arn"), "ARN of the function")
    }

    /// `<function name>-failed`: where Lambda puts asynchronous invocations that failed every retry.
    mutating func addFunctionDeadLetterQueue(_ function: ResolvedFunction) {
        let queueArn = addStandaloneQueue(
            "FunctionDeadLetterQueue", name: InterpolatedString(parts: function.name.parts + [.literal("-failed")]),
            retention: 1_209_600, encryption: [("SqsManagedSseEnabled", .bool(true))])
        output("FunctionDeadLetterQueueArn", queueArn, "ARN of the queue for invocations that failed every retry")
    }
}
