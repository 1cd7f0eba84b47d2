import TriggerModel

/// Emits an `sqsdlq` trigger: a queue the user's code writes to, polled by the function, failures to the DLQ.
struct QueueEmitter {
    func emit(_ trigger: ResolvedTrigger, prefix: String, into builder: inout TemplateBuilder) {
        let queue = QueueResources(trigger: trigger, prefix: prefix)
        let function = builder.function(polls: true)
        if trigger.isBundled {
            queue.addQueues(to: &builder)
            // Producers are the user's own code, granted by their own roles; the policy only enforces TLS.
            queue.addQueuePolicy(to: &builder, senders: [])
        }
        queue.addMapping(to: &builder, function: function)
        if trigger.isBundled { queue.addAlarms(to: &builder) }
    }
}
