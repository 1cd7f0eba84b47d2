/// Many manifest paths through ArgumentParser in linear time.
///
/// ArgumentParser 1.x spends time quadratic in the number of values of an array argument (each value copies the
/// set of input positions gathered so far, and each is removed from the remaining input one by one): for 2,000
/// paths that was 1.2 G instructions, more than compiling 200 manifests, and all of it before the first manifest
/// is read. So before parsing, `coalesced` joins each run of plain arguments after `compile` or `lint` into one
/// argument, separated by NUL, which no command-line argument can contain; `expanded` splits them again.
///
/// The first plain argument after an option stays on its own, because it may be that option's value
/// (`-o out a.yaml b.yaml` becomes `-o`, `out`, `a.yaml␀b.yaml`); a flag followed by paths only splits the run
/// in two. Everything after `--` is left as it is.
public enum ManifestArguments {
    static let separator: Character = "\0"

    /// The subcommands whose plain arguments are all manifest paths.
    static let commands: Set<String> = ["compile", "lint"]

    /// The arguments (without the program name) with each run of manifest paths joined into one.
    public static func coalesced(_ arguments: [String]) -> [String] {
        guard let commandIndex = arguments.firstIndex(where: { !isOption($0) }),
            commands.contains(arguments[commandIndex])
        else { return arguments }
        var result = Array(arguments[...commandIndex])
        var runOpen = false
        var afterOption = false
        for (index, argument) in arguments.enumerated().dropFirst(commandIndex + 1) {
            if argument == "--" {
                result += arguments[index...]
                break
            }
            if isOption(argument) {
                result.append(argument)
                runOpen = false
                afterOption = !argument.contains("=")
            } else if runOpen {
                result[result.count - 1] += String(separator) + argument
            } else {
                result.append(argument)
                runOpen = !afterOption
                afterOption = false
            }
        }
        return result
    }

    /// The paths, with the runs `coalesced` joined split again.
    static func expanded(_ arguments: [String]) -> [String] {
        arguments.flatMap { argument in
            argument.contains(separator)
                ? argument.split(separator: separator, omittingEmptySubsequences: false).map(String.init) : [argument]
        }
    }

    /// `-x`, `--long`, `--long=value`; a lone `-` is a value, as ArgumentParser treats it.
    private static func isOption(_ argument: String) -> Bool {
        argument.utf8.count > 1 && argument.utf8.first == UInt8(ascii: "-")
    }
}
