import TriggerCLI

TriggerCommand.main()
