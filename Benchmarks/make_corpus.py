#!/usr/bin/env python3
"""Writes a corpus of realistic, valid trigger.yaml manifests for scripts/bench.

Every trigger type in both modes (bundled and not), the three function modes, several triggers in one
manifest, overrides in every syslevel, parameters of every kind; the Examples themselves come first,
verbatim. The output is deterministic for a given N: the same corpus on every machine.

    make_corpus.py DIR [N]     writes DIR/NNNNN/trigger.yaml and prints the number of files
"""
import os
import random
import sys

SYSLEVELS = ["ci", "eng", "sat", "prd"]
PARTITION_ARN = "arn:${AWS::Partition}:%s:${AWS::Region}:${AWS::AccountId}:%s"


def function_block(rng, name, polls):
    """One of the three function modes: none (FunctionArn parameter), existing by name, or defined here."""
    mode = rng.choice(["none", "existing", "existing", "defined"])
    timeout = rng.choice([10, 30, 60, 120])
    if mode == "none":
        return "", 30
    if mode == "existing":
        lines = ["function:", f"  name: {name}-${{syslevel}}", f"  timeout: {timeout}"]
        if polls or rng.random() < 0.5:
            lines.append(f"  roleName: {name}-${{syslevel}}-role")
        return "\n".join(lines) + "\n\n", timeout
    runtime, handler, code = rng.choice([
        ("python3.12", "index.handler",
         "    zipFile: |\n      def handler(event, context):\n          return {\"batchItemFailures\": []}\n"),
        ("nodejs22.x", "index.handler",
         "    zipFile: |\n      exports.handler = async (event) => ({ batchItemFailures: [] });\n"),
        ("python3.12", "app.main",
         f"    s3Bucket: artifacts-{name}\n    s3Key: lambda/{name}.zip\n"),
    ])
    lines = [
        "function:",
        f"  name: {name}-${{syslevel}}",
        f"  runtime: {runtime}",
        f"  handler: {handler}",
        f"  timeout: {timeout}",
        f"  memorySize: {rng.choice([128, 256, 512, 1024])}",
    ]
    if rng.random() < 0.5:
        lines.append(f"  architecture: {rng.choice(['x86_64', 'arm64'])}")
    lines.append("  code:")
    block = "\n".join(lines) + "\n" + code
    if rng.random() < 0.5:
        block += "  environment:\n    SYSLEVEL: ${syslevel}\n    TABLE: " + name + "-${syslevel}\n"
    return block + "\n", timeout


def tags(rng, name):
    if rng.random() < 0.3:
        return ""
    team = rng.choice(["platform", "payments", "search", "media", "data", "rdz"])
    return f"tags:\n  team: {team}\n  service: {name}\n\n"


def alarm_actions(rng, team, indent):
    if rng.random() < 0.3:
        return ""
    pad = " " * indent
    return f"{pad}alarmActions:\n{pad}  - " + PARTITION_ARN % ("sns", f"{team}-alarms") + "\n"


def event_pattern(rng, name, indent):
    pad = " " * indent
    kind = rng.randrange(4)
    if kind == 0:
        body = ["source: [\"aws.s3\"]", "detail-type: [\"Object Created\"]", "detail:", "  bucket:",
                f"    name: [\"{name}-${{syslevel}}\"]", "  object:",
                f"    key: [{{\"prefix\": \"{rng.choice(['source/', 'in/', 'uploads/'])}\"}}]"]
    elif kind == 1:
        body = ["source: [\"aws.ec2\"]", "detail-type: [\"EC2 Instance State-change Notification\"]", "detail:",
                "  state: " + str(rng.sample(["pending", "running", "stopped", "terminated"], 2)).replace("'", "\"")]
    elif kind == 2:
        body = [f"source: [\"com.example.{name}\"]", "detail-type: [{\"prefix\": \"Order\"}]", "detail:",
                f"  amount: [{{\"numeric\": [\">\", 0, \"<=\", {rng.choice([100, 1000, 5000])}]}}]",
                "  region: [{\"anything-but\": [\"eu-west-3\"]}]"]
    else:
        body = ["source: [\"aws.codepipeline\"]", "$or:", "  - detail-type: [\"CodePipeline Pipeline Execution State Change\"]",
                "  - detail:", "      state: [{\"equals-ignore-case\": \"failed\"}]"]
    return f"{pad}eventPattern:\n{pad}  jsonValue:\n" + "".join(f"{pad}    {line}\n" for line in body)


