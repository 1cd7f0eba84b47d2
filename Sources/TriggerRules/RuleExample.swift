/// Builders for the example manifests of rule descriptions. An example is a whole manifest; `↓` marks where a
/// triggering example's diagnostic must start. The builders keep examples short and every one of them valid
/// apart from the mistake it shows.
public enum RuleExample {
    /// The marker that shows where a diagnostic must start; removed before the example is compiled.
    public static let marker: Character = "↓"

    /// A bundled `cweventsqsdlq` trigger; `defaults` lines are inserted (indented by 4) after the queue names.
    public static func eventQueue(
        function: String? = nil, defaults: String = "", syslevels: String? = nil,
        queueName: String = "orders-${syslevel}", dlqName: String = "orders-dlq-${syslevel}",
        pattern: String = "{source: [com.example.orders]}"
    ) -> String {
        var text = ""
        if let function { text += "function:\n" + indent(function, by: 2) }
        text += "trigger:\n  type: cweventsqsdlq\n  defaults:\n"
        text += "    queueName: \(queueName)\n    dLQueueName: \(dlqName)\n"
        text += indent(defaults, by: 4)
        if let syslevels { text += "  syslevels:\n" + indent(syslevels, by: 4) }
        text += "  parameters:\n    eventPattern:\n      jsonValue: \(pattern)\n"
        return text
    }

    /// A FIFO `cweventsqsdlq` trigger with everything FIFO needs; `defaults` lines are added.
    public static func fifoQueue(function: String? = nil, defaults: String = "", syslevels: String? = nil) -> String {
        eventQueue(
            function: function,
            defaults: "queueType: FIFO\nqueueMessageGroupId: orders\n" + defaults, syslevels: syslevels,
            queueName: "orders-${syslevel}.fifo", dlqName: "orders-dlq-${syslevel}.fifo")
    }

    /// `count` bundled `cweventsqsdlq` triggers under `triggers:`, the first marked where a whole-template
    /// problem is reported.
    public static func manyTriggers(_ count: Int) -> String {
        var text = "triggers:\n"
        for index in 0..<count {
            text += "  \(index == 0 ? "↓" : "")t\(index):\n    type: cweventsqsdlq\n    defaults:\n"
            text += "      queueName: orders-\(index)-${syslevel}\n      dLQueueName: orders-\(index)-dlq-${syslevel}\n"
            text += "    parameters:\n      eventPattern:\n        jsonValue: {source: [com.example.orders\(index)]}\n"
        }
        return text
    }

    static func indent(_ text: String, by count: Int) -> String {
        let pad = String(repeating: " ", count: count)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.isEmpty }
            .map { pad + $0 + "\n" }
            .joined()
    }
}
