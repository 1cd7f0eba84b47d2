#!/usr/bin/env python3
"""checkov over every compiled example template.

    python3 Tests/Conformance/run_checkov.py --triggerc .build/debug/triggerc \
        [--examples Examples] [--out DIR] [-q]

Compiles every DIR/**/trigger.yaml for all four syslevels into a temporary directory, runs
checkov once over all the templates (`--framework cloudformation -o json --skip-download`, no
network), and fails on every failed check that is not suppressed. A suppression is a resource's
`Metadata: {"checkov": {"skip": [{"id": "CKV_AWS_...", "comment": "why"}]}}`; one without a
comment fails too. The last line is `checkov: N passed, M failed`: N counts passed checks, M
failed checks + suppressions without a reason + templates checkov could not parse or did not
scan + manifests that did not compile. Exit status 0 only when M is 0.

Needs checkov 3.x (`pip install checkov`); see README.md in this directory.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

SYSLEVELS = ("ci", "eng", "sat", "prd")
NO_REASON = "No comment provided"  # what checkov reports for a skip without "comment"


def checkov_command() -> list[str] | None:
    if importlib.util.find_spec("checkov") is not None:
        return [sys.executable, "-m", "checkov.main"]
    exe = shutil.which("checkov")
    return [exe] if exe else None


def compile_examples(triggerc: str, examples: Path, out: Path) -> tuple[list[Path], list[str]]:
    """Returns (templates written, problems)."""
    problems: list[str] = []
    templates: list[Path] = []
    manifests = sorted(p for p in examples.rglob("trigger.yaml") if p.is_file())
    if not manifests:
        problems.append(f"no trigger.yaml under {examples}")
    for m in manifests:
        rel_m = os.path.relpath(m)
        try:
            proc = subprocess.run([triggerc, "compile", rel_m, "-o", str(out)], capture_output=True, text=True,
                                  timeout=120)
        except (OSError, subprocess.TimeoutExpired) as e:
            problems.append(f"{rel_m}: could not run {triggerc}: {e}")
            continue
        if proc.returncode != 0:
            problems.append(f"{rel_m}: triggerc compile exited {proc.returncode}: "
                            + " | ".join(proc.stderr.strip().splitlines()[-5:]))
            continue
        stem = os.path.splitext(rel_m)[0]
        for lvl in SYSLEVELS:
            t = out / f"{stem}.{lvl}.json"
            if t.is_file():
                templates.append(t)
            else:
                problems.append(f"{rel_m}: no template {t}")
    return templates, problems


def run_checkov(cmd: list[str], out: Path) -> tuple[list[dict[str, Any]], str]:
    """checkov's JSON reports (one per framework), or [] and an error."""
    env = dict(os.environ, LOG_LEVEL="ERROR")
    full = cmd + ["-d", str(out), "--framework", "cloudformation", "-o", "json", "--skip-download"]
    # run inside the output directory so that no project .checkov.yaml changes the rules
    proc = subprocess.run(full, cwd=out, capture_output=True, text=True, env=env, timeout=600)
    try:
        data = json.loads(proc.stdout)
    except ValueError:
        return [], f"checkov exited {proc.returncode} without JSON output:\n{proc.stdout[-1500:]}\n{proc.stderr[-1500:]}"
    reports = data if isinstance(data, list) else [data]
    return [r for r in reports if isinstance(r, dict)], ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triggerc", required=True, help="path to the triggerc binary")
    ap.add_argument("--examples", default="Examples", help="directory searched for **/trigger.yaml (default Examples)")
    ap.add_argument("--out", help="directory for the templates (default: a new temporary directory, removed afterwards)")
    ap.add_argument("-q", "--quiet", action="store_true", help="print failures and the summary only")
    args = ap.parse_args(argv)
    start = time.monotonic()

    triggerc = os.path.abspath(args.triggerc) if (os.sep in args.triggerc or os.path.exists(args.triggerc)) else args.triggerc
    keep = bool(args.out)
    out = Path(args.out).resolve() if args.out else Path(tempfile.mkdtemp(prefix="triggerc-checkov-"))
    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    passed = 0
    try:
        cmd = checkov_command()
        if cmd is None:
            print("FAIL  checkov is not installed (pip install checkov)")
            print("checkov: 0 passed, 1 failed")
            return 1
        templates, problems = compile_examples(triggerc, Path(args.examples), out)
        for p in problems:
            print(f"FAIL  compile: {p}")
        failed += len(problems)
        if not templates:
            print(f"checkov: 0 passed, {max(failed, 1)} failed")
            return 1
        if not args.quiet:
            print(f"checkov over {len(templates)} templates in {out}")
        reports, err = run_checkov(cmd, out)
        if err:
            print(f"FAIL  {err}")
            print(f"checkov: 0 passed, {failed + 1} failed")
            return 1

        def where(r: dict[str, Any]) -> str:
            lines = r.get("file_line_range") or []
            span = f" (lines {lines[0]}-{lines[1]})" if len(lines) == 2 else ""
            lid = str(r.get("resource", "")).rsplit(".", 1)[-1]
            return f"{r.get('file_path', '?').lstrip('/')}: Resources.{lid}{span}"

        fails: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        suppressed: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        unreasoned: list[dict[str, Any]] = []
        scanned: set[str] = set()
        parse_errors: list[str] = []
        for rep in reports:
            res = rep.get("results") or {}
            passed += int((rep.get("summary") or {}).get("passed", len(res.get("passed_checks") or [])))
            parse_errors += [str(p) for p in (res.get("parsing_errors") or [])]
            for r in (res.get("passed_checks") or []) + (res.get("failed_checks") or []) + (res.get("skipped_checks") or []):
                scanned.add(os.path.realpath(r.get("file_abs_path") or ""))
            for r in res.get("failed_checks") or []:
                fails[(r["check_id"], str(r.get("resource", "")).split(".")[0], r.get("check_name", ""))].append(r)
            for r in res.get("skipped_checks") or []:
                comment = (r.get("check_result") or {}).get("suppress_comment") or ""
                if not comment.strip() or comment == NO_REASON:
                    unreasoned.append(r)
                else:
                    suppressed[(r["check_id"], str(r.get("resource", "")).split(".")[0], comment)].append(r)

        for (cid, rtype, name), items in sorted(fails.items()):
            keys = sorted({k for r in items for k in (r.get("check_result") or {}).get("evaluated_keys") or []})
            print(f"FAIL  {cid} {rtype}: {name}" + (f" [looks at {', '.join(keys)}]" if keys else "")
                  + f" - {len(items)} resource(s)")
            for r in sorted(items, key=where):
                print(f"        {where(r)}")
            failed += len(items)
        for r in unreasoned:
            print(f"FAIL  {r['check_id']} suppressed without a reason (add \"comment\" to the skip): {where(r)}")
        failed += len(unreasoned)
        for p in parse_errors:
            print(f"FAIL  checkov could not parse {p}")
        failed += len(parse_errors)
        not_scanned = [t for t in templates if os.path.realpath(t) not in scanned]
        for t in not_scanned:
            print(f"FAIL  checkov reported nothing for {t.relative_to(out)} (not a CloudFormation template to it?)")
        failed += len(not_scanned)
        if not args.quiet:
            for (cid, rtype, comment), items in sorted(suppressed.items()):
                print(f"  skip  {cid} {rtype} on {len(items)} resource(s), suppressed: {comment}")
            print(f"(took {time.monotonic() - start:.1f}s)")
        by_check = ", ".join(f"{cid} x{len(v)}" for (cid, _, _), v in sorted(fails.items()))
        if by_check:
            print(f"failed checks: {by_check}")
        print(f"checkov: {passed} passed, {failed} failed")
        return 0 if failed == 0 else 1
    finally:
        if not keep:
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
