import TriggerModel

/// The commented starter manifests `triggerc init` writes, one per trigger type. Each lints with no error
/// and no warning (a test compiles every one), so a new user starts from a clean run.
public enum StarterManifest {
    /// The default type of `triggerc init`: the seed's, EventBridge -> SQS -> Lambda with a DLQ.
    public static let defaultType = TriggerType.cweventsqsdlq

    /// The file name of the schema `init` writes beside the manifest, which the modeline points at.
    public static let schemaFileName = "trigger-manifest.schema.json"

    /// The starter manifest of `type` for a service called `service`, whose first line tells yaml-language-server
    /// where the schema is (`schema`: a path relative to the manifest, or a URL).
    public static func text(type: TriggerType, service: String, schema: String = schemaFileName) -> String {
        let header = """
            # yaml-language-server: $schema=\(schema)
            # A starter trigger.yaml (type \(type.rawValue)): \(flows[type] ?? "").
            #
            #   triggerc lint trigger.yaml              # check all four syslevels: ci, eng, sat, prd
            #   triggerc compile trigger.yaml -o out    # one CloudFormation template per syslevel
            #   triggerc graph trigger.yaml             # the resources and how events flow between them
            #
            # Every setting is described in docs/manifest.md; editors that read the schema above complete and
            # explain the keys. ${syslevel} becomes ci, eng, sat or prd in every string.

            """
        return header + "\n" + function(type: type, service: service) + "\n" + tags + "\n" + trigger(type: type, service: service)
    }

