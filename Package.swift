// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way, down this list: CLI -> Kit -> (Reporting, ManifestDiff) -> (CloudFormation,
// TriggerRules) -> (EventPattern, Schedules) -> TriggerModel -> YAMLSource -> Diagnostics. Schedules depends on
// nothing. Only YAMLSource imports CLibYAML; only TriggerCLI imports ArgumentParser and CMalloc (glibc's mallopt).
let package = Package(
    name: "triggerc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "triggerc", targets: ["triggerc"]),
        .library(name: "TriggerKit", targets: ["TriggerKit"]),
        // For the fuzzing package in Fuzzing/, which exercises the reader on its own.
        .library(name: "YAMLSource", targets: ["YAMLSource"]),
        .library(name: "Reporting", targets: ["Reporting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .systemLibrary(name: "CMalloc"),
        .target(name: "Diagnostics"),
        .target(name: "YAMLSource", dependencies: ["CLibYAML", "Diagnostics"]),
        .target(name: "TriggerModel", dependencies: ["YAMLSource", "Diagnostics"]),
        .target(name: "EventPattern", dependencies: ["TriggerModel"]),
        .target(name: "Schedules"),
        .target(name: "TriggerRules", dependencies: ["TriggerModel", "YAMLSource", "Diagnostics", "EventPattern", "Schedules"]),
        .target(name: "CloudFormation", dependencies: ["TriggerModel", "Diagnostics"]),
        .target(name: "ManifestDiff", dependencies: ["TriggerModel", "CloudFormation"]),
        .target(name: "Reporting", dependencies: ["Diagnostics", "TriggerModel", "CloudFormation"]),
        .target(
            name: "TriggerKit",
            dependencies: [
                "YAMLSource", "Diagnostics", "TriggerModel", "TriggerRules", "CloudFormation", "ManifestDiff", "Reporting",
                "EventPattern", "Schedules",
            ]
        ),
        .target(
            name: "TriggerCLI",
            dependencies: [
                "TriggerKit",
                "CMalloc",
                "Diagnostics",
                "Reporting",
                "TriggerModel",
                "TriggerRules",
                "CloudFormation",
                "ManifestDiff",
                "EventPattern",
                "Schedules",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "triggerc", dependencies: ["TriggerCLI"]),
        .target(name: "TestSupport", dependencies: ["Diagnostics"], path: "Tests/TestSupport"),
        .testTarget(name: "YAMLSourceTests", dependencies: ["YAMLSource", "TestSupport"]),
        .testTarget(name: "TriggerModelTests", dependencies: ["TriggerModel", "YAMLSource", "TestSupport"]),
        .testTarget(name: "CloudFormationTests", dependencies: ["CloudFormation", "TestSupport"]),
        .testTarget(name: "ManifestDiffTests", dependencies: ["ManifestDiff", "TriggerKit", "TestSupport"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "TestSupport"]),
        .testTarget(name: "EventPatternTests", dependencies: ["EventPattern", "TriggerModel"]),
        .testTarget(name: "SchedulesTests", dependencies: ["Schedules"]),
        .testTarget(name: "TriggerKitTests", dependencies: ["TriggerKit", "TestSupport"]),
        .testTarget(name: "TriggerCLITests", dependencies: ["TriggerCLI", "TriggerKit", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
