// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Casebook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "casebook", targets: ["CasebookCLI"]),
        .library(name: "CasebookCore", targets: ["CasebookCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(name: "CFileCalls"),
        .target(
            name: "CasebookCore",
            dependencies: [
                "CCmark",
                "CFileCalls",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The preview server: the only target that links Hummingbird and SwiftNIO.
        .target(
            name: "CasebookServer",
            dependencies: [
                "CasebookCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "CasebookCLI",
            dependencies: [
                "CasebookCore",
                "CasebookServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "CasebookBench"),
        // libFuzzer target: `make fuzz` (needs -sanitize=fuzzer, so it is never part of a plain build's products).
        .target(name: "CLibFuzzer"),
        .executableTarget(name: "CasebookFuzz", dependencies: ["CasebookCore", "CLibFuzzer"]),
        .testTarget(
            name: "CasebookCoreTests",
            // swift-mustache is the reference the template engine is tested against, byte for byte.
            dependencies: ["CasebookCore", .product(name: "Mustache", package: "swift-mustache")],
            exclude: [],
            resources: []
        ),
        .testTarget(name: "CasebookServerTests", dependencies: ["CasebookServer", "CasebookCore"]),
    ]
)
