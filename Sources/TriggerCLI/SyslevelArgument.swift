import ArgumentParser
import TriggerKit
import TriggerModel

extension Syslevel: ExpressibleByArgument {}
