import EventPattern
import Testing
import TriggerModel

func json(_ text: String) -> JSONValue {
    do {
        return try JSONParser().parse(text)
    } catch {
        Issue.record("bad test JSON: \(error)")
        return .null
    }
}

func matches(_ pattern: String, _ event: String) -> Bool {
    PatternMatcher().match(json(pattern), event: json(event)) == .match
}

func reasons(_ pattern: String, _ event: String) -> [String] {
    if case .noMatch(let reasons) = PatternMatcher().match(json(pattern), event: json(event)) { return reasons }
    return []
}

/// Cases from the documentation; each names the file it comes from.
@Suite struct DocumentedMatchingTests {
    // aws/event-ruler README.md, "Ruler by Example": the sample event every rule of that section matches.
    static let rulerEvent = """
        {"version": "0", "id": "ddddd4-aaaa-7777-4444-345dd43cc333",
         "detail-type": "EC2 Instance State-change Notification", "source": "aws.ec2", "account": "012345679012",
         "time": "2017-10-02T16:24:49Z", "region": "us-east-1",
         "resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000"],
         "detail": {"c-count": 5, "d-count": 3, "x-limit": 301.8, "source-ip": "10.0.0.33",
                    "instance-id": "i-000000aaaaaa00000", "state": "running"}}
        """

    // aws/event-ruler README.md: "Simple matching", "Prefix matching", "Suffix matching",
    // "Anything-but matching", "Numeric matching", "IP Address Matching",
    // "Exists matching" and "Complex example" all match the sample event.
    @Test(arguments: [
        #"{"detail-type": ["EC2 Instance State-change Notification"], "resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000"], "detail": {"state": ["initializing", "running"]}}"#,
        #"{"time": [{"prefix": "2017-10-02"}]}"#,
        #"{"source": [{"suffix": "ec2"}]}"#,
        #"{"detail": {"state": [{"anything-but": "initializing"}]}}"#,
        #"{"detail": {"x-limit": [{"anything-but": 123}]}}"#,
        #"{"detail": {"state": [{"anything-but": ["stopped", "overloaded"]}]}}"#,
        #"{"detail": {"x-limit": [{"anything-but": [100, 200, 300]}]}}"#,
        #"{"detail": {"state": [{"anything-but": {"prefix": "init"}}]}}"#,
        #"{"detail": {"c-count": [{"numeric": [">", 0, "<=", 5]}], "d-count": [{"numeric": ["<", 10]}], "x-limit": [{"numeric": ["=", 3.018e2]}]}}"#,
        #"{"detail": {"source-ip": [{"cidr": "10.0.0.0/24"}]}}"#,
        #"{"detail": {"c-count": [{"exists": true}]}}"#,
        #"{"time": [{"prefix": "2017-10-02"}], "detail": {"state": [{"anything-but": "initializing"}], "c-count": [{"numeric": [">", 0, "<=", 5]}], "d-count": [{"numeric": ["<", 10]}], "x-limit": [{"anything-but": [100, 200, 300]}], "source-ip": [{"cidr": "10.0.0.0/8"}]}}"#,
    ])
    func rulerReadmeRulesMatchTheSampleEvent(_ pattern: String) {
        #expect(matches(pattern, Self.rulerEvent), "\(reasons(pattern, Self.rulerEvent))")
    }

    // aws/event-ruler README.md, "Equals-ignore-case matching": its example `EC2` is compared with the whole
    // value, so it does not match the sample's `aws.ec2` (the README does not claim it does).
    @Test func equalsIgnoreCaseComparesTheWholeValue() {
        #expect(!matches(#"{"source": [{"equals-ignore-case": "EC2"}]}"#, Self.rulerEvent))
        #expect(matches(#"{"source": [{"equals-ignore-case": "AWS.EC2"}]}"#, Self.rulerEvent))
    }