    /// A service name made from a directory name: lowercase letters, digits and dashes, at most 40 characters,
    /// so that every derived queue, rule and stream name stays within AWS's limits.
    public static func serviceName(fromDirectory directory: String) -> String {
        let base = directory.split(separator: "/").last.map(String.init) ?? ""
        var name = ""
        for scalar in base.lowercased().unicodeScalars {
            let allowed = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            if allowed {
                name.unicodeScalars.append(scalar)
            } else if !name.isEmpty, name.last != "-" {
                name.append("-")
            }
        }
        name = String(name.prefix(40))
        while name.hasSuffix("-") { name.removeLast() }
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return "my-service" }
        return name
    }

    static let flows: [TriggerType: String] = [
        .cweventsqsdlq: "an EventBridge rule sends matching events to an SQS queue that feeds the function; "
            + "messages that keep failing move to a dead-letter queue",
        .cwevent: "an EventBridge rule invokes the function directly; deliveries that keep failing go to a dead-letter queue",
        .cwschedule: "an EventBridge schedule invokes the function; schedules run in UTC",
        .sqsdlq: "an SQS work queue feeds the function; messages that keep failing move to a dead-letter queue",
        .snssqsdlq: "an SNS topic delivers to an SQS queue that feeds the function; failures move to a dead-letter queue",
        .kinesis: "a Kinesis stream feeds the function; batches that keep failing are sent to an SQS queue",
    ]

    static func function(type: TriggerType, service: String) -> String {
        let polls = type.hasMapping
        var text = """
            # The function the trigger invokes. It exists already (deployed by its own pipeline), so the template
            # refers to it by name; `timeout` lets triggerc check the trigger against it.
            # Give runtime, handler and code to have the template define the function and its role instead,
            # or leave the block out to pass the function as the FunctionArn parameter.
            function:
              name: \(service)-${syslevel}
              timeout: 30

            """
        if polls {
            text += """
                  roleName: \(service)-${syslevel}-role   # the template grants this role the polling permissions

                """
        }
        return text
    }

    static let tags = """
        # Tags go on every resource that takes tags; triggerc adds syslevel=<lvl> itself.
        tags:
          team: platform

        """

    static func trigger(type: TriggerType, service: String) -> String {
        switch type {
        case .cweventsqsdlq:
            return """
                trigger:
                  type: cweventsqsdlq
                  defaults:                                 # settings for every syslevel
                    queueName: \(service)-${syslevel}
                    dLQueueName: \(service)-dlq-${syslevel}
                    queueMaxReceiveCount: 5                 # receives before a message moves to the DLQ
                    alarmDLQApproximateNumberOfMessagesVisibleMode: enabled
                    # Add alarmActions, a list of SNS topic ARNs, to be notified when an alarm fires.
                  syslevels:                                # overrides for one syslevel
                    ci:
                      triggerEnabled: false                 # ci keeps the queues but never fires
                  parameters:
                    eventPattern:                           # the events the rule matches
                      jsonValue:
                        source: ["aws.ec2"]
                        detail-type: ["EC2 Instance State-change Notification"]
                        detail:
                          state: ["stopped", "terminated"]

                """
        case .cwevent:
            return """
                trigger:
                  type: cwevent
                  defaults:                                 # settings for every syslevel
                    ruleName: \(service)-${syslevel}
                    dLQueueName: \(service)-failed-${syslevel}    # deliveries the rule fails go here
                    targetMaximumRetryAttempts: 20
                    alarmEventsFailedInvocationsMode: enabled
                    # Add alarmActions, a list of SNS topic ARNs, to be notified when an alarm fires.
                  syslevels:                                # overrides for one syslevel
                    ci:
                      ruleState: DISABLED                   # ci has the rule but never fires it
                  parameters:
                    eventPattern:                           # the events the rule matches
                      jsonValue:
                        source: ["aws.ec2"]
                        detail-type: ["EC2 Instance State-change Notification"]
                        detail:
                          state: ["stopped", "terminated"]

                """
        case .cwschedule:
            return """
                trigger:
                  type: cwschedule
                  defaults:                                 # settings for every syslevel
                    ruleName: \(service)-${syslevel}
                    alarmEventsTriggeredRulesCountMode: enabled   # alarm when the schedule did not fire in a day
                    alarmEventsTriggeredRulesCountPeriod: 86400
                    # Add alarmActions, a list of SNS topic ARNs, to be notified when an alarm fires.
                  syslevels:                                # overrides for one syslevel
                    ci:
                      triggerEnabled: false                 # keep the rule, never fire it in ci
                  parameters:
                    scheduleExpression:
                      value: cron(0 6 * * ? *)              # 06:00 UTC every day; `triggerc schedule` lists the next runs
                    input:
                      jsonValue: {report: daily}            # sent to the function instead of the scheduled event

                """
        case .sqsdlq:
            return """
                trigger:
                  type: sqsdlq
                  defaults:                                 # settings for every syslevel
                    queueName: \(service)-jobs-${syslevel}
                    dLQueueName: \(service)-jobs-dlq-${syslevel}
                    queueMaxReceiveCount: 5                 # receives before a message moves to the DLQ
                    queueReceiveMessageWaitTimeSeconds: 20  # long polling
                    batchSize: 10
                    alarmDLQApproximateNumberOfMessagesVisibleMode: enabled
                    # Add alarmActions, a list of SNS topic ARNs, to be notified when an alarm fires.
                  syslevels:                                # overrides for one syslevel
                    prd:
                      maximumConcurrency: 50                # at most 50 concurrent invocations in prd
                    ci:
                      eventSourceEnabled: false             # ci keeps the queue but does not poll it

                """
        case .snssqsdlq:
            return """
                trigger:
                  type: snssqsdlq
                  defaults:                                 # settings for every syslevel
                    topicName: \(service)-events-${syslevel}     # or topicArn: an existing topic
                    queueName: \(service)-${syslevel}
                    dLQueueName: \(service)-dlq-${syslevel}
                    queueMaxReceiveCount: 5                 # receives before a message moves to the DLQ
                    alarmDLQApproximateNumberOfMessagesVisibleMode: enabled
                    # Add alarmActions, a list of SNS topic ARNs, to be notified when an alarm fires.
                  syslevels:                                # overrides for one syslevel
                    ci:
                      triggerEnabled: false                 # ci keeps the queues but never fires
                  parameters:
                    filterPolicy:                           # only these messages reach the queue
                      jsonValue:
                        eventType: ["created", "updated"]

                """
        case .kinesis:
            return """
                trigger:
                  type: kinesis
                  defaults:                                 # settings for every syslevel
                    streamName: \(service)-${syslevel}       # or streamArn: an existing stream
                    dLQueueName: \(service)-failed-${syslevel}   # batches that keep failing go here
                    startingPosition: TRIM_HORIZON
                    batchSize: 100
                    maximumRetryAttempts: 3
                    bisectBatchOnFunctionError: true        # split a failing batch to isolate the bad record
                    # Add alarmActions, a list of SNS topic ARNs, to be notified when an alarm fires.
                  syslevels:                                # overrides for one syslevel
                    prd:
                      streamShardCount: 2                   # provisioned in prd, on-demand elsewhere

                """
        }
    }
}
