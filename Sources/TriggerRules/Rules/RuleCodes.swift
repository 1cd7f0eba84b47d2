import Diagnostics

// Codes of the rules in this catalog. The hundreds digit is the area: 2xx required settings and support,
// 3xx queues and FIFO, 4xx EventBridge, 6xx names and values, 7xx alarms, 8xx function and template.
extension DiagnosticCode {
    public static let settingForOtherMode: DiagnosticCode = "TRG204"
    public static let scheduleOnCustomBus: DiagnosticCode = "TRG205"
    public static let visibilityBelowTimeout: DiagnosticCode = "TRG301"
    public static let visibilityBelowRecommendation: DiagnosticCode = "TRG302"
    public static let fifoName: DiagnosticCode = "TRG303"
    public static let messageGroupId: DiagnosticCode = "TRG305"
    public static let fifoDeduplication: DiagnosticCode = "TRG306"
    public static let fifoBatching: DiagnosticCode = "TRG307"
    public static let deadLetterRetention: DiagnosticCode = "TRG308"
    public static let managedKeyOnServiceFedQueue: DiagnosticCode = "TRG309"
    public static let keyWithoutKMS: DiagnosticCode = "TRG310"
    public static let fifoTopic: DiagnosticCode = "TRG311"
    public static let deadLetterMustBeStandard: DiagnosticCode = "TRG312"
    public static let streamMappingLimits: DiagnosticCode = "TRG313"
    public static let s3EventBridgeNotifications: DiagnosticCode = "TRG401"
    public static let invalidName: DiagnosticCode = "TRG601"
    public static let sameNameAcrossSyslevels: DiagnosticCode = "TRG602"
    public static let placeholderValue: DiagnosticCode = "TRG603"
    public static let alarmWithoutActions: DiagnosticCode = "TRG701"
    public static let functionUnknown: DiagnosticCode = "TRG801"
    public static let rolePermissionsNeeded: DiagnosticCode = "TRG802"
    public static let templateTooLarge: DiagnosticCode = "TRG803"
}