def overrides(rng, settings):
    """A `syslevels:` block overriding some of `settings` (a list of (key, value-by-level)) in some levels."""
    lines = []
    for level in SYSLEVELS:
        chosen = [(key, values(level)) for key, values in settings if rng.random() < 0.6]
        if chosen:
            lines.append(f"    {level}:")
            lines += [f"      {key}: {value}" for key, value in chosen]
    return ("  syslevels:\n" + "\n".join(lines) + "\n") if lines else ""


def sqs_numbers(rng, timeout, fifo, window=0):
    lines = [f"    queueMaxReceiveCount: {rng.randint(2, 10)}"]
    if rng.random() < 0.6:
        lines.append(f"    queueVisibilityTimeout: {min(43200, 6 * timeout + window)}")
    lines.append(f"    queueMessageRetentionPeriod: {rng.choice([86400, 345600, 604800])}")
    lines.append("    dLQueueMessageRetentionPeriod: 1209600")
    if not fifo and rng.random() < 0.4:
        lines.append(f"    queueReceiveMessageWaitTimeSeconds: {rng.choice([5, 10, 20])}")
    if rng.random() < 0.3:
        lines.append("    alarmDLQApproximateNumberOfMessagesVisibleMode: enabled")
    return "\n".join(lines) + "\n"


def cweventsqsdlq(rng, name):
    fifo = rng.random() < 0.5
    function, timeout = function_block(rng, name, polls=True)
    suffix = ".fifo" if fifo else ""
    window = 0 if fifo else rng.choice([0, 5])
    body = ["trigger:", "  type: cweventsqsdlq", "  bundled: true", "  defaults:"]
    if fifo:
        body.append("    queueType: FIFO")
    body += [f"    queueName: {name}-${{syslevel}}{suffix}", f"    dLQueueName: {name}-dlq-${{syslevel}}{suffix}"]
    if fifo:
        body.append(f"    queueMessageGroupId: {name}-${{syslevel}}-events")
    elif window:
        body += [f"    batchSize: {rng.choice([20, 50, 100])}", f"    maximumBatchingWindowInSeconds: {window}"]
    text = "\n".join(body) + "\n" + sqs_numbers(rng, timeout, fifo, window) + alarm_actions(rng, "team", 4)
    text += overrides(rng, [
        ("queueMaxReceiveCount", lambda level: rng.randint(2, 10)),
        ("alarmDLQApproximateAgeOfOldestMessageThreshold", lambda level: rng.choice([60, 300, 900])),
        ("ruleState", lambda level: "DISABLED" if level == "ci" else "ENABLED"),
    ])
    text += "  parameters:\n" + event_pattern(rng, name, 4)
    return function + tags(rng, name) + text


def cweventsqsdlq_existing(rng, name):
    function, _ = function_block(rng, name, polls=True)
    text = ("trigger:\n  type: cweventsqsdlq\n  bundled: false\n  defaults:\n"
            f"    queueArn: {PARTITION_ARN % ('sqs', name + '-${syslevel}')}\n"
            f"    batchSize: {rng.choice([1, 5, 10])}\n")
    text += overrides(rng, [("eventSourceEnabled", lambda level: "false" if level == "ci" else "true")])
    text += "  parameters:\n" + event_pattern(rng, name, 4)
    return function + text


def cwevent(rng, name, bundled):
    function, _ = function_block(rng, name, polls=False)
    text = f"trigger:\n  type: cwevent\n  bundled: {'true' if bundled else 'false'}\n  defaults:\n"
    text += f"    ruleName: {name}-${{syslevel}}\n"
    if bundled:
        text += f"    dLQueueName: {name}-failed-${{syslevel}}\n"
        text += f"    targetMaximumRetryAttempts: {rng.choice([5, 20, 185])}\n"
        text += f"    targetMaximumEventAgeInSeconds: {rng.choice([600, 3600, 86400])}\n"
        if rng.random() < 0.5:
            text += "    alarmEventsFailedInvocationsMode: enabled\n"
        text += alarm_actions(rng, "platform", 4)
    else:
        text += f"    eventBusName: {rng.choice(['default', 'orders', 'platform-events'])}\n"
    text += overrides(rng, [("ruleState", lambda level: "DISABLED" if level in ("ci", "eng") else "ENABLED")])
    text += "  parameters:\n" + event_pattern(rng, name, 4)
    if rng.random() < 0.3:
        text += "    input:\n      jsonValue: {source: \"" + name + "\", syslevel: \"${syslevel}\"}\n"
    return function + tags(rng, name) + text