    // aws/event-ruler README.md, "Exists matching": exists false matches an absent field and an intermediate node.
    @Test func existsFalseMatchesAbsentFieldsAndIntermediateNodes() {
        let pattern = #"{"detail": {"c-count": [{"exists": false}]}}"#
        #expect(!matches(pattern, Self.rulerEvent))
        #expect(matches(pattern, #"{"detail": {"state": ["initializing", "running"]}}"#))
        #expect(matches(pattern, #"{"detail": {"state": "running", "c-count": {"c1": 100}}}"#))
        #expect(!matches(#"{"detail": {"c-count": [{"exists": true}]}}"#, #"{"detail": {"c-count": {"c1": 100}}}"#))
    }

    // aws/event-ruler README.md, "The $or Primitive": source && (metricName || namespace).
    @Test func orPrimitive() {
        let pattern =
            #"{"source": ["aws.cloudwatch"], "$or": [{"metricName": ["CPUUtilization", "ReadLatency"]}, {"namespace": ["AWS/EC2", "AWS/ES"]}]}"#
        #expect(matches(pattern, #"{"source": "aws.cloudwatch", "namespace": "AWS/ES"}"#))
        #expect(matches(pattern, #"{"source": "aws.cloudwatch", "metricName": "ReadLatency"}"#))
        #expect(!matches(pattern, #"{"source": "aws.cloudwatch", "namespace": "AWS/S3"}"#))
        #expect(!matches(pattern, #"{"source": "aws.ec2", "namespace": "AWS/ES"}"#))
    }

    // aws/event-ruler README.md, "Nested \"Or\" and \"And\"".
    @Test func nestedOrAndAnd() {
        let pattern =
            #"{"source": ["aws.cloudwatch"], "$or": [{"metricName": ["CPUUtilization", "ReadLatency"]}, {"metricType": ["MetricType"], "namespace": ["AWS/EC2", "AWS/ES"], "$or": [{"metricId": [1234]}, {"spaceId": [1000]}]}, {"scope": ["Service"]}]}"#
        #expect(matches(pattern, #"{"source": "aws.cloudwatch", "metricType": "MetricType", "namespace": "AWS/EC2", "spaceId": 1000}"#))
        #expect(!matches(pattern, #"{"source": "aws.cloudwatch", "metricType": "MetricType", "namespace": "AWS/EC2", "spaceId": 1001}"#))
        #expect(matches(pattern, #"{"source": "aws.cloudwatch", "scope": "Service"}"#))
    }

    // aws/event-ruler README.md, "JSON Array Matching": arrays of objects are crushed, but fields must come
    // from the same element (rulesForJSONEvent), also for arrays of arrays.
    @Test func arrayConsistentMatching() {
        let event =
            #"{"employees": [{"firstName": "John", "lastName": "Doe"}, {"firstName": "Anna", "lastName": "Smith"}, {"firstName": "Peter", "lastName": "Jones"}]}"#
        #expect(matches(#"{"employees": {"firstName": ["Anna"]}}"#, event))
        #expect(!matches(#"{"employees": {"firstName": ["Anna"], "lastName": ["Jones"]}}"#, event))
        #expect(matches(#"{"employees": {"firstName": ["Anna"], "lastName": ["Smith"]}}"#, event))
        let nested =
            #"{"employees": [[{"firstName": "John", "lastName": "Doe"}, {"firstName": "Anna", "lastName": "Smith"}], [{"firstName": "Peter", "lastName": "Jones"}]]}"#
        #expect(matches(#"{"employees": {"firstName": ["Anna"]}}"#, nested))
        #expect(!matches(#"{"employees": {"firstName": ["Anna"], "lastName": ["Jones"]}}"#, nested))
    }

    // awsdocs/amazon-eventbridge-user-guide doc_source/eb-event-patterns-arrays.md: intersecting arrays match.
    @Test func eventArraysMatchWhenTheyIntersect() {
        let pattern =
            #"{"resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f", "arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f", "arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f"]}"#
        let event =
            #"{"resources": ["arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate", "arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f"]}"#
        #expect(matches(pattern, event))
    }

