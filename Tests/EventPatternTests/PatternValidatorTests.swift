import EventPattern
import Testing
import TriggerModel

func problems(_ pattern: String, _ dialect: PatternDialect = .eventBridge) -> [PatternProblem] {
    PatternValidator(dialect: dialect).validate(json(pattern))
}

@Suite struct PatternValidatorTests {
    @Test(arguments: [
        // aws/event-ruler README.md examples are valid.
        #"{"time": [{"prefix": "2017-10-02"}], "detail": {"state": [{"anything-but": "initializing"}], "c-count": [{"numeric": [">", 0, "<=", 5]}], "d-count": [{"numeric": ["<", 10]}], "x-limit": [{"anything-but": [100, 200, 300]}], "source-ip": [{"cidr": "10.0.0.0/8"}]}}"#,
        #"{"source": [{"wildcard": "Simple*Service"}], "a": [{"wildcard": "a\\*b\\\\c"}]}"#,
        #"{"$or": [{"metricName": ["CPUUtilization"]}, {"namespace": ["AWS/EC2"]}], "detail": {"$or": [{"source": ["a"]}, {"detail-type": ["b"]}]}}"#,
        #"{"a": [null, "", 1, true, {"exists": false}, {"prefix": {"equals-ignore-case": "x"}}, {"anything-but": {"prefix": "init"}}]}"#,
    ])
    func validPatternsHaveNoProblems(_ pattern: String) {
        #expect(problems(pattern).isEmpty, "\(problems(pattern))")
    }