def cwschedule(rng, name):
    function, _ = function_block(rng, name, polls=False)
    schedule = rng.choice(["cron(30 2 * * ? *)", "cron(0 */4 * * ? *)", "cron(15 10 ? * MON-FRI *)", "rate(1 day)",
                           "rate(5 minutes)", "rate(1 hour)"])
    text = "trigger:\n  type: cwschedule\n  defaults:\n"
    text += f"    ruleName: {name}-${{syslevel}}\n"
    if rng.random() < 0.5:
        text += "    alarmEventsTriggeredRulesCountMode: enabled\n    alarmEventsTriggeredRulesCountPeriod: 86400\n"
    text += alarm_actions(rng, "reports", 4)
    text += overrides(rng, [("triggerEnabled", lambda level: "false" if level == "ci" else "true")])
    text += f"  parameters:\n    scheduleExpression:\n      value: {schedule}\n"
    if rng.random() < 0.6:
        text += "    input:\n      jsonValue: {report: " + rng.choice(["daily", "hourly", "weekly"]) + "}\n"
    if rng.random() < 0.3:
        text += "  syslevels:\n    prd:\n      parameters:\n        scheduleExpression:\n          value: rate(10 minutes)\n" \
            if "syslevels:" not in text else ""
    return function + tags(rng, name) + text


def sqsdlq(rng, name, bundled):
    function, timeout = function_block(rng, name, polls=True)
    if not bundled:
        text = ("trigger:\n  type: sqsdlq\n  bundled: false\n  defaults:\n"
                f"    queueArn: {PARTITION_ARN % ('sqs', name + '-${syslevel}')}\n"
                f"    batchSize: {rng.choice([1, 5, 10])}\n")
        text += overrides(rng, [("eventSourceEnabled", lambda level: "false" if level == "ci" else "true")])
        return function + text
    fifo = rng.random() < 0.3
    suffix = ".fifo" if fifo else ""
    text = "trigger:\n  type: sqsdlq\n  defaults:\n"
    if fifo:
        text += "    queueType: FIFO\n"
    text += f"    queueName: {name}-jobs-${{syslevel}}{suffix}\n    dLQueueName: {name}-jobs-dlq-${{syslevel}}{suffix}\n"
    text += f"    batchSize: {rng.choice([1, 5, 10])}\n"
    if rng.random() < 0.5:
        text += f"    maximumConcurrency: {rng.choice([2, 5, 10])}\n"
    text += sqs_numbers(rng, timeout, fifo) + alarm_actions(rng, "media", 4)
    text += overrides(rng, [("maximumConcurrency", lambda level: rng.choice([5, 20, 50]))])
    if rng.random() < 0.5:
        text += "  parameters:\n    filterCriteria:\n      jsonValue:\n        body:\n          kind: [\"image\", \"video\"]\n"
    return function + tags(rng, name) + text


def snssqsdlq(rng, name):
    function, timeout = function_block(rng, name, polls=True)
    fifo = rng.random() < 0.5
    suffix = ".fifo" if fifo else ""
    text = "trigger:\n  type: snssqsdlq\n  defaults:\n"
    if fifo:
        text += f"    topicType: FIFO\n    topicName: {name}-events-${{syslevel}}.fifo\n    queueType: FIFO\n"
    elif rng.random() < 0.5:
        text += f"    topicName: {name}-events-${{syslevel}}\n"
    else:
        text += f"    topicArn: {PARTITION_ARN % ('sns', name + '-events-${syslevel}')}\n"
    text += f"    queueName: {name}-ledger-${{syslevel}}{suffix}\n    dLQueueName: {name}-ledger-dlq-${{syslevel}}{suffix}\n"
    text += "    batchSize: 10\n" + sqs_numbers(rng, timeout, fifo) + alarm_actions(rng, "data", 4)
    text += overrides(rng, [("rawMessageDelivery", lambda level: rng.choice(["true", "false"]))])
    text += "  parameters:\n    filterPolicy:\n      jsonValue:\n        eventType: [\"OrderPlaced\", \"OrderCancelled\"]\n"
    return function + tags(rng, name) + text