    // awsdocs/amazon-eventbridge-user-guide doc_source/eb-event-patterns-null-values.md: null and "" both match,
    // and are not interchangeable.
    @Test func nullAndEmptyStringAreDistinct() {
        let event =
            #"{"version": "0", "detail-type": "EC2 Instance Launch Successful", "source": "aws.autoscaling", "resources": [], "detail": {"eventVersion": "", "responseElements": null}}"#
        #expect(matches(#"{"detail": {"eventVersion": [""]}}"#, event))
        #expect(matches(#"{"detail": {"responseElements": [null]}}"#, event))
        #expect(!matches(#"{"detail": {"eventVersion": [null]}}"#, event))
        #expect(!matches(#"{"detail": {"responseElements": [""]}}"#, event))
    }

    // awsdocs/amazon-eventbridge-user-guide doc_source/eb-event-patterns.md: exact matches on numbers use the
    // string representation, so 300, 300.0 and 3.0e2 are not equal; numeric "=" compares values.
    @Test func exactNumbersCompareByTextNumericByValue() {
        #expect(matches(#"{"n": [300]}"#, #"{"n": 300}"#))
        #expect(!matches(#"{"n": [300]}"#, #"{"n": 300.0}"#))
        #expect(!matches(#"{"n": [300]}"#, #"{"n": 3.0e2}"#))
        #expect(matches(#"{"n": [{"numeric": ["=", 300]}]}"#, #"{"n": 3.0e2}"#))
    }
}

