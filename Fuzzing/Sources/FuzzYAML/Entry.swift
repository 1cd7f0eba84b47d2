import YAMLSource

/// libFuzzer entry point: the YAML reader must turn any bytes into a tree or diagnostics, never crash or hang.
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let result = YAMLReader().read(bytes: bytes, file: "fuzz.yaml")
    // Every diagnostic must point inside the file: line and column start at 1.
    for diagnostic in result.diagnostics where diagnostic.range.start.line < 1 || diagnostic.range.start.column < 1 {
        fatalError("diagnostic outside the file: \(diagnostic)")
    }
    return 0
}