def kinesis(rng, name, bundled):
    function, _ = function_block(rng, name, polls=True)
    text = f"trigger:\n  type: kinesis\n  bundled: {'true' if bundled else 'false'}\n  defaults:\n"
    if bundled:
        text += f"    streamName: {name}-${{syslevel}}\n    dLQueueName: {name}-failed-${{syslevel}}\n"
        text += alarm_actions(rng, "data", 4)
    else:
        text += f"    streamArn: {PARTITION_ARN % ('kinesis', 'stream/' + name + '-${syslevel}')}\n"
        text += f"    dLQueueArn: {PARTITION_ARN % ('sqs', name + '-failed-${syslevel}')}\n"
    text += f"    startingPosition: {rng.choice(['TRIM_HORIZON', 'LATEST'])}\n"
    text += f"    batchSize: {rng.choice([100, 200, 500])}\n"
    text += f"    maximumBatchingWindowInSeconds: {rng.choice([0, 5, 10])}\n"
    text += f"    parallelizationFactor: {rng.randint(1, 4)}\n"
    text += f"    maximumRetryAttempts: {rng.choice([3, 5, 10])}\n"
    text += f"    bisectBatchOnFunctionError: {rng.choice(['true', 'false'])}\n"
    if bundled:
        text += overrides(rng, [("streamShardCount", lambda level: rng.choice([1, 2, 4]))])
    return function + tags(rng, name) + text


def multiple(rng, name):
    function = (f"function:\n  name: {name}-${{syslevel}}\n  timeout: 120\n  roleName: {name}-${{syslevel}}-role\n\n")
    return function + tags(rng, name) + f"""triggers:
  uploads:
    type: cweventsqsdlq
    defaults:
      queueName: {name}-uploads-${{syslevel}}
      dLQueueName: {name}-uploads-dlq-${{syslevel}}
      queueVisibilityTimeout: 720
{alarm_actions(rng, "search", 6)}    parameters:
{event_pattern(rng, name, 6)}  reindex:
    type: cwschedule
    defaults:
      ruleName: {name}-reindex-${{syslevel}}
    syslevels:
      ci:
        triggerEnabled: false
    parameters:
      scheduleExpression:
        value: rate(1 day)
      input:
        jsonValue: {{action: reindex}}
  backfill:
    type: sqsdlq
    defaults:
      queueName: {name}-backfill-${{syslevel}}
      dLQueueName: {name}-backfill-dlq-${{syslevel}}
      queueVisibilityTimeout: 720
      batchSize: 1
"""


VARIANTS = [
    cweventsqsdlq, cweventsqsdlq, cweventsqsdlq_existing,
    lambda rng, name: cwevent(rng, name, True), lambda rng, name: cwevent(rng, name, False),
    cwschedule,
    lambda rng, name: sqsdlq(rng, name, True), lambda rng, name: sqsdlq(rng, name, False),
    snssqsdlq,
    lambda rng, name: kinesis(rng, name, True), lambda rng, name: kinesis(rng, name, False),
    multiple,
]


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    directory, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else 2000
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Examples")
    examples = sorted(os.path.join(root, entry, "trigger.yaml") for entry in os.listdir(root)
                      if os.path.isfile(os.path.join(root, entry, "trigger.yaml")))
    rng = random.Random(9)
    for index in range(count):
        if index < len(examples):
            with open(examples[index], encoding="utf-8") as source:
                text = source.read()
        else:
            prefix = rng.choice(["orders", "billing", "thumbs", "audit", "fleet", "ledger", "ingest", "report"])
            text = VARIANTS[index % len(VARIANTS)](rng, f"{prefix}-n{index:05d}")
        path = os.path.join(directory, f"{index:05d}", "trigger.yaml")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)
    print(count)


if __name__ == "__main__":
    main()
