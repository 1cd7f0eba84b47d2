import TriggerModel

/// `diff --format json` (SPEC 5.2): `{"changes":[{"path","kind","from","to",...}]}`, every comparison's
/// changes in one list, each carrying the syslevels it compares; `files` when two versions are compared.
public struct DiffJSONRenderer: Sendable {
    public init() {}

    public func render(_ comparisons: [Comparison]) -> String {
        var members: [(String, JSONValue)] = []
        if let first = comparisons.first, first.comparesVersions {
            members.append(("files", .object([("from", .string(first.from.file)), ("to", .string(first.to.file))])))
        }
        members.append(
            (
                "changes",
                .array(
                    comparisons.flatMap { comparison in
                        comparison.changes.map { json($0, in: comparison) }
                    })
            ))
        return JSONWriter.pretty(.object(members))
    }

    func json(_ change: Change, in comparison: Comparison) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("path", .string(change.path)),
            ("kind", .string(change.kind.rawValue)),
            ("from", change.from ?? .null),
            ("to", change.to ?? .null),
            (
                "syslevels",
                .object([
                    ("from", .string(comparison.from.syslevel.rawValue)), ("to", .string(comparison.to.syslevel.rawValue)),
                ])
            ),
        ]
        if change.kind == .setting {
            members.append(
                (
                    "provenance",
                    .object([
                        ("from", change.fromProvenance.map(JSONValue.string) ?? .null),
                        ("to", change.toProvenance.map(JSONValue.string) ?? .null),
                    ])
                ))
        }
        if let resource = change.resource {
            members.append(("resource", .object([("id", .string(resource.id)), ("type", .string(resource.type))])))
        }
        if change.kind != .setting { members.append(("replacement", .bool(change.replacement))) }
        if change.dataLoss { members.append(("dataLoss", .bool(true))) }
        return .object(members)
    }
}
