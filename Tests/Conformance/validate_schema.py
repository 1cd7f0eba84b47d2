#!/usr/bin/env python3
"""Check triggerc's JSON Schema with a standard validator (jsonschema's Draft202012Validator), offline.

    python3 Tests/Conformance/validate_schema.py --triggerc .build/debug/triggerc

Checks, each counted once:
  schema      `TRIGGERC schema` exits 0, prints JSON, and is a valid draft 2020-12 schema
  committed   it equals schema/trigger-manifest.schema.json
  example     every Examples/*/trigger.yaml validates
  init        the starter of every trigger type (`TRIGGERC init --type T`) validates
  invalid     every Tests/Fixtures/schema-invalid/*.yaml does NOT validate, and `TRIGGERC lint` also
              rejects it (exit 1), so the schema is never stricter than the compiler on these
YAML is read with PyYAML (YAML 1.1: `yes`/`on` become booleans; the files checked here avoid them).
The last line is always `schema: N passed, M failed`; the exit status is 0 only when M is 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
TYPES = ["cweventsqsdlq", "cwevent", "cwschedule", "sqsdlq", "snssqsdlq", "kinesis"]


class Tally:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def verdict(self, label: str, problems: list[str]) -> None:
        if problems:
            self.failed += 1
            print(f"FAIL {label}")
            for problem in problems:
                print(f"  - {problem}")
        else:
            self.passed += 1
            print(f"ok   {label}")


def load(path: Path):
    """The YAML document of a file, or the parser's complaint as a string."""
    import yaml

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")), None
    except yaml.YAMLError as error:
        return None, f"not YAML: {error}"


def errors(validator, document) -> list[str]:
    found = []
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
        where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        found.append(f"{where}: {error.message}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triggerc", required=True, help="path to the triggerc binary")
    args = parser.parse_args()
    try:
        import yaml  # noqa: F401 - load() needs it; fail early with a clear message
        from jsonschema import Draft202012Validator
    except ImportError as error:
        sys.exit(f"validate_schema: {error.name} is required (pip install jsonschema pyyaml)")

    tally = Tally()
    proc = subprocess.run([args.triggerc, "schema"], capture_output=True, text=True)
    problems = []
    schema = None
    if proc.returncode != 0:
        problems.append(f"exit status {proc.returncode}: {proc.stderr.strip()}")
    else:
        try:
            schema = json.loads(proc.stdout)
            Draft202012Validator.check_schema(schema)
        except Exception as error:  # noqa: BLE001 - any failure is the verdict
            problems.append(str(error))
    tally.verdict("schema is a valid draft 2020-12 schema", problems)
    if schema is None or problems:
        print(f"schema: {tally.passed} passed, {tally.failed} failed")
        return 1
    committed = (ROOT / "schema" / "trigger-manifest.schema.json").read_text(encoding="utf-8")
    tally.verdict("committed schema/trigger-manifest.schema.json is current",
                  [] if committed == proc.stdout else ["differs from `triggerc schema`"])
    validator = Draft202012Validator(schema)

    for path in sorted(ROOT.glob("Examples/*/trigger.yaml")):
        document, problem = load(path)
        tally.verdict(f"valid   {path.relative_to(ROOT)}", [problem] if problem else errors(validator, document))

    with tempfile.TemporaryDirectory() as directory:
        for kind in TYPES:
            target = Path(directory) / kind
            init = subprocess.run([args.triggerc, "init", "--type", kind, str(target)], capture_output=True, text=True)
            if init.returncode != 0:
                tally.verdict(f"valid   init --type {kind}", [f"init exited {init.returncode}: {init.stderr.strip()}"])
                continue
            document, problem = load(target / "trigger.yaml")
            tally.verdict(f"valid   init --type {kind}", [problem] if problem else errors(validator, document))

    invalid = sorted((ROOT / "Tests" / "Fixtures" / "schema-invalid").glob("*.yaml"))
    if not invalid:
        tally.verdict("invalid fixtures exist", ["Tests/Fixtures/schema-invalid holds no *.yaml"])
    for path in invalid:
        document, problem = load(path)
        problems = [problem] if problem else []
        if not problem and not errors(validator, document):
            problems.append("the schema accepts it")
        lint = subprocess.run([args.triggerc, "lint", str(path)], capture_output=True, text=True)
        if lint.returncode != 1:
            problems.append(f"triggerc lint exited {lint.returncode}, not 1")
        tally.verdict(f"invalid {path.relative_to(ROOT)}", problems)

    print(f"schema: {tally.passed} passed, {tally.failed} failed")
    return 0 if tally.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
