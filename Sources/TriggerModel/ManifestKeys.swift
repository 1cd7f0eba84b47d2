/// The keys of a manifest outside the settings catalog, with what each holds. The decoder checks against
/// these lists and `ManifestSchema` is generated from them, so the two cannot disagree.
public enum ManifestKeys {
    /// What a key outside the settings catalog holds.
    public enum Shape: Sendable, Hashable {
        /// A scalar typed as a setting of this kind is.
        case value(SettingKind)
        /// `function.code`: exactly one of `s3Bucket`+`s3Key`, `zipFile` or `imageUri`.
        case code
        /// A map from names to strings (`function.environment`).
        case stringMap
    }

    /// One key with its shape and a one-line summary for documentation and editors.
    public struct Key: Sendable, Hashable {
        public let name: String
        public let shape: Shape
        public let summary: String

        init(_ name: String, _ shape: Shape, _ summary: String) {
            self.name = name
            self.shape = shape
            self.summary = summary
        }
    }

    /// The keys of the manifest's root mapping.
    public static let topLevel = ["function", "tags", "trigger", "triggers"]
    /// What each top-level key is for.
    public static let topLevelSummaries: [String: String] = [
        "function": "the Lambda function the trigger invokes; absent, the template takes FunctionArn and FunctionRoleName parameters",
        "tags": "tags applied to every taggable resource, plus syslevel=<lvl>",
        "trigger": "one trigger; use `triggers` for several",
        "triggers": "several triggers, by name; each name prefixes its resources' logical ids",
    ]

    /// The keys of a trigger.
    public static let trigger = ["type", "bundled", "defaults", "syslevels", "parameters"]
    /// What each key of a trigger is for.
    public static let triggerSummaries: [String: String] = [
        "type": "the trigger type: source, via and dead-letter queue",
        "bundled": "true (default): the template creates the trigger's resources; false: they exist and are named by ARN",
        "defaults": "settings for every syslevel",
        "syslevels": "settings (and parameters) that override the defaults for one syslevel",
        "parameters": "named values: { value: scalar } or { jsonValue: any YAML, emitted as JSON }",
    ]

    /// The range of `function.timeout`, in seconds (Lambda's limit).
    public static let functionTimeout: ClosedRange<Int> = 1...900
    /// The range of `function.memorySize`, in MB (Lambda's limit).
    public static let functionMemorySize: ClosedRange<Int> = 128...10_240
    /// The range of `function.reservedConcurrency`.
    public static let functionReservedConcurrency: ClosedRange<Int> = 0...1_000_000
    /// The values of `function.architecture`.
    public static let functionArchitectures = ["x86_64", "arm64"]

    /// The keys of `function`, in the order the documentation lists them.
    public static let function: [Key] = [
        Key("name", .value(.string(maxLength: 64)), "name of the function; an existing one unless runtime, handler and code are given"),
        Key("timeout", .value(.integer(functionTimeout)), "timeout in seconds (default 3); queues are checked against it"),
        Key(
            "roleName", .value(.string(maxLength: 64)),
            "execution role of an existing function; the template grants it the polling permissions"),
        Key("runtime", .value(.string(maxLength: nil)), "runtime of a function the template defines, e.g. python3.12"),
        Key("handler", .value(.string(maxLength: nil)), "handler of a function the template defines, e.g. index.handler"),
        Key("code", .code, "code of a function the template defines"),
        Key("memorySize", .value(.integer(functionMemorySize)), "memory in MB"),
        Key("architecture", .value(.enumeration(functionArchitectures)), "instruction set"),
        Key("environment", .stringMap, "environment variables"),
        Key("reservedConcurrency", .value(.integer(functionReservedConcurrency)), "reserved concurrent executions"),
        Key("description", .value(.string(maxLength: 256)), "description of the function"),
    ]

    /// The names of `function`'s keys.
    public static var functionNames: [String] { function.map(\.name) }

    /// The keys that define a function: all of them or none.
    public static let functionDefinition = ["runtime", "handler", "code"]

    /// The keys of `function.code`, and what each is.
    public static let code: [Key] = [
        Key("s3Bucket", .value(.string(maxLength: nil)), "bucket of the deployment package (with s3Key)"),
        Key("s3Key", .value(.string(maxLength: nil)), "key of the deployment package (with s3Bucket)"),
        Key("s3ObjectVersion", .value(.string(maxLength: nil)), "version of the deployment package"),
        Key("zipFile", .value(.string(maxLength: nil)), "inline source code; no ${...} variables"),
        Key("imageUri", .value(.string(maxLength: nil)), "container image URI"),
    ]

    /// The names of `function.code`'s keys.
    public static var codeNames: [String] { code.map(\.name) }

    /// The longest tag key AWS accepts.
    public static let tagKeyMaxLength = 128
    /// The tag triggerc sets itself.
    public static let reservedTag = "syslevel"
    /// The prefix AWS reserves for its own tags.
    public static let reservedTagPrefix = "aws:"

    /// The pattern of a name under `triggers:` (it prefixes logical ids, which are alphanumeric).
    public static let triggerNamePattern = "^[A-Za-z][A-Za-z0-9]*$"
}
