import FuzzDriver

runFuzzer { data, size in
    guard let data else { return 0 }
    return fuzzPipeline(data, size)
}
