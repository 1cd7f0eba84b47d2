import Diagnostics

// Codes the decoder and resolver report. The hundreds digit is the area: 1xx structure and types,
// 2xx resolution. The rule catalog documents every code.
extension DiagnosticCode {
    public static let unknownKey: DiagnosticCode = "TRG101"
    public static let wrongNodeKind: DiagnosticCode = "TRG102"
    public static let wrongScalarType: DiagnosticCode = "TRG103"
    public static let valueOutOfRange: DiagnosticCode = "TRG104"
    public static let notAllowedValue: DiagnosticCode = "TRG105"
    public static let yaml11Boolean: DiagnosticCode = "TRG106"
    public static let quotedScalar: DiagnosticCode = "TRG107"
    public static let missingKey: DiagnosticCode = "TRG108"
    public static let settingNotForType: DiagnosticCode = "TRG109"
    public static let unknownSyslevel: DiagnosticCode = "TRG110"
    public static let triggerBlockCount: DiagnosticCode = "TRG111"
    public static let invalidTriggerName: DiagnosticCode = "TRG112"
    public static let incompleteFunction: DiagnosticCode = "TRG113"
    public static let invalidParameter: DiagnosticCode = "TRG114"
    public static let unknownVariable: DiagnosticCode = "TRG201"
    public static let missingSetting: DiagnosticCode = "TRG202"
}
