#!/usr/bin/env python3
"""Validate triggerc's SARIF output against the OASIS SARIF 2.1.0 schema, offline.

    python3 Tests/Conformance/validate_sarif.py --triggerc .build/debug/triggerc FILE... [--per-file]

Runs `TRIGGERC lint --format sarif FILE...` once over all FILEs (a "file set");
with --per-file, also once for each FILE on its own. Exit status 0 or 1 from
triggerc is accepted (1 only means it found problems); anything else fails.

For each file set these checks are counted:
  invocation  triggerc exited 0 or 1 and stdout is one JSON document
  schema      the document validates against Tests/Fixtures/schemas/sarif-schema-2.1.0.json,
              with the validator class its "$schema" names (draft-04), format checking off
  result i    GitHub code scanning's expectations, per result:
              ruleId is a non-empty string; message.text is a non-empty string;
              at least one location has physicalLocation.artifactLocation.uri (non-empty
              string) and physicalLocation.region.startLine (integer >= 1);
              ruleId is one of tool.driver.rules[].id;
              ruleIndex, when present, is the index of the rule with that id.
A file set whose invocation fails gets no further checks.

Every violation is printed with its JSON path. The last line is always
`sarif: N passed, M failed` (N and M count checks); the exit status is 0 only when M is 0.
Only the standard library and `jsonschema` are used; nothing is fetched.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "Fixtures" / "schemas" / "sarif-schema-2.1.0.json"


def short(value: Any, limit: int = 200) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def jpath(parts: list[Any]) -> str:
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


class Tally:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def verdict(self, label: str, violations: list[str]) -> None:
        if violations:
            self.failed += 1
            print(f"FAIL {label}")
            for violation in violations:
                print(f"  - {violation}")
        else:
            self.passed += 1
            print(f"ok   {label}")


def load_validator():
    try:
        from jsonschema.validators import validator_for
    except ImportError:
        sys.exit("validate_sarif: the `jsonschema` package is required (pip install jsonschema)")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = validator_for(schema)  # the schema names draft-04; fall back to the latest otherwise
    cls.check_schema(schema)
    # No format_checker: "format" stays an annotation, as asked.
    return cls(schema)


def schema_rule(schema: Any, path: list[Any]) -> str:
    """The failing keyword's place in the schema file, following local $refs,
    e.g. #/definitions/region/properties/startLine/minimum."""
    node, where = schema, []
    for part in path:
        while isinstance(node, dict) and part not in node and isinstance(node.get("$ref"), str) \
                and node["$ref"].startswith("#/"):
            where = node["$ref"][2:].split("/")
            node = schema
            for key in where:
                node = node[key]
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return "#/" + "/".join(str(p) for p in path)  # give up: the raw path
        where.append(str(part))
    return "#/" + "/".join(where)


def schema_violations(validator, document: Any) -> list[str]:
    out = []
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
        where = jpath(list(error.absolute_path))
        rule = schema_rule(validator.schema, list(error.absolute_schema_path))
        out.append(f"{where}: {error.validator} failed at {rule}: {error.message}; value: {short(error.instance)}")
        # anyOf/oneOf: say what each branch wanted.
        for sub in error.context or []:
            sub_where = jpath(list(error.absolute_path) + list(sub.relative_path))
            out.append(f"    branch {list(sub.relative_schema_path)[:1]}: {sub_where}: {sub.message}")
    return out


