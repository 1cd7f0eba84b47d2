/// A trigger type, named the Faas way: source + via + DLQ (SPEC section 3).
public enum TriggerType: String, Sendable, Hashable, CaseIterable, Codable {
    case cweventsqsdlq
    case cwevent
    case cwschedule
    case sqsdlq
    case snssqsdlq
    case kinesis

    /// Whether the type owns an SQS source queue.
    public var hasQueue: Bool { self == .cweventsqsdlq || self == .sqsdlq || self == .snssqsdlq }
    /// Whether the type owns an EventBridge rule.
    public var hasRule: Bool { self == .cweventsqsdlq || self == .cwevent || self == .cwschedule }
    /// Whether the function is polled through an event source mapping.
    public var hasMapping: Bool { self == .cweventsqsdlq || self == .sqsdlq || self == .snssqsdlq || self == .kinesis }
    /// Whether a dead-letter queue hangs off the source queue (or the stream's on-failure destination).
    public var hasDeadLetterQueue: Bool { hasQueue || self == .kinesis }
    /// Whether the source queue is written to by an AWS service rather than by the user's code.
    public var queueIsServiceFed: Bool { self == .cweventsqsdlq || self == .snssqsdlq }
}
