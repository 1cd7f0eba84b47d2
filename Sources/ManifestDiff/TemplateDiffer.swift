import CloudFormation
import TriggerModel

/// Compares two templates structurally, on their canonical JSON: resources added and removed, and every
/// changed value by its path. Arrays of objects with an identity (`Targets` by `Id`, `Statement` by `Sid`,
/// `Tags` by `Key`, `Dimensions` by `Name`) are matched by it, so reordering or inserting an element reports
/// only that element; other arrays are compared as whole values.
public struct TemplateDiffer: Sendable {
    /// The members that identify an array's elements, tried in this order.
    public static let identityKeys = ["Id", "Sid", "Key", "Name"]

    /// Sections that describe the compilation (manifest path, syslevel, compiler version) rather than the
    /// stack: they differ between every two syslevels and would drown the real changes.
    public static let ignoredSections: Set<String> = ["Description", "Metadata"]

    public init() {}

    public func changes(from old: Template, to new: Template) -> [Change] {
        changes(from: old.json, to: new.json)
    }

    /// The changes between two templates given as JSON objects.
    public func changes(from old: JSONValue, to new: JSONValue) -> [Change] {
        var result: [Change] = []
        let canonical = ["AWSTemplateFormatVersion", "Parameters", "Conditions", "Resources", "Outputs"]
        let sections = canonical + Self.keys(old, new).filter { !canonical.contains($0) }
        for section in sections where !Self.ignoredSections.contains(section) {
            let before = old[section]
            let after = new[section]
            if section == "Resources" {
                result += resourceChanges(from: before, to: after)
            } else {
                diff(before, after, path: section, resource: nil, into: &result)
            }
        }
        return result
    }

    func resourceChanges(from old: JSONValue?, to new: JSONValue?) -> [Change] {
        var result: [Change] = []
        for id in Self.keys(old, new) {
            let before = old?[id]
            let after = new?[id]
            let path = "Resources." + id
            switch (before, after) {
            case (nil, let added?):
                result.append(
                    Change(
                        kind: .resource, path: path, from: nil, to: added, resource: (id, Self.type(of: added))))
            case (let removed?, nil):
                let type = Self.type(of: removed)
                result.append(
                    Change(
                        kind: .resource, path: path, from: removed, to: nil, resource: (id, type),
                        dataLoss: ReplacementRules.dataHeld[type] != nil))
            case (let before?, let after?) where before != after:
                let oldType = Self.type(of: before)
                let newType = Self.type(of: after)
                if oldType != newType {
                    result.append(
                        Change(
                            kind: .resource, path: path + ".Type", from: .string(oldType), to: .string(newType),
                            resource: (id, newType), replacement: true, dataLoss: ReplacementRules.dataHeld[oldType] != nil))
                    continue
                }
                for member in Self.keys(before, after) where member != "Type" {
                    diff(before[member], after[member], path: path + "." + member, resource: (id, newType), into: &result)
                }
            default:
                continue
            }
        }
        return result
    }

    func diff(_ old: JSONValue?, _ new: JSONValue?, path: String, resource: (id: String, type: String)?, into result: inout [Change]) {
        guard old != new else { return }
        switch (old, new) {
        case (.object(let a)?, .object(let b)?) where !Self.isIntrinsic(a) && !Self.isIntrinsic(b):
            for key in Self.keys(old, new) {
                diff(old?[key], new?[key], path: path + "." + key, resource: resource, into: &result)
            }
            return
        case (.array(let a)?, .array(let b)?):
            if let identity = Self.identityKey(a, b) {
                diffElements(a, b, identity: identity, path: path, resource: resource, into: &result)
                return
            }
        default:
            break
        }
        let replacement = resource.map { ReplacementRules.replaces(type: $0.type, path: path, logicalID: $0.id) } ?? false
        let dataLoss = replacement && resource.map { ReplacementRules.dataHeld[$0.type] != nil } == true
        result.append(
            Change(
                kind: .property, path: path, from: old, to: new, resource: resource, replacement: replacement, dataLoss: dataLoss))
    }

    func diffElements(
        _ old: [JSONValue], _ new: [JSONValue], identity: String, path: String, resource: (id: String, type: String)?,
        into result: inout [Change]
    ) {
        func id(_ element: JSONValue) -> String {
            if case .string(let text)? = element[identity] { return text }
            return ""
        }
        let newByID = Dictionary(new.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
        let oldIDs = Set(old.map(id))
        for element in old {
            diff(element, newByID[id(element)], path: path + "[\(identity)=\(id(element))]", resource: resource, into: &result)
        }
        for element in new where !oldIDs.contains(id(element)) {
            diff(nil, element, path: path + "[\(identity)=\(id(element))]", resource: resource, into: &result)
        }
    }

    /// The identity key every element of both arrays has, as a string unique within its array; `nil` if none.
    static func identityKey(_ old: [JSONValue], _ new: [JSONValue]) -> String? {
        guard !(old + new).isEmpty else { return nil }
        return identityKeys.first { key in
            [old, new].allSatisfy { elements in
                var seen: Set<String> = []
                return elements.allSatisfy { element in
                    guard case .object(let members) = element, !isIntrinsic(members),
                        case .string(let value)? = element[key]
                    else { return false }
                    return seen.insert(value).inserted
                }
            }
        }
    }

    /// `{"Ref": ...}`, `{"Fn::GetAtt": ...}` and the like are one value: their parts mean nothing alone.
    static func isIntrinsic(_ members: [(String, JSONValue)]) -> Bool {
        members.count == 1 && (members[0].0 == "Ref" || members[0].0.hasPrefix("Fn::") || members[0].0 == "Condition")
    }

    static func type(of resource: JSONValue) -> String {
        if case .string(let type)? = resource["Type"] { return type }
        return ""
    }

    /// The members of both objects, sorted, so that the order of changes never depends on how they were built.
    static func keys(_ old: JSONValue?, _ new: JSONValue?) -> [String] {
        var keys: Set<String> = []
        for value in [old, new] {
            if case .object(let members)? = value { keys.formUnion(members.map(\.0)) }
        }
        return keys.sorted()
    }
}