def result_violations(result: Any, rules: list[Any]) -> list[str]:
    if not isinstance(result, dict):
        return [f"result is not an object: {short(result)}"]
    out = []
    rule_id = result.get("ruleId")
    if not isinstance(rule_id, str) or not rule_id:
        out.append(f"ruleId missing or empty: {short(rule_id)}")
    message = result.get("message")
    text = message.get("text") if isinstance(message, dict) else None
    if not isinstance(text, str) or not text.strip():
        out.append(f"message.text missing or empty: {short(message)}")

    locations = result.get("locations")
    if not isinstance(locations, list) or not locations:
        out.append(f"no locations: {short(locations)}")
    else:
        good = False
        problems = []
        for i, location in enumerate(locations):
            physical = location.get("physicalLocation") if isinstance(location, dict) else None
            artifact = physical.get("artifactLocation") if isinstance(physical, dict) else None
            uri = artifact.get("uri") if isinstance(artifact, dict) else None
            region = physical.get("region") if isinstance(physical, dict) else None
            start = region.get("startLine") if isinstance(region, dict) else None
            uri_ok = isinstance(uri, str) and bool(uri)
            start_ok = isinstance(start, int) and not isinstance(start, bool) and start >= 1
            if uri_ok and start_ok:
                good = True
            else:
                problems.append(
                    f"locations[{i}]: physicalLocation.artifactLocation.uri = {short(uri)}, "
                    f"physicalLocation.region.startLine = {short(start)}"
                )
        if not good:
            out.append("no location has physicalLocation.artifactLocation.uri and region.startLine >= 1")
            out.extend("  " + p for p in problems)

    ids = [r.get("id") if isinstance(r, dict) else None for r in rules]
    if isinstance(rule_id, str) and rule_id:
        if rule_id not in ids:
            out.append(f"ruleId {short(rule_id)} is not in tool.driver.rules[].id")
        if "ruleIndex" in result:
            index = result["ruleIndex"]
            if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(rules):
                out.append(f"ruleIndex {short(index)} is outside tool.driver.rules (length {len(rules)})")
            elif ids[index] != rule_id:
                want = ids.index(rule_id) if rule_id in ids else None
                out.append(
                    f"ruleIndex {index} points at rule {short(ids[index])}, not {short(rule_id)}"
                    + (f" (which is at index {want})" if want is not None else "")
                )
    return out


def check_file_set(triggerc: str, files: list[str], validator, tally: Tally) -> None:
    name = files[0] if len(files) == 1 else f"{len(files)} files"
    command = [triggerc, "lint", "--format", "sarif", *files]
    try:
        proc = subprocess.run(command, capture_output=True, text=True)
    except OSError as error:
        tally.verdict(f"[{name}] invocation", [f"cannot run {triggerc}: {error}"])
        return
    problems = []
    document = None
    if proc.returncode not in (0, 1):
        problems.append(f"exit status {proc.returncode} (0 or 1 expected); stderr: {proc.stderr.strip()[:2000] or '(empty)'}")
    else:
        try:
            document = json.loads(proc.stdout)
        except json.JSONDecodeError as error:
            problems.append(f"stdout is not JSON: {error}; first bytes: {proc.stdout[:200]!r}")
    tally.verdict(f"[{name}] invocation (exit {proc.returncode})", problems)
    if problems:
        return

    tally.verdict(f"[{name}] schema ({type(validator).__name__})", schema_violations(validator, document))

    runs = document.get("runs") if isinstance(document, dict) else None
    for r, run in enumerate(runs if isinstance(runs, list) else []):
        if not isinstance(run, dict):
            continue
        driver = (run.get("tool") or {}).get("driver") if isinstance(run.get("tool"), dict) else None
        rules = driver.get("rules") if isinstance(driver, dict) else None
        rules = rules if isinstance(rules, list) else []
        results = run.get("results")
        for i, result in enumerate(results if isinstance(results, list) else []):
            label = f"[{name}] $.runs[{r}].results[{i}]"
            if isinstance(result, dict):
                label += f" {result.get('ruleId', '?')}"
                try:
                    label += " " + str(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
                except (KeyError, IndexError, TypeError):
                    pass
            tally.verdict(label, result_violations(result, rules))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triggerc", required=True, help="path to the triggerc binary")
    parser.add_argument("--per-file", action="store_true", help="also lint each FILE on its own")
    parser.add_argument("files", nargs="+", metavar="FILE")
    args = parser.parse_args()

    validator = load_validator()
    tally = Tally()
    check_file_set(args.triggerc, args.files, validator, tally)
    if args.per_file and len(args.files) > 1:
        for file in args.files:
            check_file_set(args.triggerc, [file], validator, tally)
    print(f"sarif: {tally.passed} passed, {tally.failed} failed")
    return 0 if tally.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
