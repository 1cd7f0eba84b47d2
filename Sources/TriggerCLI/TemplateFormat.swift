import ArgumentParser
import CloudFormation

/// The formats `compile` writes templates in.
enum TemplateFormat: String, ExpressibleByArgument, CaseIterable {
    case json
    case yaml

    func render(_ template: Template, json text: String) -> String {
        switch self {
        case .json: text
        case .yaml: YAMLTemplateWriter.yaml(template)
        }
    }
}
