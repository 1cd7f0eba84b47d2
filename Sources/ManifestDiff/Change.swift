import TriggerModel

/// One difference between two compiled manifests: a resolved setting, a template resource, or a property.
public struct Change: Sendable, Hashable {
    /// What changed (SPEC 5.2's `kind`).
    public enum Kind: String, Sendable, Hashable {
        case setting
        case resource
        case property
    }

    public var kind: Kind
    /// `trigger.queueName` for a setting; `Resources.Queue.Properties.VisibilityTimeout` in a template.
    public var path: String
    /// The old value; `nil` when it was absent (for a resource: its whole template body).
    public var from: JSONValue?
    /// The new value; `nil` when it is absent.
    public var to: JSONValue?
    /// Where each setting value came from, as `resolve` prints it; `nil` for template changes or an absent side.
    public var fromProvenance: String?
    public var toProvenance: String?
    /// The logical id and type of the resource a template change is in.
    public var resource: (id: String, type: String)?
    /// Whether CloudFormation replaces the resource (a createOnly property or the type changed).
    public var replacement: Bool
    /// Whether the change destroys a resource that holds data (a replaced or removed queue or stream).
    public var dataLoss: Bool

    public init(
        kind: Kind, path: String, from: JSONValue?, to: JSONValue?, fromProvenance: String? = nil,
        toProvenance: String? = nil, resource: (id: String, type: String)? = nil, replacement: Bool = false,
        dataLoss: Bool = false
    ) {
        self.kind = kind
        self.path = path
        self.from = from
        self.to = to
        self.fromProvenance = fromProvenance
        self.toProvenance = toProvenance
        self.resource = resource
        self.replacement = replacement
        self.dataLoss = dataLoss
    }

    public static func == (lhs: Change, rhs: Change) -> Bool {
        lhs.kind == rhs.kind && lhs.path == rhs.path && lhs.from == rhs.from && lhs.to == rhs.to
            && lhs.fromProvenance == rhs.fromProvenance && lhs.toProvenance == rhs.toProvenance
            && lhs.resource?.id == rhs.resource?.id && lhs.resource?.type == rhs.resource?.type
            && lhs.replacement == rhs.replacement && lhs.dataLoss == rhs.dataLoss
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(path)
        hasher.combine(from)
        hasher.combine(to)
    }

    /// Whether a resource was added (`+`), removed (`-`) or changed (`~`).
    public var marker: String {
        switch (from, to) {
        case (nil, _?): "+"
        case (_?, nil): "-"
        default: "~"
        }
    }
}

/// One side of a comparison: which manifest, compiled for which syslevel.
public struct DiffEndpoint: Sendable, Hashable {
    public var file: String
    public var syslevel: Syslevel

    public init(file: String, syslevel: Syslevel) {
        self.file = file
        self.syslevel = syslevel
    }
}

/// The differences between two endpoints: settings first, then the template's, each in a fixed order.
public struct Comparison: Sendable, Hashable {
    public var from: DiffEndpoint
    public var to: DiffEndpoint
    public var changes: [Change]

    public init(from: DiffEndpoint, to: DiffEndpoint, changes: [Change]) {
        self.from = from
        self.to = to
        self.changes = changes
    }

    /// Two syslevels of one manifest, or one syslevel of two versions of a manifest.
    public var comparesVersions: Bool { from.file != to.file }

    /// How a column or side is named: the syslevel, or `old`/`new` when two versions are compared.
    public var fromLabel: String { comparesVersions ? "old" : from.syslevel.rawValue }
    public var toLabel: String { comparesVersions ? "new" : to.syslevel.rawValue }

    /// `sat -> prd`, or `prd: old.yaml -> new.yaml`.
    public func title(arrow: String) -> String {
        comparesVersions
            ? "\(to.syslevel.rawValue): \(from.file) \(arrow) \(to.file)"
            : "\(from.syslevel.rawValue) \(arrow) \(to.syslevel.rawValue)"
    }

    public var settingChanges: [Change] { changes.filter { $0.kind == .setting } }
    public var templateChanges: [Change] { changes.filter { $0.kind != .setting } }

    /// One entry per resource that is replaced or loses data, in logical-id order, with the property
    /// names that cause it.
    public var warnings: [ReplacementWarning] {
        var byID: [String: ReplacementWarning] = [:]
        for change in templateChanges where change.replacement || change.dataLoss {
            guard let resource = change.resource else { continue }
            var warning =
                byID[resource.id]
                ?? ReplacementWarning(
                    logicalID: resource.id, type: resource.type, removed: change.kind == .resource && change.to == nil,
                    causes: [], dataLoss: false)
            warning.dataLoss = warning.dataLoss || change.dataLoss
            if let cause = ReplacementRules.propertyName(in: change.path, logicalID: resource.id),
                !warning.causes.contains(cause)
            {
                warning.causes.append(cause)
            }
            byID[resource.id] = warning
        }
        // Data loss first, then by logical id: the loudest news leads.
        return byID.values.sorted { ($0.dataLoss ? 0 : 1, $0.logicalID) < ($1.dataLoss ? 0 : 1, $1.logicalID) }
    }
}

/// A resource CloudFormation will replace or delete, and why; the renderers put these first.
public struct ReplacementWarning: Sendable, Hashable {
    public var logicalID: String
    public var type: String
    /// The resource is removed rather than replaced.
    public var removed: Bool
    /// The createOnly properties (or `Type`) whose change forces the replacement.
    public var causes: [String]
    public var dataLoss: Bool

    /// "its messages are lost", for the resource types that hold data.
    public var lossDescription: String? { dataLoss ? ReplacementRules.dataHeld[type].map { "its \($0) are lost" } : nil }

    /// `Queue (AWS::SQS::Queue) is replaced because QueueName, FifoQueue change; its messages are lost`.
    public var message: String {
        var text = "\(logicalID) (\(type)) is "
        if removed {
            text += "removed"
        } else {
            text += "replaced"
            if !causes.isEmpty {
                text += " because " + causes.joined(separator: ", ") + (causes.count == 1 ? " changes" : " change")
            }
        }
        if let loss = lossDescription { text += "; " + loss }
        return text
    }
}
