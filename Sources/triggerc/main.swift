import TriggerCLI

ProcessTuning.keepFreedMemory()
// Many manifest paths are joined before ArgumentParser sees them (ManifestArguments explains why).
TriggerCommand.main(ManifestArguments.coalesced(Array(CommandLine.arguments.dropFirst())))
