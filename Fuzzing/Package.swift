// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets, kept out of the main package because they are built with coverage instrumentation and
// the address sanitizer and linked with libFuzzer's driver (scripts/fuzz passes the flags).
let package = Package(
    name: "TriggerFuzz",
    dependencies: [.package(name: "triggerc", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "FuzzYAML",
            dependencies: ["FuzzDriver", .product(name: "YAMLSource", package: "triggerc")]),
        .executableTarget(
            name: "FuzzPipeline",
            dependencies: [
                "FuzzDriver", .product(name: "TriggerKit", package: "triggerc"), .product(name: "Reporting", package: "triggerc"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