    @Test(arguments: [
        (#"[1]"#, PatternProblem.Kind.structure, "(root)"),
        (#"{"source": "aws.ec2"}"#, .structure, "source"),
        (#"{"detail": {}}"#, .structure, "detail"),
        (#"{"source": []}"#, .structure, "source"),
        (#"{"source": [[1]]}"#, .structure, "source[0]"),
        (#"{"s": [{"prefix": "a", "suffix": "b"}]}"#, .matchOperator, "s[0]"),
        (#"{"s": [{"prefx": "a"}]}"#, .matchOperator, "s[0].prefx"),
        (#"{"s": [{"prefix": 1}]}"#, .matchOperator, "s[0].prefix"),
        (#"{"s": [{"prefix": {"equals": "a"}}]}"#, .matchOperator, "s[0].prefix"),
        (#"{"s": [{"exists": "true"}]}"#, .matchOperator, "s[0].exists"),
        (#"{"s": [{"anything-but": [1, "a"]}]}"#, .matchOperator, "s[0].anything-but"),
        (#"{"s": [{"anything-but": []}]}"#, .matchOperator, "s[0].anything-but"),
        (#"{"s": [{"anything-but": {"numeric": [">", 1]}}]}"#, .matchOperator, "s[0].anything-but.numeric"),
        (#"{"s": [{"anything-but": {"prefix": ""}}]}"#, .matchOperator, "s[0].anything-but.prefix"),
        (#"{"s": [{"exactly": "a"}]}"#, .matchOperator, "s[0].exactly"),
        (#"{"s": [{"wildcard": "a**b"}]}"#, .wildcard, "s[0].wildcard"),
        (#"{"s": [{"wildcard": "a\\b"}]}"#, .wildcard, "s[0].wildcard"),
        (#"{"n": [{"numeric": [">", "1"]}]}"#, .numeric, "n[0].numeric[1]"),
        (#"{"n": [{"numeric": ["<", 10, ">", 5]}]}"#, .numeric, "n[0].numeric[2]"),
        (#"{"n": [{"numeric": [">", 10, "<", 5]}]}"#, .numeric, "n[0].numeric"),
        (#"{"n": [{"numeric": [">", 1, ">", 5]}]}"#, .numeric, "n[0].numeric[2]"),
        (#"{"n": [{"numeric": ["!=", 1]}]}"#, .numeric, "n[0].numeric[0]"),
        (#"{"n": [{"numeric": [">", 1, "<"]}]}"#, .numeric, "n[0].numeric[2]"),
        (#"{"n": [{"numeric": [">", 1e999]}]}"#, .numeric, "n[0].numeric[1]"),
        (#"{"n": [{"numeric": [">", 6e9]}]}"#, .numericPrecision, "n[0].numeric[1]"),
        (#"{"n": [{"numeric": [">", 0.1234567]}]}"#, .numericPrecision, "n[0].numeric[1]"),
        (#"{"ip": [{"cidr": "10.0.0.1/32"}]}"#, .cidr, "ip[0].cidr"),
        (#"{"ip": [{"cidr": "2001:db8::/128"}]}"#, .cidr, "ip[0].cidr"),
        (#"{"ip": [{"cidr": "10.0.0.0"}]}"#, .cidr, "ip[0].cidr"),
        (#"{"ip": [{"cidr": "10.0.0.300/8"}]}"#, .cidr, "ip[0].cidr"),
        (#"{"$or": [{"a": ["x"]}]}"#, .or, "$or"),
        (#"{"$or": [{"a": ["x"]}, "b"]}"#, .or, "$or[1]"),
        (#"{"$or": [{"numeric": [1]}, {"prefix": ["abc"]}]}"#, .or, "$or[0].numeric"),
        (#"{"s": [{"anything-but": {"prefix": ["a", "b"]}}]}"#, .anythingButList, "s[0].anything-but.prefix"),
    ])
    func problemsAreFoundWhereTheyAre(_ pattern: String, _ kind: PatternProblem.Kind, _ path: String) {
        let found = problems(pattern)
        #expect(found.contains { $0.kind == kind && $0.path.description == path }, "\(found)")
    }

    @Test func wildcardProblemsCarryCharacterOffsets() {
        let found = problems(#"{"s": [{"wildcard": "ab**c"}]}"#)
        #expect(found.first?.offsets == 2..<4)
        #expect(found.first?.message == "consecutive wildcard characters at character 4")
    }

    @Test func orCombinationsAreLimitedToAThousand() {
        let branches = (0..<11).map { #"{"f\#($0)": ["x"]}"# }.joined(separator: ",")
        let inner = "[" + branches + "]"
        // 11 x 11 x 11 = 1,331 combinations.
        let pattern = #"{"$or": \#(inner), "a": {"$or": \#(inner)}, "b": {"$or": \#(inner)}}"#
        #expect(problems(pattern).contains { $0.kind == .or && $0.message.contains("1331") })
        let fine = #"{"$or": \#(inner), "a": {"$or": \#(inner)}}"#
        #expect(problems(fine).isEmpty)
    }

    @Test func snsDialect() {
        #expect(
            problems(
                #"{"store": ["example_corp"], "event": [{"anything-but": "order_cancelled"}], "customer_interests": ["rugby", "football", "baseball"], "price_usd": [{"numeric": [">=", 100]}]}"#,
                .snsFilterPolicy
            ).isEmpty)
        #expect(problems(#"{"a": {"b": ["x"]}}"#, .snsFilterPolicy).contains { $0.kind == .snsFilterPolicy })
        #expect(
            problems(#"{"a": [1], "b": [1], "c": [1], "d": [1], "e": [1], "f": [1]}"#, .snsFilterPolicy)
                .contains { $0.kind == .snsFilterPolicy && $0.path.description == "f" })
        let thirteen = "[" + (0..<13).map(String.init).joined(separator: ",") + "]"
        #expect(problems(#"{"a": \#(thirteen), "b": \#(thirteen)}"#, .snsFilterPolicy).contains { $0.message.contains("169") })
        #expect(problems(#"{"p": [{"numeric": [">", 2e9]}]}"#, .snsFilterPolicy).contains { $0.kind == .snsFilterPolicy })
        #expect(problems(#"{"p": [{"wildcard": "a*"}]}"#, .snsFilterPolicy).contains { $0.kind == .snsFilterPolicy })
    }
}

@Suite struct JSONParserTests {
    @Test func parsesNumbersAsText() throws {
        #expect(
            try JSONParser().parse(#"{"a": [3.0e2, -0, 1E+2], "b": "\u00e9\n"}"#)
                == .object([("a", .array([.number("3.0e2"), .number("-0"), .number("1E+2")])), ("b", .string("é\n"))]))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "1:9: trailing comma before `}`"),
        ("{\"a\": 01}", "1:7: invalid number `01`"),
        ("{\"a\": 1} x", "1:10: unexpected `x` after the JSON value"),
        ("{\n  \"a\": 1,\n  \"a\": 2\n}", "3:3: duplicate key \"a\""),
        ("{'a': 1}", "1:2: expected a string key, found `'`"),
        ("[1, 2", "1:6: expected `,` or `]`, found end of input"),
        ("\"a\tb\"", "1:3: control character U+9 in a string must be escaped"),
        ("\"\\x\"", "1:3: invalid escape `\\x`"),
        ("", "1:1: expected a JSON value, found end of input"),
        ("nul", "1:4: expected `null`, found end of input"),
    ])
    func errorsArePositioned(_ text: String, _ expected: String) {
        #expect(throws: JSONParseError.self) { try JSONParser().parse(text) }
        do {
            _ = try JSONParser().parse(text)
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONParser().parse(deep) }
    }
}
