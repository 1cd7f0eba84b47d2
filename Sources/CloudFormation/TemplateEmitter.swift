import TriggerModel

/// Turns a resolved manifest into a template. Pure: no files, clock, environment or randomness.
public struct TemplateEmitter: Sendable {
    /// The compiler version recorded in every template's `Metadata`.
    public let compilerVersion: String

    public init(compilerVersion: String) {
        self.compilerVersion = compilerVersion
    }

    /// The template for a manifest without errors; triggers of unsupported types must have been rejected.
    public func emit(_ manifest: ResolvedManifest) -> Template {
        let types = Set(manifest.triggers.map(\.type.rawValue)).sorted().joined(separator: ", ")
        let function = manifest.function?.name.displayText ?? "the function given as FunctionArn"
        var template = Template(
            description: "triggerc: \(types) trigger for \(function) (\(manifest.syslevel.rawValue))",
            metadata: .object([
                (
                    "triggerc",
                    .object([
                        ("manifest", .string(manifest.manifest.file)),
                        ("syslevel", .string(manifest.syslevel.rawValue)),
                        ("version", .string(compilerVersion)),
                    ])
                )
            ]))
        template.description = String(template.description.utf8.prefix(1024)) ?? template.description
        var builder = TemplateBuilder(manifest: manifest, template: template)
        for trigger in manifest.triggers {
            let prefix = trigger.name.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? ""
            switch trigger.type {
            case .cweventsqsdlq: EventBridgeQueueEmitter().emit(trigger, prefix: prefix, into: &builder)
            case .cwevent, .cwschedule: EventBridgeFunctionEmitter().emit(trigger, prefix: prefix, into: &builder)
            case .sqsdlq: QueueEmitter().emit(trigger, prefix: prefix, into: &builder)
            case .snssqsdlq: TopicQueueEmitter().emit(trigger, prefix: prefix, into: &builder)
            case .kinesis: StreamEmitter().emit(trigger, prefix: prefix, into: &builder)
            }
        }
        return builder.template
    }
}