/// Edge cases of our own.
@Suite struct MatcherEdgeCaseTests {
    @Test func reasonsNameTheFieldAndWhy() {
        let pattern = #"{"source": ["aws.s3"], "detail": {"object": {"key": [{"prefix": "source/"}]}}}"#
        let event = #"{"source": "aws.s3", "detail": {"object": {"key": "archive/x.csv"}}}"#
        #expect(reasons(pattern, event) == [#"detail.object.key: "archive/x.csv" does not start with "source/""#])
        #expect(
            reasons(pattern, #"{"source": "aws.s3", "detail": {}}"#)
                == [#"detail.object.key: missing from the event (the pattern wants a value that starts with "source/")"#])
        #expect(
            reasons(#"{"detail": {"state": ["running", "stopped"]}}"#, #"{"detail": {"state": "pending"}}"#)
                == [#"detail.state: "pending" matches none of: is "running", is "stopped""#])
    }

    @Test func everyFailingFieldIsReported() {
        let found = reasons(#"{"source": ["a"], "detail-type": ["b"]}"#, #"{"source": "x", "detail-type": "y"}"#)
        #expect(found.count == 2)
    }

    @Test func typesMustAgree() {
        #expect(!matches(#"{"n": ["5"]}"#, #"{"n": 5}"#))
        #expect(!matches(#"{"n": [5]}"#, #"{"n": "5"}"#))
        #expect(!matches(#"{"b": ["true"]}"#, #"{"b": true}"#))
        #expect(matches(#"{"b": [true]}"#, #"{"b": true}"#))
        #expect(!matches(#"{"n": [{"numeric": [">", 1]}]}"#, #"{"n": "5"}"#))
        #expect(!matches(#"{"s": [{"prefix": "1"}]}"#, #"{"s": 12}"#))
    }

    @Test func stringsAreComparedWithoutNormalization() {
        // "é" precomposed (U+00E9) and decomposed (e + U+0301) are equal Swift Strings but different bytes.
        #expect(!matches("{\"s\": [\"caf\\u00e9\"]}", "{\"s\": \"cafe\\u0301\"}"))
        #expect(matches("{\"s\": [{\"suffix\": \"\\u00e9\"}]}", "{\"s\": \"caf\\u00e9\"}"))
    }

    @Test func caseRules() {
        #expect(!matches(#"{"s": ["EC2"]}"#, #"{"s": "ec2"}"#))
        #expect(matches(#"{"s": [{"prefix": {"equals-ignore-case": "ARCH"}}]}"#, #"{"s": "archive/x"}"#))
        #expect(matches(#"{"s": [{"suffix": {"equals-ignore-case": ".PNG"}}]}"#, #"{"s": "photo.png"}"#))
        #expect(!matches(#"{"s": [{"suffix": ".PNG"}]}"#, #"{"s": "photo.png"}"#))
    }

    @Test func wildcards() {
        #expect(matches(#"{"s": [{"wildcard": "Simple*Service"}]}"#, #"{"s": "SimpleQueueService"}"#))
        #expect(matches(#"{"s": [{"wildcard": "Simple*Service"}]}"#, #"{"s": "SimpleService"}"#))
        #expect(!matches(#"{"s": [{"wildcard": "Simple*Service"}]}"#, #"{"s": "SimpleServices"}"#))
        #expect(matches(#"{"s": [{"wildcard": "*/lib/*"}]}"#, #"{"s": "a/lib/b"}"#))
        #expect(matches(#"{"s": [{"wildcard": "a\\*b"}]}"#, #"{"s": "a*b"}"#))
        #expect(!matches(#"{"s": [{"wildcard": "a\\*b"}]}"#, #"{"s": "axb"}"#))
        #expect(matches(#"{"s": [{"wildcard": "a*a*a"}]}"#, #"{"s": "aaa"}"#))
        #expect(!matches(#"{"s": [{"wildcard": "a*a*a"}]}"#, #"{"s": "aa"}"#))
        #expect(matches(#"{"s": [{"anything-but": {"wildcard": "*/lib/*"}}]}"#, #"{"s": "a/bin/b"}"#))
    }

    @Test func anythingBut() {
        #expect(!matches(#"{"s": [{"anything-but": "a"}]}"#, #"{}"#), "anything-but needs the field")
        #expect(matches(#"{"s": [{"anything-but": ["a", "b"]}]}"#, #"{"s": ["a", "c"]}"#))
        #expect(!matches(#"{"s": [{"anything-but": ["a", "b"]}]}"#, #"{"s": ["a", "b"]}"#))
        #expect(!matches(#"{"n": [{"anything-but": [100]}]}"#, #"{"n": 1e2}"#), "excluded numbers compare by value")
        #expect(matches(#"{"s": [{"anything-but": {"suffix": ".tmp"}}]}"#, #"{"s": "x.csv"}"#))
        #expect(!matches(#"{"s": [{"anything-but": {"equals-ignore-case": ["A", "B"]}}]}"#, #"{"s": "b"}"#))
    }

    @Test func cidrs() {
        #expect(matches(#"{"ip": [{"cidr": "2001:db8::/32"}]}"#, #"{"ip": "2001:db8:1::5"}"#))
        #expect(!matches(#"{"ip": [{"cidr": "2001:db8::/32"}]}"#, #"{"ip": "2001:db9::5"}"#))
        #expect(!matches(#"{"ip": [{"cidr": "10.0.0.0/24"}]}"#, #"{"ip": "10.0.1.1"}"#))
        #expect(matches(#"{"ip": [{"cidr": "0.0.0.0/0"}]}"#, #"{"ip": "192.168.1.1"}"#))
        #expect(!matches(#"{"ip": [{"cidr": "10.0.0.0/8"}]}"#, #"{"ip": "not an address"}"#))
    }

    @Test func numericRanges() {
        #expect(matches(#"{"n": [{"numeric": [">=", 0, "<", 1]}]}"#, #"{"n": 0}"#))
        #expect(!matches(#"{"n": [{"numeric": [">=", 0, "<", 1]}]}"#, #"{"n": 1}"#))
        #expect(matches(#"{"n": [{"numeric": ["<", 0]}]}"#, #"{"n": [5, -1]}"#))
    }

    @Test func emptyEventArraysCountAsMissing() {
        #expect(matches(#"{"r": [{"exists": false}]}"#, #"{"r": []}"#))
        #expect(!matches(#"{"r": [{"exists": true}]}"#, #"{"r": []}"#))
    }
}
