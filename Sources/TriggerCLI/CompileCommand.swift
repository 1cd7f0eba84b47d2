import ArgumentParser
import Reporting
import TriggerKit
import TriggerModel

/// `triggerc compile`: lint, then write one template per manifest and syslevel.
struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Lint manifests, then write one CloudFormation template per manifest and syslevel.",
        discussion: """
            Templates go to DIR/<manifest path without extension>.<syslevel>.json. Nothing is written when any \
            manifest has an error; each file is written to a temporary name and renamed.

            Examples:
              triggerc compile trigger.yaml -o out                    # out/trigger.{ci,eng,sat,prd}.json
              triggerc compile services/*/trigger.yaml -s prd -o out
              triggerc compile trigger.yaml -s sat --stdout --format yaml
            """)

    @Argument(help: ArgumentHelp("The trigger.yaml manifests to compile.", valueName: "manifests"))
    var arguments: [String]

    /// The paths, as given (`ManifestArguments` joins runs of them before parsing).
    var manifests: [String] { ManifestArguments.expanded(arguments) }

    @Option(name: [.customShort("s"), .customLong("syslevel")], help: "Compile only this syslevel (repeatable).")
    var syslevels: [Syslevel] = []

    @Option(name: [.customShort("o"), .customLong("output-dir")], help: "The directory the templates go to.")
    var outputDirectory = "out"

    @Flag(help: "Print the template instead of writing it (one manifest, one syslevel).")
    var stdout = false

    @Option(help: "The template format: json or yaml.")
    var format: TemplateFormat = .json

    @OptionGroup var jobs: JobsOption

    func validate() throws {
        if stdout, manifests.count != 1 || syslevels.count != 1 {
            throw ValidationError("--stdout needs exactly one manifest and one --syslevel")
        }
    }

    /// What became of one manifest's templates on its worker thread.
    enum Output: Sendable {
        /// Nothing: the manifest has an error, or an earlier batch had one, so nothing will be written.
        case none
        /// Written under temporary names, renamed into place once every manifest is known to be free of errors.
        case staged(StagedFiles)
        /// The one template `--stdout` prints.
        case text(String)
        case failed(FileSystemError)
    }

    func run() throws {
        let console = Console()
        let selected = syslevels.isEmpty ? Syslevel.allCases : Syslevel.allCases.filter(syslevels.contains)
        let fileSystem = LocalFileSystem()
        let (format, outputDirectory, stdout) = (format, outputDirectory, stdout)
        // Templates are staged batch by batch as they are made, so that memory stays bounded however many
        // manifests there are; an error anywhere discards them all, so that nothing is written.
        let run = ManifestRunner(console: console, jobs: jobs.resolved(console)).run(
            manifests, syslevels: selected, keep: { $0.severity != .info },
            failed: { if case .failed = $0 { true } else { false } }
        ) { result, afterFailure -> Output in
            guard !result.hasErrors, !afterFailure else { return .none }
            let stem = Pipeline.outputStem(manifest: result.file, outputDirectory: outputDirectory)
            let files = result.templates.map { entry in
                (
                    path: Pipeline.outputPath(stem: stem, syslevel: entry.syslevel, fileExtension: format.rawValue),
                    contents: format.render(entry.template, json: entry.text)
                )
            }
            if stdout { return .text(files.first?.contents ?? "") }
            do throws(FileSystemError) {
                return .staged(try fileSystem.stage(files))
            } catch {
                return .failed(error)
            }
        }
        var staged = StagedFiles()
        var failure: FileSystemError?
        for outcome in run.outcomes {
            switch outcome.extra {
            case .staged(let files): staged.append(files)
            case .failed(let error): failure = failure ?? error
            case .none, .text: break
            }
        }
        guard !run.unreadable else {
            fileSystem.discard(staged)
            throw ExitCodes.ioFailure
        }
        let diagnostics = run.outcomes.flatMap(\.diagnostics)
        if !diagnostics.isEmpty {
            let sources = Dictionary(
                run.outcomes.compactMap { outcome in outcome.source.map { (outcome.file, $0) } },
                uniquingKeysWith: { first, _ in first })
            console.err(TextRenderer(colour: console.colour).render(diagnostics, sources: sources, fileCount: run.outcomes.count))
        }
        guard !run.outcomes.contains(where: \.hasErrors) else {
            fileSystem.discard(staged)
            throw ExitCodes.manifestErrors
        }
        if stdout, case .text(let text) = run.outcomes.first?.extra {
            console.out(text)
            return
        }
        do {
            if let failure { throw failure }
            // Two manifests can name one output (`a/trigger.yaml`, `a/trigger.yml`); renaming both would
            // silently keep the last, so it is an error, found before anything is renamed.
            var destinations = Set<String>()
            if let twice = staged.files.first(where: { !destinations.insert($0.path).inserted }) {
                throw FileSystemError(path: twice.path, reason: "more than one manifest compiles to it")
            }
            try fileSystem.publish(staged, workers: jobs.resolved(console))
        } catch {
            fileSystem.discard(staged)
            console.err("triggerc: error: cannot write \(error)\n")
            throw ExitCodes.ioFailure
        }
        console.out(staged.files.map { "wrote \($0.path)\n" }.joined())
    }
}
