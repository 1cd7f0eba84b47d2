#!/usr/bin/env python3
"""CloudFormation conformance suite for triggerc.

    python3 Tests/Conformance/conformance.py --triggerc .build/debug/triggerc \
        [--examples Examples] [--out DIR] [--no-deploy] [-q]

For every DIR/**/trigger.yaml: compile it for all four syslevels, lint every
template with cfn-lint (errors and warnings fail), check every template for the
security rules (no Allow on Resource "*", encrypted queues, TLS-only queue
policies, service principals tied to a source ARN, Lambda permissions with a
SourceArn) and for the manifest's tags, deploy it into moto's in-process
CloudFormation (creating first the existing queues, streams and topics a
bundled: false template names by ARN), check that the created resources carry
what the template asked for and what `triggerc resolve` says the manifest asked
for, and send events through them:

- events/match/*.json, events/nomatch/*.json: EventBridge PutEvents entries
  {"Source", "DetailType", "Detail": {...}} (optionally "Resources"), through
  every rule with an SQS or Lambda target; a match must reach the function,
  a nomatch must not.
- events/publish/match/*.json, events/publish/nomatch/*.json: SNS messages
  {"Message": str|object, "MessageAttributes": {name: {"DataType",
  "StringValue"}} or {name: value}, "MessageGroupId"?, "MessageDeduplicationId"?},
  published to the topic of every SNS subscription of the template.
- Kinesis mappings get one put_record of the harness's own.

events/<syslevel>/... holds files for one syslevel only; "${syslevel}" in a
file is replaced by the syslevel.

Only the standard library, cfn-lint, moto and boto3 are used. Read README.md
in this directory for what the emulator does and does not check.
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
import zipfile
from pathlib import Path
from typing import Any

REGION = "us-east-1"
ACCOUNT = "123456789012"  # moto's default account
PARTITION = "aws"
SYSLEVELS = ("ci", "eng", "sat", "prd")
HARNESS_ROLE = "triggerc-conformance-role"
HARNESS_FUNCTION = "triggerc-conformance-function"
INLINE_TEMPLATE_LIMIT = 51200  # bytes CloudFormation accepts as TemplateBody

# --------------------------------------------------------------------------
# reporting


class Report:
    """Counts checks. A check is one verdict; notes and skips are not counted."""

    def __init__(self, quiet: bool, verbose: bool) -> None:
        self.quiet = quiet
        self.verbose = verbose
        self.passed = 0
        self.failed = 0
        self.failures: list[str] = []
        self.context = ""
        self.context_printed = False

    def section(self, title: str) -> None:
        print(f"\n== {title} ==", flush=True)

    def subject(self, title: str) -> None:
        self.context = title
        self.context_printed = not self.quiet
        if not self.quiet:
            print(f"-- {title}", flush=True)

    def check(self, label: str, ok: bool, details: list[str] | tuple[str, ...] = ()) -> bool:
        if ok:
            self.passed += 1
            if not self.quiet:
                print(f"  ok    {label}")
                if self.verbose:
                    for d in details:
                        print(f"          {d}")
        else:
            self.failed += 1
            self.failures.append(f"{self.context}: {label}" if self.context else label)
            if self.context and not self.context_printed:
                print(f"-- {self.context}")
                self.context_printed = True
            print(f"  FAIL  {label}")
            for d in details:
                for line in str(d).splitlines() or [""]:
                    print(f"          {line}")
        sys.stdout.flush()
        return ok

    def note(self, text: str) -> None:
        if not self.quiet:
            print(f"  note  {text}")

    def skip(self, label: str, why: str) -> None:
        if not self.quiet:
            print(f"  skip  {label}: {why}")


# --------------------------------------------------------------------------
# template helpers (pure, no moto)


def is_intrinsic(v: Any) -> bool:
    return isinstance(v, dict) and len(v) == 1 and (
        "Ref" in v or next(iter(v)).startswith("Fn::") or "Condition" in v
    )


def has_intrinsic(v: Any) -> bool:
    if is_intrinsic(v):
        return True
    if isinstance(v, dict):
        return any(has_intrinsic(x) for x in v.values())
    if isinstance(v, list):
        return any(has_intrinsic(x) for x in v)
    return False


def as_list(v: Any) -> list[Any]:
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def resources_of(tpl: dict[str, Any], rtype: str) -> list[tuple[str, dict[str, Any]]]:
    return [
        (lid, r) for lid, r in (tpl.get("Resources") or {}).items()
        if isinstance(r, dict) and r.get("Type") == rtype
    ]


def json_value(v: Any) -> Any:
    """CloudFormation Json properties may be an object or a JSON string."""
    if isinstance(v, str):
        try:
            return json.loads(v)
        except ValueError:
            return v
    return v


def bool_str(v: Any) -> str:
    return str(v).lower()


def sub_pseudo(s: str, params: dict[str, str]) -> str | None:
    """Resolve a Fn::Sub string that only uses pseudo parameters and parameters."""
    values = {"AWS::AccountId": ACCOUNT, "AWS::Region": REGION, "AWS::Partition": PARTITION, **params}
    unresolved = False

    def rep(m: re.Match[str]) -> str:
        nonlocal unresolved
        if m.group(0).startswith("${!"):
            return "${" + m.group(1)[1:] + "}"
        key = m.group(1)
        if key in values:
            return str(values[key])
        unresolved = True
        return m.group(0)

    out = re.sub(r"\$\{(!?[^}]*)\}", rep, s)
    return None if unresolved else out


def simple_value(v: Any, params: dict[str, str]) -> Any:
    """A literal, or a Fn::Sub / Ref over parameters and pseudo parameters; else None."""
    if isinstance(v, (str, int, float, bool)):
        return v
    if isinstance(v, dict) and "Fn::Sub" in v and isinstance(v["Fn::Sub"], str):
        return sub_pseudo(v["Fn::Sub"], params)
    if isinstance(v, dict) and "Ref" in v:
        ref = v["Ref"]
        return {"AWS::AccountId": ACCOUNT, "AWS::Region": REGION, "AWS::Partition": PARTITION, **params}.get(ref)
    return None


def policy_documents(tpl: dict[str, Any]) -> list[tuple[str, str, Any]]:
    """Every policy document a template declares: (resource type, JSON path, document)."""
    docs: list[tuple[str, str, Any]] = []
    for lid, r in (tpl.get("Resources") or {}).items():
        if not isinstance(r, dict):
            continue
        props = r.get("Properties") or {}
        t = r.get("Type")
        if t in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::SQS::QueuePolicy",
                 "AWS::SNS::TopicPolicy", "AWS::Events::EventBusPolicy"):
            if "PolicyDocument" in props:
                docs.append((t, f"Resources.{lid}.Properties.PolicyDocument", props["PolicyDocument"]))
        elif t in ("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"):
            for i, p in enumerate(as_list(props.get("Policies"))):
                if isinstance(p, dict) and "PolicyDocument" in p:
                    docs.append((t, f"Resources.{lid}.Properties.Policies[{i}].PolicyDocument", p["PolicyDocument"]))
    return docs


RESOURCE_POLICY_TYPES = ("AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy", "AWS::Events::EventBusPolicy")


def statements(doc: Any) -> list[tuple[int, dict[str, Any]]]:
    doc = json_value(doc)
    if not isinstance(doc, dict):
        return []
    return [(i, st) for i, st in enumerate(as_list(doc.get("Statement"))) if isinstance(st, dict)]


def _is_star(v: Any) -> bool:
    return v == "*" or (isinstance(v, dict) and v.get("Fn::Sub") == "*")


def _condition_keys(st: dict[str, Any]) -> dict[str, list[tuple[str, Any]]]:
    """condition key (lower case) -> [(operator, value)]"""
    out: dict[str, list[tuple[str, Any]]] = {}
    cond = st.get("Condition")
    if isinstance(cond, dict):
        for op, kv in cond.items():
            if isinstance(kv, dict):
                for k, v in kv.items():
                    out.setdefault(str(k).lower(), []).append((op, v))
    return out


def _service_principals(principal: Any) -> list[str]:
    if isinstance(principal, dict):
        return [str(s) for s in as_list(principal.get("Service"))]
    return []


def _everyone(principal: Any) -> bool:
    return principal == "*" or (isinstance(principal, dict) and "*" in as_list(principal.get("AWS")))


def _arn_ref(v: Any) -> str | None:
    """Logical id X of Fn::GetAtt [X, Arn] / "X.Arn", else None."""
    if isinstance(v, dict) and "Fn::GetAtt" in v:
        ga = v["Fn::GetAtt"]
        if isinstance(ga, str):
            ga = ga.split(".", 1)
        if isinstance(ga, list) and len(ga) == 2 and ga[1] == "Arn":
            return str(ga[0])
    return None


def security_findings(tpl: dict[str, Any]) -> dict[str, list[str]]:
    """The template-wide security rules (issue #4). Each finding is "JSON.path: problem"."""
    found: dict[str, list[str]] = {k: [] for k in SECURITY_CHECKS}
    resources = {k: v for k, v in (tpl.get("Resources") or {}).items() if isinstance(v, dict)}
    # 1. no Allow on Resource "*" (NotResource is "everything but", as broad)
    for _t, where, doc in policy_documents(tpl):
        for i, st in statements(doc):
            if st.get("Effect") != "Allow":
                continue
            for j, r in enumerate(as_list(st.get("Resource"))):
                if _is_star(r):
                    path = f"{where}.Statement[{i}].Resource" + (f"[{j}]" if isinstance(st.get("Resource"), list) else "")
                    found["star"].append(f"{path}: Allow {st.get('Action')} on Resource \"*\"")
            if "NotResource" in st:
                found["star"].append(f"{where}.Statement[{i}].NotResource: Allow with NotResource (every other resource)")
    # 2. every queue encrypted
    for lid, r in resources.items():
        if r.get("Type") != "AWS::SQS::Queue":
            continue
        p = r.get("Properties") or {}
        sse = p.get("SqsManagedSseEnabled")
        if not p.get("KmsMasterKeyId") and not (sse is True or str(sse).lower() == "true"):
            found["encrypted"].append(f"Resources.{lid}.Properties: neither SqsManagedSseEnabled: true nor KmsMasterKeyId"
                                      + (f" (SqsManagedSseEnabled is {sse!r})" if sse is not None else ""))
    # 3. every queue policy denies requests without TLS, for every queue it is attached to
    for lid, r in resources.items():
        if r.get("Type") != "AWS::SQS::QueuePolicy":
            continue
        p = r.get("Properties") or {}
        where = f"Resources.{lid}.Properties.PolicyDocument"
        covered: set[str] = set()
        any_tls = False
        for i, st in statements(p.get("PolicyDocument")):
            if st.get("Effect") != "Deny" or not _everyone(st.get("Principal")):
                continue
            tls = [v for op, v in _condition_keys(st).get("aws:securetransport", []) if op in ("Bool", "BoolIfExists")]
            if not any(str(x).lower() == "false" for v in tls for x in as_list(v)):
                continue
            if not any(_wild(str(a), "sqs:SendMessage", ignore_case=True) and _wild(str(a), "sqs:ReceiveMessage", ignore_case=True)
                       for a in as_list(st.get("Action"))):
                continue  # must cover at least sending and receiving
            any_tls = True
            for res in as_list(st.get("Resource")):
                if _is_star(res):
                    covered.add("*")
                elif _arn_ref(res):
                    covered.add(_arn_ref(res) or "")
        if not any_tls:
            found["tls"].append(f"{where}: no Deny statement for Principal \"*\" on sqs:* with "
                                "Condition Bool aws:SecureTransport \"false\"")
            continue
        for k, q in enumerate(as_list(p.get("Queues"))):
            qid = q.get("Ref") if isinstance(q, dict) else None
            if qid and "*" not in covered and qid not in covered:
                found["tls"].append(f"Resources.{lid}.Properties.Queues[{k}]: queue {qid} is not in the Resource "
                                    "of the aws:SecureTransport Deny")
    # 4. every Allow to a service principal in a resource policy is tied to a source ARN
    for t, where, doc in policy_documents(tpl):
        if t not in RESOURCE_POLICY_TYPES:
            continue
        for i, st in statements(doc):
            services = _service_principals(st.get("Principal"))
            if st.get("Effect") != "Allow" or not services:
                continue
            ops = [op for op, _ in _condition_keys(st).get("aws:sourcearn", [])]
            if not any(op in ("ArnEquals", "ArnLike", "StringEquals", "StringLike") for op in ops):
                found["sourcearn"].append(f"{where}.Statement[{i}]: Allow to {', '.join(services)} without an "
                                          "aws:SourceArn condition (ArnEquals/ArnLike)")
    # 5. every Lambda permission names its source
    for lid, r in resources.items():
        if r.get("Type") != "AWS::Lambda::Permission":
            continue
        p = r.get("Properties") or {}
        if not p.get("SourceArn"):
            found["permission"].append(f"Resources.{lid}.Properties: no SourceArn (Principal {p.get('Principal')!r}: "
                                       "any resource of that principal may invoke the function)")
    return found


SECURITY_CHECKS = {
    "star": "no IAM or resource-policy Allow statement with Resource \"*\"",
    "encrypted": "every SQS queue is encrypted (SqsManagedSseEnabled: true or KmsMasterKeyId)",
    "tls": "every queue policy denies aws:SecureTransport false for each of its queues",
    "sourcearn": "every Allow to a service principal in a resource policy has an aws:SourceArn condition",
    "permission": "every AWS::Lambda::Permission has a SourceArn",
}


# --------------------------------------------------------------------------
# a small IAM policy evaluator (moto evaluates neither resource policies nor
# the IAM permissions of a Lambda execution role)


class PolicyUnsupported(Exception):
    pass


def _wild(pattern: str, value: str, ignore_case: bool = False) -> bool:
    rx = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.fullmatch(rx, value, re.IGNORECASE if ignore_case else 0) is not None


def _principal_matches(spec: Any, principal: tuple[str, str]) -> bool:
    if spec == "*":
        return True
    if not isinstance(spec, dict):
        return False
    kind, value = principal
    for k, vals in spec.items():
        for v in as_list(vals):
            if k == "AWS" and v == "*":
                return True
            if k == kind and v == value:
                return True
    return False


_NEGATED = {"StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "ArnNotEquals", "ArnNotLike",
            "NumericNotEquals"}


def _condition_matches(cond: dict[str, Any], ctx: dict[str, str]) -> bool:
    lctx = {k.lower(): v for k, v in ctx.items()}
    for op, kv in cond.items():
        base = op.split(":", 1)[1] if op.startswith(("ForAnyValue:", "ForAllValues:")) else op
        if_exists = base.endswith("IfExists")
        if if_exists:
            base = base[: -len("IfExists")]
        if not isinstance(kv, dict):
            raise PolicyUnsupported(f"condition {op} is not an object")
        for key, expected in kv.items():
            actual = lctx.get(key.lower())
            exp = [bool_str(x) if isinstance(x, bool) else str(x) for x in as_list(expected)]
            if base == "Null":
                ok = (actual is None) == (bool_str(expected) == "true")
            elif actual is None:
                ok = if_exists or base in _NEGATED
            elif base == "StringEquals":
                ok = actual in exp
            elif base == "StringNotEquals":
                ok = actual not in exp
            elif base == "StringEqualsIgnoreCase":
                ok = actual.lower() in [e.lower() for e in exp]
            elif base == "StringNotEqualsIgnoreCase":
                ok = actual.lower() not in [e.lower() for e in exp]
            elif base in ("StringLike", "ArnLike", "ArnEquals"):
                ok = any(_wild(e, actual) for e in exp)
            elif base in ("StringNotLike", "ArnNotLike", "ArnNotEquals"):
                ok = not any(_wild(e, actual) for e in exp)
            elif base == "Bool":
                ok = actual.lower() in [e.lower() for e in exp]
            elif base.startswith("Numeric"):
                cmp = {"NumericEquals": lambda a, b: a == b, "NumericNotEquals": lambda a, b: a != b,
                       "NumericLessThan": lambda a, b: a < b, "NumericLessThanEquals": lambda a, b: a <= b,
                       "NumericGreaterThan": lambda a, b: a > b,
                       "NumericGreaterThanEquals": lambda a, b: a >= b}.get(base)
                if cmp is None:
                    raise PolicyUnsupported(f"condition operator {op}")
                ok = any(cmp(float(actual), float(e)) for e in exp)
            else:
                raise PolicyUnsupported(f"condition operator {op}")
            if not ok:
                return False
    return True


def evaluate_policies(docs: list[Any], action: str, resource: str, ctx: dict[str, str],
                      principal: tuple[str, str] | None) -> tuple[str, list[str]]:
    """Returns ("allow" | "deny" | "implicit-deny", deciding statement ids).
    principal None = identity policies (no Principal element)."""
    allows, denies = [], []
    for d_i, doc in enumerate(docs):
        doc = json_value(doc)
        if not isinstance(doc, dict):
            continue
        for s_i, st in enumerate(as_list(doc.get("Statement"))):
            if not isinstance(st, dict):
                continue
            sid = st.get("Sid") or f"doc{d_i}.Statement[{s_i}]"
            if principal is not None:
                if "Principal" in st:
                    if not _principal_matches(st["Principal"], principal):
                        continue
                elif "NotPrincipal" in st:
                    if _principal_matches(st["NotPrincipal"], principal):
                        continue
                else:
                    continue
            if "Action" in st:
                if not any(_wild(a, action, ignore_case=True) for a in as_list(st["Action"])):
                    continue
            elif "NotAction" in st:
                if any(_wild(a, action, ignore_case=True) for a in as_list(st["NotAction"])):
                    continue
            if "Resource" in st:
                if not any(_wild(r, resource) for r in as_list(st["Resource"])):
                    continue
            elif "NotResource" in st:
                if any(_wild(r, resource) for r in as_list(st["NotResource"])):
                    continue
            if "Condition" in st and not _condition_matches(st["Condition"], ctx):
                continue
            (denies if st.get("Effect") == "Deny" else allows).append(sid)
    if denies:
        return "deny", denies
    if allows:
        return "allow", allows
    return "implicit-deny", []


# --------------------------------------------------------------------------
# phase 1: compile


def discover(examples: Path) -> list[Path]:
    return sorted(p for p in examples.rglob("trigger.yaml") if p.is_file())


def snapshot(out: Path) -> dict[Path, float]:
    return {p: p.stat().st_mtime for p in out.rglob("*.json")} if out.exists() else {}


def compile_all(triggerc: str, manifests: list[Path], out: Path, rep: Report) -> list[tuple[Path, str, Path]]:
    """Returns [(manifest, syslevel, template path)]."""
    rep.section(f"compile ({len(manifests)} manifests)")
    produced: list[tuple[Path, str, Path]] = []
    cwd = Path.cwd()
    for m in manifests:
        rel_m = os.path.relpath(m, cwd)
        rep.subject(rel_m)
        before = snapshot(out)
        t0 = time.monotonic()
        try:
            proc = subprocess.run([triggerc, "compile", rel_m, "-o", str(out)], capture_output=True,
                                  text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as e:
            rep.check("compile", False, [f"could not run {triggerc}: {e}"])
            continue
        dt = time.monotonic() - t0
        if proc.returncode != 0:
            rep.check(f"compile exits 0 ({dt:.2f}s)", False,
                      [f"exit code {proc.returncode}", "stderr:",
                       "\n".join(proc.stderr.rstrip().splitlines()[-40:]) or "(empty)"])
            continue
        rep.check(f"compile exits 0 ({dt:.2f}s)", True)
        after = snapshot(out)
        written = sorted(p for p, mt in after.items() if before.get(p) != mt)
        stem = os.path.splitext(rel_m)[0]
        missing = []
        for lvl in SYSLEVELS:
            expected = out / f"{stem}.{lvl}.json"
            if expected.is_file():
                produced.append((m, lvl, expected))
            else:
                missing.append(str(expected))
        details = [f"missing {p}" for p in missing]
        if missing:
            details.append("files written by this run: " + (", ".join(str(p) for p in written) or "none"))
            # still test whatever it wrote, so one naming bug does not hide the rest
            for p in written:
                mm = re.search(r"\.(ci|eng|sat|prd)\.json$", p.name)
                if mm and all(p != q for _, _, q in produced):
                    produced.append((m, mm.group(1), p))
        rep.check("one template per syslevel at OUT/<manifest without extension>.<syslevel>.json",
                  not missing, details)
    return produced


# --------------------------------------------------------------------------
# phase 2: cfn-lint


LINT_DIRS: list[str] = []


def start_cfn_lint(files: list[Path]) -> subprocess.Popen[str] | None:
    if not files:
        return None
    lint_cwd = tempfile.mkdtemp(prefix="triggerc-cfnlint-")  # no project .cfnlintrc: default rules
    LINT_DIRS.append(lint_cwd)
    cmd = [sys.executable, "-c", "import sys; from cfnlint.runner import main; sys.exit(main())",
           "--format", "json", "--include-checks", "I", "--regions", REGION, "--"]
    cmd += [str(f.resolve()) for f in files]
    return subprocess.Popen(cmd, cwd=lint_cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish_cfn_lint(proc: subprocess.Popen[str] | None, files: list[Path], rep: Report) -> None:
    rep.section(f"cfn-lint ({len(files)} templates)")
    rep.subject("cfn-lint")
    if proc is None:
        rep.skip("cfn-lint", "no templates")
        return
    stdout, stderr = proc.communicate()
    code = proc.returncode
    for d in LINT_DIRS:
        shutil.rmtree(d, ignore_errors=True)
    try:
        findings = json.loads(stdout) if stdout.strip() else []
    except ValueError:
        rep.check("cfn-lint output is parseable", False, [f"exit {code}", stdout[-2000:], stderr[-2000:]])
        return
    if code & 1 or (code and not findings):
        rep.check("cfn-lint ran", False, [f"exit code {code}", stderr.strip()[-3000:]])
    by_file: dict[str, list[dict[str, Any]]] = {}
    for f in findings:
        by_file.setdefault(os.path.realpath(f.get("Filename", "")), []).append(f)
    for path in files:
        items = by_file.pop(os.path.realpath(path), [])
        bad = [f for f in items if f.get("Level") in ("Error", "Warning")]
        info = [f for f in items if f.get("Level") not in ("Error", "Warning")]

        def fmt(f: dict[str, Any]) -> str:
            loc = f.get("Location", {})
            line = loc.get("Start", {}).get("LineNumber", "?")
            col = loc.get("Start", {}).get("ColumnNumber", "?")
            jpath = "/".join(str(x) for x in loc.get("Path") or [])
            return f"{f.get('Level', '?').lower()} {f.get('Rule', {}).get('Id', '?')} at {line}:{col} {jpath}: {f.get('Message', '')}"

        label = f"cfn-lint {rel(path)}: no errors or warnings"
        if info:
            label += f" ({len(info)} informational)"
        rep.check(label, not bad, [fmt(f) for f in bad] + ([fmt(f) for f in info] if rep.verbose else []))
    for fname, items in by_file.items():  # findings on files we did not ask about
        rep.check(f"cfn-lint {fname}", False, [json.dumps(i)[:500] for i in items])


OUT_ROOT: Path | None = None  # templates are shown relative to the output directory


def rel(p: Path) -> str:
    try:
        if OUT_ROOT is not None and Path(p).resolve().is_relative_to(OUT_ROOT.resolve()):
            return "OUT/" + str(Path(p).resolve().relative_to(OUT_ROOT.resolve()))
        r = os.path.relpath(p)
        return str(p) if r.startswith("..") else r
    except ValueError:
        return str(p)


def manifest_function_timeout(manifest: Path) -> int | None:
    """function.timeout of the manifest, for functions the template only names (best effort:
    PyYAML comes with moto and cfn-lint; without it the harness uses Lambda's default, 3)."""
    try:
        import yaml
        doc = yaml.safe_load(manifest.read_text())
        fn = doc.get("function") if isinstance(doc, dict) else None
        if isinstance(fn, dict) and "runtime" not in fn:
            return int(fn.get("timeout", 3))
    except Exception:
        return None
    return None


# Resource types whose CloudFormation schema has a Tags property (cfn-lint 1.x us-east-1 schemas), among those
# triggerc emits or may emit. QueuePolicy, TopicPolicy, Subscription, Permission and IAM::Policy take no tags.
TAGGABLE = {"AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::Events::Rule", "AWS::Events::EventBus", "AWS::CloudWatch::Alarm",
            "AWS::Kinesis::Stream", "AWS::Lambda::Function", "AWS::Lambda::EventSourceMapping", "AWS::IAM::Role",
            "AWS::Logs::LogGroup"}


def tag_findings(tpl: dict[str, Any], tags: dict[str, Any]) -> list[str]:
    """SPEC 2: the manifest's tags (plus syslevel) on every taggable resource."""
    found = []
    for lid, r in (tpl.get("Resources") or {}).items():
        if not isinstance(r, dict) or r.get("Type") not in TAGGABLE:
            continue
        have = {t.get("Key"): t.get("Value") for t in as_list((r.get("Properties") or {}).get("Tags")) if isinstance(t, dict)}
        missing = {k: v for k, v in tags.items() if str(have.get(k)) != str(v)}
        if missing:
            found.append(f"Resources.{lid}.Properties.Tags ({r['Type']}): missing {missing}")
    return found


def always_alarming(tpl: dict[str, Any]) -> list[str] | None:
    """A rule that never fires emits no TriggeredRules datapoints; with TreatMissingData breaching
    its "fewer than N triggers" alarm is in ALARM for good and notifies every period.
    None when the template has no such alarm."""
    res = {k: v for k, v in (tpl.get("Resources") or {}).items() if isinstance(v, dict)}
    rules_by_name = {}
    for lid, r in res.items():
        if r.get("Type") == "AWS::Events::Rule":
            name = (r.get("Properties") or {}).get("Name")
            if isinstance(name, str):
                rules_by_name[name] = lid
    found: list[str] | None = None
    for lid, r in res.items():
        p = r.get("Properties") or {}
        if r.get("Type") != "AWS::CloudWatch::Alarm" or p.get("MetricName") != "TriggeredRules":
            continue
        found = found or []
        for d in as_list(p.get("Dimensions")):
            if not isinstance(d, dict) or d.get("Name") != "RuleName":
                continue
            v = d.get("Value")
            rule = rules_by_name.get(v) if isinstance(v, str) else (_arn_ref(v) or (v.get("Ref") if isinstance(v, dict) else None))
            if rule in res and (res[rule].get("Properties") or {}).get("State") == "DISABLED" \
                    and p.get("TreatMissingData") == "breaching" and str(p.get("ActionsEnabled", True)).lower() != "false":
                found.append(f"Resources.{lid}: TriggeredRules alarm with TreatMissingData breaching on rule {rule}, "
                             "which is DISABLED: it stays in ALARM and notifies its actions (disable the alarm, or "
                             "set ActionsEnabled false, where the rule is disabled)")
    return found


def static_checks(templates: list[tuple[Path, str, Path, dict[str, Any]]], rep: Report,
                  resolved: dict[tuple[Path, str], Any] | None = None) -> None:
    rep.section("static template checks")
    for m, lvl, path, tpl in templates:
        rep.subject(rel(path))
        for key, findings in security_findings(tpl).items():
            rep.check(SECURITY_CHECKS[key], not findings, [f"{rel(path)}: {f}" for f in findings])
        res = (resolved or {}).get((m, lvl))
        if isinstance(res, dict):
            tags = {"syslevel": lvl, **{k: v for k, v in _subst(res.get("tags") or {}).items()}}
            found = tag_findings(tpl, tags)
            rep.check(f"the manifest's tags {tags} are on every taggable resource (SPEC 2)", not found,
                      [f"{rel(path)}: {f}" for f in found])
        rules = {lid for lid, _ in resources_of(tpl, "AWS::Events::Rule")}
        bad_dims = []
        for lid, r in resources_of(tpl, "AWS::CloudWatch::Alarm"):
            for d in as_list((r.get("Properties") or {}).get("Dimensions")):
                if isinstance(d, dict) and isinstance(d.get("Value"), dict) and d["Value"].get("Ref") in rules:
                    bad_dims.append(f"{lid}: dimension {d.get('Name')} = Ref {d['Value']['Ref']}; Ref of an "
                                    "AWS::Events::Rule is the rule ID (bus|name on a custom bus), not its name")
        if bad_dims:
            rep.check("alarm dimensions do not use Ref of a rule as its name (moto returns the name, AWS may not)",
                      False, bad_dims)
        stuck = always_alarming(tpl)
        if stuck is not None:
            rep.check("no alarm is bound to fire: a TriggeredRules alarm (missing data = breaching) is not on a "
                      "DISABLED rule", not stuck, [f"{rel(path)}: {f}" for f in stuck])
        size = path.stat().st_size
        minified = len(json.dumps(tpl, separators=(",", ":")).encode())
        if minified > INLINE_TEMPLATE_LIMIT:
            rep.note(f"template is {minified} bytes minified (> {INLINE_TEMPLATE_LIMIT}): CloudFormation "
                     "needs it from S3, not as TemplateBody")
        elif size > INLINE_TEMPLATE_LIMIT:
            rep.note(f"template file is {size} bytes; deploy it minified or from S3")


# --------------------------------------------------------------------------
# phase 3: moto


class Moto:
    """Everything that needs moto: imported once, patched once."""

    def __init__(self) -> None:
        os.environ.update({
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_SECURITY_TOKEN": "testing", "AWS_SESSION_TOKEN": "testing",
            "AWS_DEFAULT_REGION": REGION, "AWS_REGION": REGION,
        })
        for k in ("AWS_PROFILE", "AWS_ENDPOINT_URL"):
            os.environ.pop(k, None)
        logging.getLogger("moto").setLevel(logging.ERROR)
        import boto3
        import botocore.exceptions
        from moto import mock_aws
        from moto.cloudformation.models import cloudformation_backends
        from moto.cloudformation.parsing import clean_json, resource_class_from_type
        from moto.events.models import EventPattern

        self.boto3 = boto3
        self.ClientError = botocore.exceptions.ClientError
        self.BotoCoreError = botocore.exceptions.BotoCoreError
        self.mock_aws = mock_aws
        self.cfn_backends = cloudformation_backends
        self.clean_json = clean_json
        self._resource_class_from_type = resource_class_from_type
        self.EventPattern = EventPattern
        self.recorded: list[dict[str, Any]] = []
        self.emulated_notes: list[str] = []
        self._install_patches()
        self.session = boto3.session.Session(region_name=REGION)
        self.clients: dict[str, Any] = {}

    def client(self, name: str) -> Any:
        if name not in self.clients:
            self.clients[name] = self.session.client(name, region_name=REGION)
        return self.clients[name]

    def supported(self, rtype: str) -> bool:
        return self._resource_class_from_type(rtype) is not None

    # -- patches -----------------------------------------------------------
    def _install_patches(self) -> None:
        from moto.awslambda import models as lambda_models
        from moto.events import models as events_models
        from moto.events.utils import EventTemplateParser

        harness = self
        EventPattern = self.EventPattern

        def filter_keeps(esm: Any, record: dict[str, Any]) -> bool:
            crit = getattr(esm, "filter_criteria", None) or {}
            filters = crit.get("Filters") or []
            if not filters:
                return True
            doc = dict(record)
            try:
                body = json.loads(record["body"])
                if isinstance(body, dict):
                    doc["body"] = body
            except (ValueError, TypeError):
                pass
            for f in filters:
                pattern = json_value(f.get("Pattern", "{}"))
                if isinstance(pattern, dict) and EventPattern(None, pattern).matches_event(doc):
                    return True
            return False

        def send_sqs_batch(self: Any, function_arn: str, messages: Any, queue_arn: str) -> bool:
            # Replaces LambdaBackend.send_sqs_batch (called from moto.sqs.models.Queue.add_message
            # for every enabled event source mapping). moto would invoke the function once per
            # message through Docker; we record the batch the function would receive instead.
            esm = next((e for e in self._event_source_mappings.values()
                        if e.function_arn == function_arn and e.event_source_arn == queue_arn), None)
            # moto's add_message receives the batch without message attributes (receive_message with no
            # MessageAttributeNames filters them out of its copies); Lambda always passes them, so read them
            # from the queue's own messages.
            from moto.sqs import sqs_backends
            try:
                q = sqs_backends[self.account_id][self.region_name].get_queue(queue_arn.split(":")[5])
                originals = {om.id: om for om in getattr(q, "_messages", [])}
            except Exception:
                originals = {}
            records = []
            for m in messages:
                attrs = {"ApproximateReceiveCount": str(getattr(m, "approximate_receive_count", 1) or 1),
                         "SentTimestamp": str(getattr(m, "sent_timestamp", "") or ""),
                         "SenderId": ACCOUNT}
                if queue_arn.endswith(".fifo"):
                    attrs["MessageGroupId"] = m.group_id
                    attrs["MessageDeduplicationId"] = m.deduplication_id
                mattrs = {}
                src = getattr(originals.get(m.id, m), "message_attributes", None) or {}
                for k, v in src.items():
                    if isinstance(v, dict):  # {"DataType", "StringValue"} / {"data_type", ...} -> {"dataType", "stringValue"}
                        mattrs[k] = {re.sub(r"_(\w)", lambda x: x.group(1).upper(), kk[:1].lower() + kk[1:]): vv
                                     for kk, vv in v.items()}
                records.append({"messageId": m.id, "receiptHandle": m.receipt_handle, "body": m.body,
                                "attributes": attrs, "messageAttributes": mattrs, "eventSource": "aws:sqs",
                                "eventSourceARN": queue_arn, "awsRegion": self.region_name})
            kept = [r for r in records if esm is None or filter_keeps(esm, r)]
            dropped = [r for r in records if r not in kept]
            if kept:
                harness.recorded.append({"via": "sqs", "function": function_arn, "queue": queue_arn,
                                         "event": {"Records": kept}})
            if dropped:
                harness.recorded.append({"via": "sqs-filtered-out", "function": function_arn,
                                         "queue": queue_arn, "event": {"Records": dropped}})
            return True  # success: the messages are deleted, as Lambda does after a good batch

        def invoke(self: Any, function_name: str, qualifier: Any, body: Any, headers: Any,
                   response_headers: Any) -> bytes:
            # Replaces LambdaBackend.invoke so nothing ever tries to start Docker.
            fn = self.get_function(function_name, qualifier)
            harness.recorded.append({"via": "invoke", "function": fn.function_arn,
                                     "event": json_value(body) if body else {}})
            return b"null"

        def send_kinesis_message(self: Any, function_name: str, kinesis_stream: str, kinesis_partition_key: str,
                                 kinesis_sequence_number: str, kinesis_data: str, kinesis_shard_id: str) -> None:
            # Replaces LambdaBackend.send_kinesis_message (called from moto.kinesis.models.Stream.put_record
            # for every mapping of the stream, enabled or not). moto would call LambdaFunction.invoke
            # (Docker) with one record per call; we record that one-record batch instead, and honour
            # the mapping's Enabled state as Lambda does.
            esm = next((e for e in self._event_source_mappings.values()
                        if e.event_source_arn == kinesis_stream and e.function_arn == function_name), None)
            record = {"kinesis": {"kinesisSchemaVersion": "1.0", "partitionKey": kinesis_partition_key,
                                  "sequenceNumber": kinesis_sequence_number, "data": kinesis_data},
                      "eventSource": "aws:kinesis", "eventVersion": "1.0",
                      "eventID": f"{kinesis_shard_id}:{kinesis_sequence_number}", "eventName": "aws:kinesis:record",
                      "awsRegion": self.region_name, "eventSourceARN": kinesis_stream}
            via = "kinesis" if esm is None or esm.enabled else "kinesis-disabled"
            harness.recorded.append({"via": via, "function": function_name, "stream": kinesis_stream,
                                     "event": {"Records": [record]}})

        orig_send_to_targets = events_models.Rule.send_to_targets

        def send_to_targets(self: Any, original_event: Any, transform_input: bool = True) -> None:
            # moto ignores Rule.State, Target.Input/InputPath and cannot deliver to Lambda targets.
            if self.state != "ENABLED":
                return
            if not self.event_pattern.matches_event(original_event):
                return
            ours = [t for t in self.targets
                    if t["Arn"].split(":")[2] == "lambda" or "Input" in t or "InputPath" in t]
            rest = [t for t in self.targets if t not in ours]
            for t in ours:
                if "Input" in t:
                    payload: Any = json_value(t["Input"])
                elif "InputPath" in t:
                    from jsonpath_ng.ext import parse as jp
                    found = [m.value for m in jp(t["InputPath"]).find(json.loads(json.dumps(original_event)))]
                    payload = found[0] if found else None
                else:
                    it = t.get("InputTransformer", {})
                    payload = EventTemplateParser.parse(input_template=it.get("InputTemplate"),
                                                        input_paths_map=it.get("InputPathsMap", {}),
                                                        event=original_event)
                arn = t["Arn"]
                if arn.split(":")[2] == "lambda":
                    harness.recorded.append({"via": "events", "function": arn, "rule": self.arn,
                                             "event": payload})
                elif arn.split(":")[2] == "sqs":
                    from moto.sqs import sqs_backends
                    backend = sqs_backends[self.account_id][self.region_name]
                    qname = arn.split(":")[5]
                    group_id = t.get("SqsParameters", {}).get("MessageGroupId")
                    q = backend.get_queue(qname)
                    if q.fifo_queue and not (group_id and q.attributes.get("ContentBasedDeduplication") == "true"):
                        warnings.warn("EventBridge cannot send to this FIFO queue (needs MessageGroupId and "
                                      "content-based deduplication)")
                        continue
                    body = payload if isinstance(payload, str) else json.dumps(payload)
                    backend.send_message(queue_name=qname, message_body=body, group_id=group_id)
                else:
                    harness.emulated_notes.append(f"target {arn} with Input/InputPath not emulated")
            if rest:
                saved = self.targets
                self.targets = rest
                try:
                    orig_send_to_targets(self, original_event, transform_input)
                finally:
                    self.targets = saved

        # Speed only: moto.events.utils.EventTemplateParser.parse calls jsonpath_ng.ext.parse for
        # every path of every delivered event, and each call rebuilds the PLY parser (~80 ms).
        try:
            import functools

            import jsonpath_ng.ext as jp_ext
            jp_ext.parse = functools.lru_cache(maxsize=256)(jp_ext.parse)
        except ImportError:
            pass

        lambda_models.LambdaBackend.send_sqs_batch = send_sqs_batch
        lambda_models.LambdaBackend.invoke = invoke
        lambda_models.LambdaBackend.send_kinesis_message = send_kinesis_message
        events_models.Rule.send_to_targets = send_to_targets


class Deployment:
    """One template deployed in one moto context."""

    def __init__(self, mt: Moto, rep: Report, path: Path, tpl: dict[str, Any], syslevel: str,
                 manifest: Path | None = None) -> None:
        self.mt = mt
        self.manifest = manifest
        self.rep = rep
        self.path = path
        self.tpl = tpl
        self.syslevel = syslevel
        self.resources: dict[str, dict[str, Any]] = {
            k: v for k, v in (tpl.get("Resources") or {}).items() if isinstance(v, dict)}
        self.params: dict[str, str] = {}
        self.stack: Any = None
        self.physical: dict[str, str] = {}
        self.created: set[str] = set()
        self.function_arn = ""
        self.template_functions: set[str] = set()  # ARNs of the functions the template wires to

    # -- helpers -------------------------------------------------------------
    def c(self, name: str) -> Any:
        return self.mt.client(name)

    def active(self, lid: str) -> bool:
        cond = self.resources[lid].get("Condition")
        if not cond:
            return True
        try:
            return bool(self.stack.resource_map.lazy_condition_map[cond])
        except Exception:
            return True

    def resolve(self, value: Any) -> tuple[bool, Any]:
        """Resolve intrinsics with moto's own resolver against the created stack."""
        if not has_intrinsic(value):
            return True, value
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return True, self.mt.clean_json(copy.deepcopy(value), self.stack.resource_map)
        except Exception as e:  # unresolvable (e.g. refers to an unsupported resource)
            return False, f"<unresolved: {e}>"

    def of_type(self, rtype: str) -> list[tuple[str, dict[str, Any]]]:
        return [(lid, r) for lid, r in self.resources.items() if r.get("Type") == rtype and self.active(lid)]

    def props(self, lid: str) -> dict[str, Any]:
        return self.resources[lid].get("Properties") or {}

    def queue_arn_of(self, lid: str) -> str | None:
        url = self.physical.get(lid)
        if not url:
            return None
        try:
            return self.c("sqs").get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        except self.mt.ClientError:
            return None

    def stack_queues(self) -> dict[str, tuple[str, str]]:
        """queue ARN -> (logical id, url)"""
        out = {}
        for lid, _ in self.of_type("AWS::SQS::Queue"):
            arn = self.queue_arn_of(lid)
            if arn:
                out[arn] = (lid, self.physical[lid])
        return out

    # -- setup ---------------------------------------------------------------
    def setup_harness(self) -> None:
        """The things a template expects to exist already: a function and its role."""
        iam, lam = self.c("iam"), self.c("lambda")
        trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {
            "Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
        role = iam.create_role(RoleName=HARNESS_ROLE, AssumeRolePolicyDocument=json.dumps(trust))["Role"]
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("index.py", "def handler(event, context):\n    return {'batchItemFailures': []}\n")
        self.zip = buf.getvalue()
        fn = lam.create_function(FunctionName=HARNESS_FUNCTION, Runtime="python3.12", Role=role["Arn"],
                                 Handler="index.handler", Code={"ZipFile": self.zip}, Timeout=3)
        self.function_arn = fn["FunctionArn"]

        # Parameters
        declared = self.tpl.get("Parameters") or {}
        missing = []
        for name, spec in declared.items():
            if name == "FunctionArn":
                self.params[name] = self.function_arn
            elif name == "FunctionRoleName":
                self.params[name] = HARNESS_ROLE
            elif name == "FunctionName":
                self.params[name] = HARNESS_FUNCTION
            elif isinstance(spec, dict) and "Default" in spec:
                continue
            else:
                missing.append(name)
        if missing:
            raise RuntimeError(f"template declares parameters without Default the harness cannot supply: {missing}")

        # Roles and functions the template names literally but does not define
        pvals = dict(self.params)
        defined_roles = {simple_value((r.get("Properties") or {}).get("RoleName"), pvals)
                         for r in self.resources.values() if r.get("Type") == "AWS::IAM::Role"}
        wanted_roles = []
        for r in self.resources.values():
            if r.get("Type") in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"):
                for v in as_list((r.get("Properties") or {}).get("Roles")):
                    if is_intrinsic(v) and "Ref" in v and v["Ref"] in declared:
                        continue
                    name = simple_value(v, pvals)
                    if isinstance(name, str) and name and name not in defined_roles and name != HARNESS_ROLE:
                        wanted_roles.append(name)
        role_arns = {HARNESS_ROLE: role["Arn"]}
        for name in dict.fromkeys(wanted_roles):
            role_arns[name] = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
            self.rep.note(f"created role {name!r} that the template names but does not define")
        defined_fns = {simple_value((r.get("Properties") or {}).get("FunctionName"), pvals)
                       for r in self.resources.values() if r.get("Type") == "AWS::Lambda::Function"}
        wanted_fns = []
        for r in self.resources.values():
            p = r.get("Properties") or {}
            cands = []
            if r.get("Type") in ("AWS::Lambda::EventSourceMapping", "AWS::Lambda::Permission"):
                cands.append(p.get("FunctionName"))
            if r.get("Type") == "AWS::Events::Rule":
                cands += [t.get("Arn") for t in as_list(p.get("Targets")) if isinstance(t, dict)]
            for v in cands:
                if is_intrinsic(v) and "Ref" in v and v["Ref"] in declared:
                    continue
                val = simple_value(v, pvals)
                if not isinstance(val, str) or not val:
                    continue
                if val.startswith("arn:"):
                    parts = val.split(":")
                    if parts[2] != "lambda" or len(parts) < 7:
                        continue
                    val = parts[6]
                if val not in defined_fns and val != HARNESS_FUNCTION:
                    wanted_fns.append(val)
        extra_role = next((a for n, a in role_arns.items() if n != HARNESS_ROLE), role["Arn"])
        timeout = manifest_function_timeout(self.manifest) if self.manifest else None
        self.template_functions = {self.function_arn} if "FunctionArn" in declared or "FunctionName" in declared else set()
        for name in dict.fromkeys(wanted_fns):
            self.template_functions.add(f"arn:{PARTITION}:lambda:{REGION}:{ACCOUNT}:function:{name}")
            lam.create_function(FunctionName=name, Runtime="python3.12", Role=extra_role,
                                Handler="index.handler", Code={"ZipFile": self.zip}, Timeout=timeout or 3)
            self.rep.note(f"created function {name!r} that the template names but does not define (Timeout "
                          + (f"{timeout} from the manifest's function.timeout)" if timeout else "3, Lambda's default)"))
        self.create_existing_resources(pvals, timeout or 3)

    def create_existing_resources(self, pvals: dict[str, str], function_timeout: int) -> None:
        """bundled: false - the queues, streams, topics and event buses the template wires to by ARN
        (a literal, or an Fn::Sub of pseudo parameters and parameters) and does not create itself."""
        defined: dict[str, set[Any]] = {"sqs": set(), "sns": set(), "kinesis": set(), "events": {"default"}}
        for r in self.resources.values():
            p = r.get("Properties") or {}
            for rtype, service, key in (("AWS::SQS::Queue", "sqs", "QueueName"), ("AWS::SNS::Topic", "sns", "TopicName"),
                                        ("AWS::Kinesis::Stream", "kinesis", "Name"),
                                        ("AWS::Events::EventBus", "events", "Name")):
                if r.get("Type") == rtype:
                    defined[service].add(simple_value(p.get(key), pvals))
        wanted: dict[tuple[str, str], str] = {}  # (service, name) -> where it is referred to
        elsewhere: list[str] = []

        def visit(v: Any, path: str) -> None:
            if isinstance(v, dict) and not ("Fn::Sub" in v and isinstance(v["Fn::Sub"], str)):
                for k, x in v.items():
                    visit(x, f"{path}.{k}")
                return
            if isinstance(v, list):
                for i, x in enumerate(v):
                    visit(x, f"{path}[{i}]")
                return
            val = simple_value(v, pvals)
            if not isinstance(val, str) or not val.startswith("arn:") or "*" in val or "?" in val:
                return
            parts = val.split(":", 5)
            if len(parts) < 6 or parts[2] not in defined:
                return
            service, region, account, rest = parts[2], parts[3], parts[4], parts[5]
            if service == "kinesis":
                name = rest[len("stream/"):] if rest.startswith("stream/") and "/" not in rest[len("stream/"):] else None
            elif service == "events":
                name = rest[len("event-bus/"):] if rest.startswith("event-bus/") else None
            else:
                name = rest if ":" not in rest else None  # an SNS subscription ARN is topic:uuid
            if not name:
                return
            if (parts[1], region, account) != (PARTITION, REGION, ACCOUNT):
                elsewhere.append(f"{path}: {val}")
                return
            if name not in defined[service]:
                wanted.setdefault((service, name), path)

        for lid, r in self.resources.items():
            props = r.get("Properties") or {}
            if r.get("Type") == "AWS::CloudWatch::Alarm":
                # notification targets: neither AWS nor moto needs them to exist when the alarm is created
                props = {k: v for k, v in props.items() if not k.endswith("Actions")}
            visit(props, f"Resources.{lid}.Properties")
            if r.get("Type") == "AWS::Events::Rule":
                bus = simple_value((r.get("Properties") or {}).get("EventBusName", "default"), pvals)
                if isinstance(bus, str) and not bus.startswith("arn:") and bus not in defined["events"]:
                    wanted.setdefault(("events", bus), f"Resources.{lid}.Properties.EventBusName")
        if elsewhere:
            self.rep.note("ARNs in another partition, region or account are not created: " + "; ".join(elsewhere))
        if not wanted:
            return
        # a queue a mapping reads gets a visibility timeout that fits the function (AWS requires >= timeout)
        esm_sources = {simple_value((r.get("Properties") or {}).get("EventSourceArn"), pvals)
                       for r in self.resources.values() if r.get("Type") == "AWS::Lambda::EventSourceMapping"}
        made = []
        for (service, name), where in wanted.items():
            arn_prefix = f"arn:{PARTITION}:{service}:{REGION}:{ACCOUNT}:"
            extra = ""
            if service == "sqs":
                attrs = {"SqsManagedSseEnabled": "true"}
                if name.endswith(".fifo"):
                    attrs.update({"FifoQueue": "true", "ContentBasedDeduplication": "true"})
                if arn_prefix + name in esm_sources:
                    attrs["VisibilityTimeout"] = str(min(43200, 6 * function_timeout))
                    extra = f", VisibilityTimeout {attrs['VisibilityTimeout']} = 6 x function timeout {function_timeout}"
                self.c("sqs").create_queue(QueueName=name, Attributes=attrs)
                kind = "queue"
            elif service == "sns":
                attrs = {"FifoTopic": "true", "ContentBasedDeduplication": "true"} if name.endswith(".fifo") else {}
                self.c("sns").create_topic(Name=name, Attributes=attrs)
                kind = "topic"
            elif service == "kinesis":
                self.c("kinesis").create_stream(StreamName=name, ShardCount=1)
                kind, extra = "stream", ", 1 shard"
            else:
                self.c("events").create_event_bus(Name=name)
                kind = "event bus"
            made.append(f"{kind} {name} (first named at {where}{extra})")
        self.rep.note("created the existing resources the template refers to by ARN and does not create: " + ", ".join(made))

    def moto_compatible(self) -> dict[str, Any]:
        """Work around moto bugs that would fail a valid template.

        moto.events.models.Rule.create_from_cloudformation_json json.dumps() the EventPattern
        property, so a pattern given as a JSON string (valid CloudFormation) is double-encoded and
        put_rule fails with "'str' object has no attribute 'items'". Parse it to an object first."""
        tpl = copy.deepcopy(self.tpl)
        for lid, r in (tpl.get("Resources") or {}).items():
            if isinstance(r, dict) and r.get("Type") == "AWS::Events::Rule":
                p = r.get("Properties") or {}
                if isinstance(p.get("EventPattern"), str):
                    try:
                        p["EventPattern"] = json.loads(p["EventPattern"])
                        self.rep.note(f"{lid}.EventPattern is a JSON string: parsed before deploying (moto would "
                                      "double-encode it)")
                    except ValueError:
                        pass  # let the deploy fail on it
        # moto.cloudformation.parsing.ResourceMap.validate_outputs crashes (None.has_cfn_attr) on a
        # GetAtt of a type it does not implement; a Ref of one resolves to None. Drop such outputs.
        unsupported = {lid for lid, r in (tpl.get("Resources") or {}).items()
                       if isinstance(r, dict) and not self.mt.supported(r.get("Type", ""))}
        dropped = []
        for name, out in list((tpl.get("Outputs") or {}).items()):
            text = json.dumps(out.get("Value") if isinstance(out, dict) else out)
            if any(re.search(r'"(Ref|Fn::GetAtt)": \[?"%s[".]' % re.escape(u), text) for u in unsupported):
                dropped.append(name)
                del tpl["Outputs"][name]
        if dropped:
            self.rep.note(f"outputs {dropped} refer to resources moto does not implement: left out of the deploy")
        return tpl

    # -- deploy --------------------------------------------------------------
    def deploy(self) -> bool:
        rep = self.rep
        try:
            self.setup_harness()
        except Exception as e:
            rep.check("deploy: harness setup", False, [f"{type(e).__name__}: {e}"])
            return False
        stack_name = re.sub(r"[^A-Za-z0-9-]+", "-", f"tc-{self.path.parent.name}-{self.path.name}").strip("-")[:128]
        types = sorted({r.get("Type", "?") for r in self.resources.values()})
        unsupported = [t for t in types if not self.mt.supported(t)]
        body = json.dumps(self.moto_compatible(), separators=(",", ":"))
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                resp = self.c("cloudformation").create_stack(
                    StackName=stack_name, TemplateBody=body,
                    Parameters=[{"ParameterKey": k, "ParameterValue": v} for k, v in self.params.items()],
                    Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"])
        except Exception as e:  # moto raises resource errors straight out of CreateStack
            rep.check("deploy: CREATE_COMPLETE", False, [f"create_stack raised {type(e).__name__}: {e}"])
            return False
        cfn = self.c("cloudformation")
        st = cfn.describe_stacks(StackName=resp["StackId"])["Stacks"][0]
        if st["StackStatus"] != "CREATE_COMPLETE":
            reasons = [f"{e.get('LogicalResourceId')}: {e.get('ResourceStatus')} {e.get('ResourceStatusReason', '')}"
                       for e in cfn.describe_stack_events(StackName=resp["StackId"])["StackEvents"]
                       if "FAILED" in e.get("ResourceStatus", "")]
            rep.check("deploy: CREATE_COMPLETE", False, [f"stack status {st['StackStatus']}"] + reasons)
            return False
        self.stack = self.mt.cfn_backends[ACCOUNT][REGION].get_stack(resp["StackId"])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for r in cfn.describe_stack_resources(StackName=resp["StackId"])["StackResources"]:
                if r.get("LogicalResourceId"):
                    self.created.add(r["LogicalResourceId"])
                    if r.get("PhysicalResourceId"):
                        self.physical[r["LogicalResourceId"]] = r["PhysicalResourceId"]
        created = [lid for lid in self.resources if lid in self.created]
        rep.check(f"deploy: CREATE_COMPLETE ({len(created)} resources created by moto's CloudFormation)", True)
        if unsupported:
            replayable = [t for t in unsupported if t in REPLAYERS]
            rest = [t for t in unsupported if t not in REPLAYERS]
            if replayable:
                rep.note("moto's CloudFormation skips " + ", ".join(replayable)
                         + "; the harness replays them through the service APIs")
            if rest:
                rep.note("moto's CloudFormation skips " + ", ".join(rest) + ": NOT created and NOT checked")
        for lid, r in self.resources.items():
            if r.get("Type") in REPLAYERS and not self.mt.supported(r["Type"]) and self.active(lid):
                ok, problems = REPLAYERS[r["Type"]](self, lid)
                rep.check(f"{lid} ({r['Type']}): replayed through the API", ok, problems)
        missing = [lid for lid in self.resources
                   if self.mt.supported(self.resources[lid].get("Type", "")) and self.active(lid)
                   and lid not in self.created]
        rep.check("every active resource of a type moto implements was created", not missing,
                  [f"{m} was not created" for m in missing])
        return True

    # -- verification ----------------------------------------------------------
    def verify(self) -> None:
        for rtype, fn in VERIFIERS.items():
            for lid, _ in self.of_type(rtype):
                guarded(self.rep, f"{lid} ({rtype})", fn, self, lid)
        guarded(self.rep, "EventBridge delivery permissions", self.check_event_permissions)
        guarded(self.rep, "SNS delivery permissions", self.check_topic_permissions)
        guarded(self.rep, "event source mapping polling permissions", self.check_polling_permissions)
        guarded(self.rep, "schedule rules", self.check_schedules)

    def check_schedules(self) -> None:
        """cwschedule: moto stores a schedule rule but never fires it (nothing in moto/events runs
        ScheduleExpression), so the rule's expression and target are checked instead of a delivery."""
        ev, lam = self.c("events"), self.c("lambda")
        fns = set(self.template_functions)
        for lid, _ in self.of_type("AWS::Lambda::Function"):
            try:
                fns.add(lam.get_function_configuration(FunctionName=self.physical[lid])["FunctionArn"])
            except (KeyError, self.mt.ClientError):
                pass
        for lid, _ in self.of_type("AWS::Events::Rule"):
            p = self.props(lid)
            if "ScheduleExpression" not in p:
                continue
            _, expr = self.resolve(p["ScheduleExpression"])
            _, bus = self.resolve(p.get("EventBusName", "default"))
            problems: list[str] = []
            name = self.physical.get(lid)
            try:
                rule = ev.describe_rule(Name=name, EventBusName=bus)
            except self.mt.ClientError as e:
                self.rep.check(f"{lid}: schedule rule exists", False, [str(e)])
                continue
            if rule.get("ScheduleExpression") != expr:
                problems.append(f"ScheduleExpression: template {expr!r}, deployed {rule.get('ScheduleExpression')!r}")
            if bus not in ("default", f"arn:{PARTITION}:events:{REGION}:{ACCOUNT}:event-bus/default"):
                problems.append(f"schedule on event bus {bus!r}: AWS runs schedules only on the default bus")
            deployed = {t["Id"]: t for t in ev.list_targets_by_rule(Rule=name, EventBusName=bus)["Targets"]}
            described = []
            for t in as_list(p.get("Targets")):
                okt, t = self.resolve(t)
                if not okt or not isinstance(t, dict):
                    problems.append(f"target {t} cannot be resolved")
                    continue
                have = deployed.get(t.get("Id"), {})
                arn = have.get("Arn", "")
                fn_arn = ":".join(arn.split(":")[:7])
                if arn.split(":")[2:3] != ["lambda"]:
                    problems.append(f"target {t.get('Id')}: {arn or 'missing'} is not a Lambda function")
                    continue
                try:
                    lam.get_function(FunctionName=fn_arn)
                except self.mt.ClientError:
                    problems.append(f"target {t.get('Id')}: function {fn_arn} does not exist")
                if fns and fn_arn not in fns:
                    problems.append(f"target {t.get('Id')}: {fn_arn} is not the template's function ({sorted(fns)})")
                if "Input" in t:
                    if have.get("Input") != t["Input"]:
                        problems.append(f"target {t.get('Id')}: Input: template {t['Input']!r}, deployed {have.get('Input')!r}")
                    try:
                        json.loads(t["Input"])
                    except (TypeError, ValueError):
                        problems.append(f"target {t.get('Id')}: Input {t['Input']!r} is not valid JSON text (AWS rejects it)")
                    described.append(f"{fn_arn.split(':')[-1]} with Input {t['Input']}")
                else:
                    described.append(f"{fn_arn.split(':')[-1]} with the Scheduled Event")
            if not described:
                problems.append("the rule has no target")
            self.rep.check(f"{lid}: schedule {expr} ({rule.get('State')}) invokes " + "; ".join(described or ["nothing"])
                           + " (not fired: moto does not run schedules)", not problems, problems)

    def compare(self, problems: list[str], what: str, expected: Any, actual: Any, checked: list[str]) -> None:
        checked.append(what)
        if expected != actual:
            problems.append(f"{what}: template {expected!r}, deployed {actual!r}")

    # permission checks (moto does not evaluate them at all)
    def check_event_permissions(self) -> None:
        queues = self.stack_queues()
        for lid, _ in self.of_type("AWS::Events::Rule"):
            p = self.props(lid)
            ok, rule_arn = self.resolve({"Fn::GetAtt": [lid, "Arn"]})
            if not ok:
                continue
            other = re.sub(r"rule/(.*)$", r"rule/\1-someone-else", rule_arn)
            for t in as_list(p.get("Targets")):
                if not isinstance(t, dict):
                    continue
                dests = [("target", self.resolve(t.get("Arn"))[1])]
                if isinstance(t.get("DeadLetterConfig"), dict):
                    dests.append(("target DLQ", self.resolve(t["DeadLetterConfig"].get("Arn"))[1]))
                for role, arn in dests:
                    if not isinstance(arn, str):
                        continue
                    if arn in queues:
                        qlid, url = queues[arn]
                        pol = self.c("sqs").get_queue_attributes(QueueUrl=url, AttributeNames=["Policy"]).get("Attributes", {}).get("Policy")
                        docs = [pol] if pol else []
                        self._probe(f"{lid} -> {qlid} ({role}): queue policy lets EventBridge send for this rule only",
                                    docs, "sqs:SendMessage", arn, rule_arn, other, "no AWS::SQS::QueuePolicy on the queue")
                    elif arn.split(":")[2:3] == ["lambda"]:
                        try:
                            pol = self.c("lambda").get_policy(FunctionName=arn)["Policy"]
                        except self.mt.ClientError:
                            pol = None
                        fn_arn = arn if arn.count(":") == 6 else ":".join(arn.split(":")[:7])
                        self._probe(f"{lid} -> {arn.split(':')[6]} ({role}): function policy lets EventBridge invoke for this rule only",
                                    [pol] if pol else [], "lambda:InvokeFunction", fn_arn, rule_arn, other,
                                    "no AWS::Lambda::Permission on the function")

    def check_topic_permissions(self) -> None:
        """snssqsdlq: the queue policy must let SNS send for this topic only (moto delivers regardless)."""
        for lid, _ in self.of_type("AWS::SNS::Subscription"):
            ok, p = self.resolve(self.props(lid))
            if not ok or p.get("Protocol") != "sqs" or not isinstance(p.get("Endpoint"), str):
                continue
            qarn, topic = p["Endpoint"], str(p.get("TopicArn"))
            try:
                url = self.c("sqs").get_queue_url(QueueName=qarn.split(":")[5])["QueueUrl"]
            except self.mt.ClientError:
                continue
            pol = self.c("sqs").get_queue_attributes(QueueUrl=url, AttributeNames=["Policy"]).get("Attributes", {}).get("Policy")
            other = topic[:-5] + "-someone-else.fifo" if topic.endswith(".fifo") else topic + "-someone-else"
            self._probe(f"{lid}: queue policy of {qarn.split(':')[-1]} lets SNS send for topic {topic.split(':')[-1]} only",
                        [pol] if pol else [], "sqs:SendMessage", qarn, topic, other,
                        "no AWS::SQS::QueuePolicy on the queue", service="sns.amazonaws.com", what="topic")

    def _probe(self, label: str, docs: list[Any], action: str, resource: str, rule_arn: str, other: str,
               none_msg: str, service: str = "events.amazonaws.com", what: str = "rule") -> None:
        if not docs:
            self.rep.check(label, False, [none_msg + ": AWS would refuse the delivery (moto delivers anyway)"])
            return
        principal = ("Service", service)
        ctx = {"aws:SourceArn": rule_arn, "aws:SourceAccount": ACCOUNT, "aws:SecureTransport": "true"}
        try:
            d1, s1 = evaluate_policies(docs, action, resource, ctx, principal)
            d2, s2 = evaluate_policies(docs, action, resource, {**ctx, "aws:SourceArn": other}, principal)
        except PolicyUnsupported as e:
            self.rep.skip(label, f"policy uses {e}, which this evaluator does not implement")
            return
        problems = []
        if d1 != "allow":
            problems.append(f"{service} {action} with aws:SourceArn={rule_arn}: {d1} {s1}")
        if d2 == "allow":
            problems.append(f"{service} {action} with aws:SourceArn={other} (another {what}) is also "
                            f"allowed by {s2}: no confused-deputy protection")
        self.rep.check(label, not problems, problems)

    def check_polling_permissions(self) -> None:
        manages_iam = any(r.get("Type", "").startswith("AWS::IAM::") for r in self.resources.values())
        lam, iam = self.c("lambda"), self.c("iam")
        for lid, _ in self.of_type("AWS::Lambda::EventSourceMapping"):
            uuid = self.physical.get(lid)
            if not uuid:
                continue
            esm = lam.get_event_source_mapping(UUID=uuid)
            src = esm.get("EventSourceArn", "")
            service = src.split(":")[2:3]
            needs: list[tuple[str, str]] = []
            if service == ["sqs"]:
                needs = [(a, src) for a in ("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes")]
                label = (f"{lid}: the function's role may poll {src.split(':')[-1]} (ReceiveMessage, DeleteMessage, "
                         "GetQueueAttributes)")
            elif service == ["kinesis"]:
                needs = [(a, src) for a in ("kinesis:DescribeStream", "kinesis:DescribeStreamSummary",
                                            "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards")]
                label = (f"{lid}: the function's role may read {src.split(':')[-1]} (DescribeStream, "
                         "DescribeStreamSummary, GetRecords, GetShardIterator, ListShards)")
                dest = ((esm.get("DestinationConfig") or {}).get("OnFailure") or {}).get("Destination")
                if dest and dest.split(":")[2:3] == ["sqs"]:
                    needs.append(("sqs:SendMessage", dest))
                    label += f" and send to its on-failure destination {dest.split(':')[-1]}"
                elif dest and dest.split(":")[2:3] == ["sns"]:
                    needs.append(("sns:Publish", dest))
                    label += f" and publish to its on-failure destination {dest.split(':')[-1]}"
            else:
                continue
            if not manages_iam:
                self.rep.skip(label, "the template manages no IAM resources (the role is outside the template)")
                continue
            role_arn = lam.get_function_configuration(FunctionName=esm["FunctionArn"])["Role"]
            role_name = role_arn.split("/")[-1]
            docs: list[Any] = []
            for pn in iam.list_role_policies(RoleName=role_name)["PolicyNames"]:
                docs.append(iam.get_role_policy(RoleName=role_name, PolicyName=pn)["PolicyDocument"])
            for ap in iam.list_attached_role_policies(RoleName=role_name)["AttachedPolicies"]:
                try:
                    pol = iam.get_policy(PolicyArn=ap["PolicyArn"])["Policy"]
                    docs.append(iam.get_policy_version(PolicyArn=ap["PolicyArn"], VersionId=pol["DefaultVersionId"])["PolicyVersion"]["Document"])
                except self.mt.ClientError as e:
                    self.rep.note(f"cannot read managed policy {ap['PolicyArn']}: {e}")
            problems = []
            try:
                for action, resource in needs:
                    d, sids = evaluate_policies(docs, action, resource, {"aws:SecureTransport": "true"}, None)
                    if d != "allow":
                        problems.append(f"role {role_name}: {action} on {resource}: {d} {sids}")
            except PolicyUnsupported as e:
                self.rep.skip(label, f"policy uses {e}")
                continue
            self.rep.check(label, not problems, problems)


def guarded(rep: Report, label: str, fn: Any, *args: Any) -> None:
    """Run a group of checks; an unexpected exception is one failed check, not a crash."""
    try:
        fn(*args)
    except Exception as e:  # noqa: BLE001 - report and keep going
        import traceback
        tb = traceback.format_exc().strip().splitlines()
        rep.check(label, False, [f"harness error {type(e).__name__}: {e}"] + tb[-6:])


# -- replayers: resource types moto's CloudFormation skips -------------------------------

def _coerce(shape: Any, value: Any) -> Any:
    t = shape.type_name
    if value is None:
        return None
    if t == "structure":
        if not isinstance(value, dict):
            return value
        return {k: _coerce(shape.members[k], v) for k, v in value.items() if k in shape.members and v is not None}
    if t == "list":
        return [_coerce(shape.member, v) for v in as_list(value)]
    if t == "map":
        return {k: _coerce(shape.value, v) for k, v in value.items()}
    if t in ("integer", "long"):
        return int(value)
    if t in ("double", "float"):
        return float(value)
    if t == "boolean":
        return value if isinstance(value, bool) else str(value).lower() == "true"
    if t == "string" and isinstance(value, (dict, list)):
        return json.dumps(value)
    if t == "string" and not isinstance(value, str):
        return str(value).lower() if isinstance(value, bool) else str(value)
    return value


def _api_kwargs(dep: Deployment, service: str, operation: str, props: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    client = dep.c(service)
    shape = client.meta.service_model.operation_model(operation).input_shape
    ignored = [k for k in props if k not in shape.members]
    return _coerce(shape, props), ignored


def replay_alarm(dep: Deployment, lid: str) -> tuple[bool, list[str]]:
    ok, props = dep.resolve(dep.props(lid))
    if not ok:
        return False, [f"cannot resolve properties: {props}"]
    props = dict(props)
    props.setdefault("AlarmName", f"{dep.stack.name}-{lid}-GENERATED")
    kwargs, ignored = _api_kwargs(dep, "cloudwatch", "PutMetricAlarm", props)
    try:
        dep.c("cloudwatch").put_metric_alarm(**kwargs)
    except (dep.mt.ClientError, dep.mt.BotoCoreError) as e:
        return False, [f"PutMetricAlarm rejected it: {e}"]
    dep.physical[lid] = kwargs["AlarmName"]
    return True, [f"properties not in PutMetricAlarm: {ignored}"] if ignored else []


def replay_queue_policy(dep: Deployment, lid: str) -> tuple[bool, list[str]]:
    ok, props = dep.resolve(dep.props(lid))
    if not ok:
        return False, [f"cannot resolve properties: {props}"]
    doc = json_value(props.get("PolicyDocument"))
    problems = []
    for url in as_list(props.get("Queues")):
        try:
            dep.c("sqs").set_queue_attributes(QueueUrl=url, Attributes={"Policy": json.dumps(doc)})
        except (dep.mt.ClientError, dep.mt.BotoCoreError) as e:
            problems.append(f"SetQueueAttributes(Policy) on {url}: {e}")
    if not as_list(props.get("Queues")):
        problems.append("Queues is empty")
    return not problems, problems


def replay_topic_policy(dep: Deployment, lid: str) -> tuple[bool, list[str]]:
    ok, props = dep.resolve(dep.props(lid))
    if not ok:
        return False, [f"cannot resolve properties: {props}"]
    problems = []
    for arn in as_list(props.get("Topics")):
        try:
            dep.c("sns").set_topic_attributes(TopicArn=arn, AttributeName="Policy",
                                              AttributeValue=json.dumps(json_value(props.get("PolicyDocument"))))
        except (dep.mt.ClientError, dep.mt.BotoCoreError) as e:
            problems.append(f"SetTopicAttributes(Policy) on {arn}: {e}")
    return not problems, problems


def replay_subscription(dep: Deployment, lid: str) -> tuple[bool, list[str]]:
    ok, props = dep.resolve(dep.props(lid))
    if not ok:
        return False, [f"cannot resolve properties: {props}"]
    attrs = {}
    for k in ("RawMessageDelivery", "FilterPolicy", "FilterPolicyScope", "RedrivePolicy", "DeliveryPolicy"):
        if k in props:
            v = props[k]
            attrs[k] = json.dumps(v) if isinstance(v, (dict, list)) else bool_str(v) if isinstance(v, bool) else str(v)
    try:
        r = dep.c("sns").subscribe(TopicArn=props.get("TopicArn"), Protocol=props.get("Protocol"),
                                   Endpoint=props.get("Endpoint"), Attributes=attrs, ReturnSubscriptionArn=True)
    except (dep.mt.ClientError, dep.mt.BotoCoreError) as e:
        return False, [f"Subscribe rejected it: {e}"]
    dep.physical[lid] = r["SubscriptionArn"]
    return True, []


REPLAYERS = {
    "AWS::CloudWatch::Alarm": replay_alarm,
    "AWS::SQS::QueuePolicy": replay_queue_policy,
    "AWS::SNS::TopicPolicy": replay_topic_policy,
    "AWS::SNS::Subscription": replay_subscription,
}


# -- verifiers ----------------------------------------------------------------------------

def verify_queue(dep: Deployment, lid: str) -> None:
    p = dep.props(lid)
    url = dep.physical.get(lid)
    label = f"{lid} (AWS::SQS::Queue)"
    if not url:
        dep.rep.check(label + " exists", False, ["no physical resource"])
        return
    try:
        attrs = dep.c("sqs").get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    except dep.mt.ClientError as e:
        dep.rep.check(label + " exists", False, [str(e)])
        return
    problems: list[str] = []
    checked: list[str] = []
    if "QueueName" in p:
        ok, name = dep.resolve(p["QueueName"])
        if ok:
            dep.compare(problems, "QueueName", name, url.rsplit("/", 1)[-1], checked)
            if not attrs.get("QueueArn", "").endswith(":" + str(name)):
                problems.append(f"QueueArn {attrs.get('QueueArn')} does not end in {name}")
    for k in ("VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds", "MaximumMessageSize",
              "ReceiveMessageWaitTimeSeconds", "KmsDataKeyReusePeriodSeconds"):
        if k in p:
            ok, v = dep.resolve(p[k])
            if ok:
                dep.compare(problems, k, str(int(v)), attrs.get(k), checked)
    for k in ("FifoQueue", "ContentBasedDeduplication", "SqsManagedSseEnabled"):
        if k in p:
            ok, v = dep.resolve(p[k])
            if ok:
                dep.compare(problems, k, bool_str(v), attrs.get(k, "false"), checked)
    for k in ("KmsMasterKeyId", "DeduplicationScope", "FifoThroughputLimit"):
        if k in p:
            ok, v = dep.resolve(p[k])
            if ok:
                dep.compare(problems, k, v, attrs.get(k), checked)
    if "RedrivePolicy" in p:
        want = json_value(p["RedrivePolicy"])
        have = json_value(attrs.get("RedrivePolicy") or "{}")
        if isinstance(want, dict):
            if "maxReceiveCount" in want:
                ok, v = dep.resolve(want["maxReceiveCount"])
                if ok:
                    dep.compare(problems, "RedrivePolicy.maxReceiveCount", int(v), have.get("maxReceiveCount"), checked)
            if "deadLetterTargetArn" in want:
                ok, v = dep.resolve(want["deadLetterTargetArn"])
                if ok:
                    dep.compare(problems, "RedrivePolicy.deadLetterTargetArn", v, have.get("deadLetterTargetArn"), checked)
    if "Tags" in p:
        ok, tags = dep.resolve(p["Tags"])
        if ok:
            have_tags = dep.c("sqs").list_queue_tags(QueueUrl=url).get("Tags", {})
            want_tags = {t["Key"]: str(t["Value"]) for t in as_list(tags) if isinstance(t, dict)}
            checked.append("Tags")
            for k, v in want_tags.items():
                if have_tags.get(k) != v:
                    problems.append(f"tag {k}: template {v!r}, deployed {have_tags.get(k)!r}")
    dep.rep.check(f"{label}: " + (", ".join(checked) or "exists"), not problems, problems)


def verify_rule(dep: Deployment, lid: str) -> None:
    p = dep.props(lid)
    label = f"{lid} (AWS::Events::Rule)"
    name = dep.physical.get(lid)
    ok, bus = dep.resolve(p.get("EventBusName", "default"))
    ev = dep.c("events")
    try:
        r = ev.describe_rule(Name=name, EventBusName=bus)
    except dep.mt.ClientError as e:
        dep.rep.check(label + " exists", False, [str(e)])
        return
    problems: list[str] = []
    checked: list[str] = []
    for k in ("Name", "Description", "ScheduleExpression"):
        if k in p:
            ok, v = dep.resolve(p[k])
            if ok:
                dep.compare(problems, k, v, r.get(k), checked)
    ok, state = dep.resolve(p.get("State", "ENABLED"))
    if ok:
        dep.compare(problems, "State", state, r.get("State"), checked)
    if "EventPattern" in p:
        ok, pat = dep.resolve(p["EventPattern"])
        if ok:
            dep.compare(problems, "EventPattern", json_value(pat), json_value(r.get("EventPattern")), checked)
    if "Tags" in p:
        ok, tags = dep.resolve(p["Tags"])
        if ok:
            have_tags = {t["Key"]: t["Value"] for t in ev.list_tags_for_resource(ResourceARN=r["Arn"]).get("Tags", [])}
            dep.compare(problems, "Tags", {t["Key"]: str(t["Value"]) for t in as_list(tags)}, have_tags, checked)
    targets = ev.list_targets_by_rule(Rule=name, EventBusName=bus)["Targets"]
    want_targets = [t for t in as_list(p.get("Targets")) if isinstance(t, dict)]
    dep.compare(problems, "target count", len(want_targets), len(targets), checked)
    by_id = {t["Id"]: t for t in targets}
    for t in want_targets:
        ok, t = dep.resolve(t)
        if not ok:
            continue
        have = by_id.get(t.get("Id"))
        if have is None:
            problems.append(f"target {t.get('Id')!r} missing")
            continue
        for k in ("Arn", "SqsParameters", "Input", "InputPath", "RetryPolicy", "DeadLetterConfig"):
            if k in t:
                dep.compare(problems, f"Targets[{t['Id']}].{k}", t[k], have.get(k), checked)
    checked = list(dict.fromkeys(c.split("[")[0] if c.startswith("Targets[") else c for c in checked))
    dep.rep.check(f"{label}: " + ", ".join(checked), not problems, problems)


def verify_alarm(dep: Deployment, lid: str) -> None:
    label = f"{lid} (AWS::CloudWatch::Alarm)"
    name = dep.physical.get(lid)
    if not name:
        dep.rep.skip(label, "not created")
        return
    ok, p = dep.resolve(dep.props(lid))
    alarms = dep.c("cloudwatch").describe_alarms(AlarmNames=[name])["MetricAlarms"]
    if not alarms:
        dep.rep.check(label + " exists", False, [f"no alarm named {name}"])
        return
    a = alarms[0]
    problems: list[str] = []
    checked: list[str] = []
    if ok:
        for k in ("AlarmName", "AlarmDescription", "MetricName", "Namespace", "ComparisonOperator", "Statistic",
                  "ExtendedStatistic", "TreatMissingData", "Unit"):
            if k in p:
                dep.compare(problems, k, p[k], a.get(k), checked)
        for k in ("AlarmActions", "OKActions", "InsufficientDataActions"):
            if k in p:
                dep.compare(problems, k, sorted(as_list(p[k])), sorted(a.get(k, [])), checked)
        if "ActionsEnabled" in p:
            dep.compare(problems, "ActionsEnabled", bool_str(p["ActionsEnabled"]) == "true", a.get("ActionsEnabled"), checked)
        if "Tags" in p:
            have_tags = {t["Key"]: t["Value"] for t in dep.c("cloudwatch").list_tags_for_resource(
                ResourceARN=a["AlarmArn"]).get("Tags", [])}
            dep.compare(problems, "Tags", {t["Key"]: str(t["Value"]) for t in as_list(p["Tags"])}, have_tags, checked)
        for k in ("EvaluationPeriods", "Period", "DatapointsToAlarm"):
            if k in p:
                dep.compare(problems, k, int(p[k]), a.get(k), checked)
        if "Threshold" in p:
            dep.compare(problems, "Threshold", float(p["Threshold"]), a.get("Threshold"), checked)
        if "Dimensions" in p:
            want = sorted((d["Name"], str(d["Value"])) for d in as_list(p["Dimensions"]))
            have = sorted((d["Name"], d["Value"]) for d in a.get("Dimensions", []))
            dep.compare(problems, "Dimensions", want, have, checked)
    dep.rep.check(f"{label}: " + ", ".join(checked), not problems, problems)
    # the alarm must watch something this stack created, or it never leaves INSUFFICIENT_DATA
    dims = {d["Name"]: d["Value"] for d in a.get("Dimensions", [])}
    ns = a.get("Namespace")
    target_problem = None
    if ns == "AWS/SQS" and "QueueName" in dims:
        names = {u.rsplit("/", 1)[-1] for u in dep.c("sqs").list_queues().get("QueueUrls", [])}
        if dims["QueueName"] not in names:
            target_problem = f"QueueName {dims['QueueName']!r} is not a queue ({sorted(names)})"
    elif ns == "AWS/Events" and "RuleName" in dims:
        bus = dims.get("EventBusName", "default")
        names = {r["Name"] for r in dep.c("events").list_rules(EventBusName=bus)["Rules"]}
        if dims["RuleName"] not in names:
            target_problem = f"RuleName {dims['RuleName']!r} is not a rule on bus {bus} ({sorted(names)})"
    elif ns == "AWS/Lambda" and "FunctionName" in dims:
        names = {f["FunctionName"] for f in dep.c("lambda").list_functions()["Functions"]}
        if dims["FunctionName"] not in names:
            target_problem = f"FunctionName {dims['FunctionName']!r} is not a function"
    else:
        return
    dep.rep.check(f"{lid}: its {ns} dimensions name an existing resource", target_problem is None,
                  [target_problem] if target_problem else [])


def verify_esm(dep: Deployment, lid: str) -> None:
    p = dep.props(lid)
    label = f"{lid} (AWS::Lambda::EventSourceMapping)"
    lam = dep.c("lambda")
    uuid = dep.physical.get(lid)
    try:
        m = lam.get_event_source_mapping(UUID=uuid)
    except dep.mt.ClientError as e:
        dep.rep.check(label + " exists", False, [str(e)])
        return
    problems: list[str] = []
    checked: list[str] = []
    if "BatchSize" in p:
        ok, v = dep.resolve(p["BatchSize"])
        if ok:
            dep.compare(problems, "BatchSize", int(v), m.get("BatchSize"), checked)
    if "EventSourceArn" in p:
        ok, v = dep.resolve(p["EventSourceArn"])
        if ok:
            dep.compare(problems, "EventSourceArn", v, m.get("EventSourceArn"), checked)
    ok, fn = dep.resolve(p.get("FunctionName"))
    if ok and isinstance(fn, str):
        want = fn if fn.startswith("arn:") else None
        have = m.get("FunctionArn", "")
        checked.append("FunctionName")
        if (want and want.split(":")[6] != have.split(":")[6]) or (not want and have.split(":")[6] != fn):
            problems.append(f"FunctionName: template {fn!r}, mapping invokes {have!r}")
    if "Enabled" in p:
        ok, v = dep.resolve(p["Enabled"])
        if ok:
            dep.compare(problems, "Enabled", "Enabled" if bool_str(v) == "true" else "Disabled", m.get("State"), checked)
    for k in ("FunctionResponseTypes", "MaximumBatchingWindowInSeconds", "ScalingConfig", "FilterCriteria"):
        if k in p:
            ok, v = dep.resolve(p[k])
            if ok:
                if k == "MaximumBatchingWindowInSeconds":
                    v = int(v)
                dep.compare(problems, k, v, m.get(k), checked)
    # stream sources (Kinesis)
    for k in ("StartingPosition", "StartingPositionTimestamp", "ParallelizationFactor", "MaximumRetryAttempts",
              "MaximumRecordAgeInSeconds", "TumblingWindowInSeconds"):
        if k in p:
            ok, v = dep.resolve(p[k])
            if ok:
                have = m.get(k)
                if k != "StartingPosition" and have is not None:
                    v, have = float(v), float(have)
                dep.compare(problems, k, v, have, checked)
    if "BisectBatchOnFunctionError" in p:
        ok, v = dep.resolve(p["BisectBatchOnFunctionError"])
        if ok:
            dep.compare(problems, "BisectBatchOnFunctionError", bool_str(v) == "true",
                        m.get("BisectBatchOnFunctionError") in (True, "true", "True"), checked)
    if "DestinationConfig" in p:
        ok, v = dep.resolve(p["DestinationConfig"])
        if ok:
            dep.compare(problems, "DestinationConfig", v, m.get("DestinationConfig"), checked)
    dep.rep.check(f"{label}: " + ", ".join(checked), not problems, problems)

    # What AWS Lambda validates in CreateEventSourceMapping and moto does not.
    src = m.get("EventSourceArn", "")
    if src.split(":")[2:3] == ["sqs"]:
        aws_problems = []
        q_url = dep.c("sqs").get_queue_url(QueueName=src.split(":")[5])["QueueUrl"]
        qa = dep.c("sqs").get_queue_attributes(QueueUrl=q_url, AttributeNames=["All"])["Attributes"]
        fn_cfg = lam.get_function_configuration(FunctionName=m["FunctionArn"])
        vt, timeout = int(qa.get("VisibilityTimeout", 30)), int(fn_cfg.get("Timeout", 3))
        if vt < timeout:
            aws_problems.append(f"Queue visibility timeout: {vt} seconds is less than Function timeout: {timeout} seconds")
        window = int(m.get("MaximumBatchingWindowInSeconds") or 0)
        fifo = qa.get("FifoQueue") == "true"
        if fifo and window:
            aws_problems.append("Batching window is not supported for FIFO queues")
        if not fifo and int(m.get("BatchSize", 10)) > 10 and window < 1:
            aws_problems.append("Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10")
        fn_note = "" if fn_cfg["FunctionName"] not in (HARNESS_FUNCTION,) else " (harness function, Timeout 3)"
        dep.rep.check(f"{lid}: passes Lambda's CreateEventSourceMapping validation for SQS (visibility timeout >= "
                      f"function timeout{fn_note}, FIFO/batch-window rules)", not aws_problems, aws_problems)
    elif src.split(":")[2:3] == ["kinesis"]:
        aws_problems = []
        pos = m.get("StartingPosition") if "StartingPosition" in p else None  # moto defaults it to TRIM_HORIZON
        if pos not in ("TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"):
            aws_problems.append(f"StartingPosition is required for a stream source and must be TRIM_HORIZON, LATEST "
                                f"or AT_TIMESTAMP (template: {p.get('StartingPosition')!r})")
        if (pos == "AT_TIMESTAMP") != ("StartingPositionTimestamp" in p):
            aws_problems.append("StartingPositionTimestamp goes with StartingPosition AT_TIMESTAMP, and only with it")
        if "ScalingConfig" in p:
            aws_problems.append("ScalingConfig (maximum concurrency) is for SQS sources only")
        dest = ((m.get("DestinationConfig") or {}).get("OnFailure") or {}).get("Destination")
        if dest:
            service = dest.split(":")[2] if dest.count(":") >= 5 else ""
            if service == "sqs":
                try:
                    dep.c("sqs").get_queue_url(QueueName=dest.split(":")[5])
                except dep.mt.ClientError:
                    aws_problems.append(f"on-failure destination {dest} does not exist")
            elif service == "sns":
                try:
                    dep.c("sns").get_topic_attributes(TopicArn=dest)
                except dep.mt.ClientError:
                    aws_problems.append(f"on-failure destination {dest} does not exist")
            elif service != "s3":
                aws_problems.append(f"on-failure destination {dest} is not an SQS queue, SNS topic or S3 bucket")
        dep.rep.check(f"{lid}: passes Lambda's CreateEventSourceMapping validation for Kinesis (StartingPosition, "
                      "on-failure destination exists)", not aws_problems, aws_problems)


def verify_function(dep: Deployment, lid: str) -> None:
    p = dep.props(lid)
    label = f"{lid} (AWS::Lambda::Function)"
    try:
        cfg = dep.c("lambda").get_function_configuration(FunctionName=dep.physical.get(lid))
    except dep.mt.ClientError as e:
        dep.rep.check(label + " exists", False, [str(e)])
        return
    problems: list[str] = []
    checked: list[str] = []
    for k in ("FunctionName", "Runtime", "Handler", "Description"):
        if k in p:
            ok, v = dep.resolve(p[k])
            if ok:
                dep.compare(problems, k, v, cfg.get(k), checked)
    for k in ("Timeout", "MemorySize"):
        if k in p:
            ok, v = dep.resolve(p[k])
            if ok:
                dep.compare(problems, k, int(v), cfg.get(k), checked)
    if "Role" in p:
        ok, v = dep.resolve(p["Role"])
        if ok:
            dep.compare(problems, "Role", v, cfg.get("Role"), checked)
    if "Environment" in p:
        ok, v = dep.resolve(p["Environment"])
        if ok:
            dep.compare(problems, "Environment.Variables", {k: str(x) for k, x in (v.get("Variables") or {}).items()},
                        (cfg.get("Environment") or {}).get("Variables", {}), checked)
    if "Architectures" in p:
        ok, v = dep.resolve(p["Architectures"])
        if ok and v != cfg.get("Architectures") and cfg.get("Architectures") == ["x86_64"]:
            # moto/awslambda/models.py LambdaFunction.create_from_cloudformation_json copies only Code, Handler,
            # Role, Runtime and the optional_properties tuple (Description, MemorySize, Publish, Timeout,
            # VpcConfig, Environment, ReservedConcurrentExecutions) into the spec: Architectures is dropped
            # and the function gets the default ["x86_64"].
            dep.rep.note(f"{lid}.Architectures {v} not verified: moto's CloudFormation ignores Architectures on "
                         "AWS::Lambda::Function and deploys x86_64 (moto/awslambda/models.py "
                         "LambdaFunction.create_from_cloudformation_json)")
        elif ok:
            dep.compare(problems, "Architectures", v, cfg.get("Architectures"), checked)
    dep.rep.check(f"{label}: " + ", ".join(checked), not problems, problems)


def verify_log_group(dep: Deployment, lid: str) -> None:
    p = dep.props(lid)
    label = f"{lid} (AWS::Logs::LogGroup)"
    ok, name = dep.resolve(p.get("LogGroupName", dep.physical.get(lid)))
    groups = [g for g in dep.c("logs").describe_log_groups(logGroupNamePrefix=str(name)).get("logGroups", [])
              if g["logGroupName"] == name]
    problems: list[str] = []
    checked = ["LogGroupName"]
    if not groups:
        problems.append(f"no log group named {name!r}")
    elif "RetentionInDays" in p:
        dep.compare(problems, "RetentionInDays", int(p["RetentionInDays"]), groups[0].get("retentionInDays"), checked)
    dep.rep.check(f"{label}: " + ", ".join(checked), not problems, problems)


def verify_topic(dep: Deployment, lid: str) -> None:
    p = dep.props(lid)
    label = f"{lid} (AWS::SNS::Topic)"
    arn = dep.physical.get(lid)
    sns = dep.c("sns")
    try:
        attrs = sns.get_topic_attributes(TopicArn=arn)["Attributes"]
    except (dep.mt.ClientError, dep.mt.BotoCoreError) as e:
        dep.rep.check(label + " exists", False, [str(e)])
        return
    problems: list[str] = []
    checked: list[str] = []
    if "TopicName" in p:
        ok, v = dep.resolve(p["TopicName"])
        if ok:
            dep.compare(problems, "TopicName", v, str(arn).split(":")[-1], checked)
    for k in ("FifoTopic", "ContentBasedDeduplication"):
        if k in p:
            ok, v = dep.resolve(p[k])
            if ok:
                dep.compare(problems, k, bool_str(v), bool_str(attrs.get(k, False)), checked)
    for k in ("KmsMasterKeyId", "DisplayName"):
        if k in p:
            ok, v = dep.resolve(p[k])
            if ok:
                dep.compare(problems, k, v, attrs.get(k), checked)
    if "Tags" in p:
        ok, tags = dep.resolve(p["Tags"])
        have = {t["Key"]: t["Value"] for t in sns.list_tags_for_resource(ResourceArn=arn).get("Tags", [])}
        if ok and not have:
            # moto/sns/models.py Topic.create_from_cloudformation_json -> SNSBackend.create_topic(name, properties):
            # every property becomes a setattr on the topic; Tags lands on Topic.tags, not the _tags it lists.
            dep.rep.note(f"{lid}.Tags not verified: moto's CloudFormation does not store AWS::SNS::Topic Tags "
                         "(moto/sns/models.py SNSBackend.create_topic)")
        elif ok:
            dep.compare(problems, "Tags", {t["Key"]: str(t["Value"]) for t in as_list(tags)}, have, checked)
    dep.rep.check(f"{label}: " + (", ".join(checked) or "exists"), not problems, problems)


def verify_subscription(dep: Deployment, lid: str) -> None:
    label = f"{lid} (AWS::SNS::Subscription)"
    arn = dep.physical.get(lid)
    if not arn:
        dep.rep.skip(label, "not created")
        return
    ok, p = dep.resolve(dep.props(lid))
    if not ok:
        dep.rep.check(label, False, [f"cannot resolve properties: {p}"])
        return
    attrs = dep.c("sns").get_subscription_attributes(SubscriptionArn=arn)["Attributes"]
    problems: list[str] = []
    checked: list[str] = []
    for k in ("TopicArn", "Protocol", "Endpoint"):
        if k in p:
            dep.compare(problems, k, p[k], attrs.get(k), checked)
    if "RawMessageDelivery" in p:
        dep.compare(problems, "RawMessageDelivery", bool_str(p["RawMessageDelivery"]),
                    bool_str(attrs.get("RawMessageDelivery", "false")), checked)
    for k in ("FilterPolicy", "RedrivePolicy", "DeliveryPolicy"):
        if k in p:
            dep.compare(problems, k, json_value(p[k]), json_value(attrs.get(k)), checked)
    if "FilterPolicy" in p:
        dep.compare(problems, "FilterPolicyScope", p.get("FilterPolicyScope", "MessageAttributes"),
                    attrs.get("FilterPolicyScope"), checked)
    topics = {t["TopicArn"] for t in dep.c("sns").list_topics().get("Topics", [])}
    if p.get("TopicArn") not in topics:
        problems.append(f"TopicArn {p.get('TopicArn')} is not a topic")
    if p.get("Protocol") == "sqs" and isinstance(p.get("Endpoint"), str):
        try:
            qa = dep.c("sqs").get_queue_attributes(
                QueueUrl=dep.c("sqs").get_queue_url(QueueName=p["Endpoint"].split(":")[-1])["QueueUrl"],
                AttributeNames=["FifoQueue"])["Attributes"]
            checked.append("endpoint queue exists")
            if qa.get("FifoQueue") == "true" and not str(p.get("TopicArn", "")).endswith(".fifo"):
                problems.append("a FIFO queue subscribed to a standard topic receives nothing")
        except dep.mt.ClientError:
            problems.append(f"Endpoint {p['Endpoint']} is not a queue")
    dep.rep.check(f"{label}: " + ", ".join(checked), not problems, problems)


def verify_stream(dep: Deployment, lid: str) -> None:
    p = dep.props(lid)
    label = f"{lid} (AWS::Kinesis::Stream)"
    name = dep.physical.get(lid)
    kin = dep.c("kinesis")
    try:
        d = kin.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]
    except (dep.mt.ClientError, dep.mt.BotoCoreError) as e:
        dep.rep.check(label + " exists", False, [str(e)])
        return
    problems: list[str] = []
    checked: list[str] = []
    if "Name" in p:
        ok, v = dep.resolve(p["Name"])
        if ok:
            dep.compare(problems, "Name", v, d.get("StreamName"), checked)
    if "ShardCount" in p:
        ok, v = dep.resolve(p["ShardCount"])
        if ok:
            dep.compare(problems, "ShardCount", int(v), d.get("OpenShardCount"), checked)
    if "RetentionPeriodHours" in p:
        ok, v = dep.resolve(p["RetentionPeriodHours"])
        if ok:
            dep.compare(problems, "RetentionPeriodHours", int(v), d.get("RetentionPeriodHours"), checked)
    if "Tags" in p:
        ok, tags = dep.resolve(p["Tags"])
        if ok:
            have = {t["Key"]: t["Value"] for t in kin.list_tags_for_stream(StreamName=name).get("Tags", [])}
            dep.compare(problems, "Tags", {t["Key"]: str(t["Value"]) for t in as_list(tags)}, have, checked)
    ignored = [k for k in ("StreamModeDetails", "StreamEncryption") if k in p]
    if ignored:
        # moto/kinesis/models.py Stream.create_from_cloudformation_json reads only ShardCount,
        # RetentionPeriodHours and Tags.
        dep.rep.note(f"{lid}: {', '.join(ignored)} not verified: moto's CloudFormation ignores them "
                     "(moto/kinesis/models.py Stream.create_from_cloudformation_json); cfn-lint and checkov check them")
    dep.rep.check(f"{label}: " + (", ".join(checked) or "exists"), not problems, problems)


VERIFIERS = {
    "AWS::SQS::Queue": verify_queue,
    "AWS::SNS::Topic": verify_topic,
    "AWS::SNS::Subscription": verify_subscription,
    "AWS::Kinesis::Stream": verify_stream,
    "AWS::Events::Rule": verify_rule,
    "AWS::CloudWatch::Alarm": verify_alarm,
    "AWS::Lambda::EventSourceMapping": verify_esm,
    "AWS::Lambda::Function": verify_function,
    "AWS::Logs::LogGroup": verify_log_group,
}


# -- event delivery -----------------------------------------------------------------------

def event_files(manifest: Path, syslevel: str) -> list[tuple[str, Path]]:
    base = manifest.parent / "events"
    out = []
    for kind in ("match", "nomatch"):
        for d in (base / kind, base / syslevel / kind):
            if d.is_dir():
                out += [(kind, f) for f in sorted(d.glob("*.json"))]
    return out


def deliver_events(dep: Deployment, files: list[tuple[str, Path]]) -> None:
    rep, mt = dep.rep, dep.mt
    queues = dep.stack_queues()
    lam = dep.c("lambda")
    # rules with an SQS-queue-of-this-stack or Lambda target
    rules = []
    for lid, _ in dep.of_type("AWS::Events::Rule"):
        p = dep.props(lid)
        if "EventPattern" not in p:
            continue
        ok, bus = dep.resolve(p.get("EventBusName", "default"))
        ok2, state = dep.resolve(p.get("State", "ENABLED"))
        targets = []
        for t in as_list(p.get("Targets")):
            okt, t = dep.resolve(t)
            if not okt or not isinstance(t, dict):
                continue
            arn = t.get("Arn", "")
            if arn in queues:
                esms = [e for e in lam.list_event_source_mappings(EventSourceArn=arn)["EventSourceMappings"]
                        if e.get("State") == "Enabled"]
                targets.append({"kind": "sqs", "arn": arn, "lid": queues[arn][0], "url": queues[arn][1],
                                "esms": esms, "target": t})
            elif arn.split(":")[2:3] == ["lambda"]:
                targets.append({"kind": "lambda", "arn": arn, "target": t})
        if targets:
            rules.append({"lid": lid, "bus": bus, "state": state, "targets": targets})
    if not rules:
        rep.skip("event delivery", "no EventBridge rule with an event pattern and an SQS-queue or Lambda target")
        return
    buses = list(dict.fromkeys(r["bus"] for r in rules))
    # moto runs the event source mapping synchronously inside SendMessage (sqs Queue.add_message);
    # there is no poller, so a delayed message would never reach the function.
    for rule in rules:
        for tg in rule["targets"]:
            if tg["kind"] == "sqs":
                attrs = dep.c("sqs").get_queue_attributes(QueueUrl=tg["url"], AttributeNames=["DelaySeconds"])
                if int(attrs.get("Attributes", {}).get("DelaySeconds", 0)):
                    dep.c("sqs").set_queue_attributes(QueueUrl=tg["url"], Attributes={"DelaySeconds": "0"})
                    rep.note(f"{tg['lid']}: DelaySeconds set to 0 for the delivery test (moto has no poller "
                             "that would pick the message up later)")
    for kind, f in files:
        label = f"event {kind}/{f.name}"
        try:
            ev = json.loads(f.read_text().replace("${syslevel}", dep.syslevel))
            entry = {"Source": ev["Source"], "DetailType": ev["DetailType"],
                     "Detail": ev["Detail"] if isinstance(ev["Detail"], str) else json.dumps(ev["Detail"])}
            if "Resources" in ev:
                entry["Resources"] = ev["Resources"]
        except (ValueError, KeyError, OSError) as e:
            rep.check(label, False, [f"cannot read {f}: {e} (want {{Source, DetailType, Detail}})"])
            continue
        mt.recorded.clear()
        ids = set()
        problems: list[str] = []
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for bus in buses:
                r = dep.c("events").put_events(Entries=[{**entry, "EventBusName": bus}])
                if r.get("FailedEntryCount"):
                    problems.append(f"PutEvents on {bus} failed: {r['Entries']}")
                ids.update(e.get("EventId") for e in r["Entries"] if e.get("EventId"))
        warn_msgs = [str(w.message) for w in caught if "EventBridge" in str(w.message)]

        def is_this(body: Any, target: dict[str, Any]) -> bool:
            t = target["target"]
            if "Input" in t or "InputPath" in t or "InputTransformer" in t:
                return True  # transformed payloads carry no event id: any delivery counts
            b = json_value(body) if isinstance(body, str) else body
            return isinstance(b, dict) and b.get("id") in ids

        def content_problems(body: Any, target: dict[str, Any]) -> list[str]:
            t = target["target"]
            b = json_value(body) if isinstance(body, str) else body
            if "Input" in t:
                return [] if b == json_value(t["Input"]) else [f"body {body!r} is not the target's Input"]
            if "InputPath" in t or "InputTransformer" in t:
                return []
            want = {"source": ev["Source"], "detail-type": ev["DetailType"], "detail": json_value(entry["Detail"])}
            have = {k: b.get(k) for k in want} if isinstance(b, dict) else b
            return [] if have == want else [f"delivered {have!r}, sent {want!r}"]

        observations = []   # (rule, target, where) where in {"function", "queue"}
        seen_anywhere = []
        for rule in rules:
            for tg in rule["targets"]:
                if tg["kind"] == "sqs":
                    got = []
                    for rec in mt.recorded:
                        if rec["via"] == "sqs" and rec["queue"] == tg["arn"]:
                            for r in rec["event"]["Records"]:
                                if is_this(r["body"], tg):
                                    got.append((rec["function"], r))
                    filtered = [r for rec in mt.recorded if rec["via"] == "sqs-filtered-out" and rec["queue"] == tg["arn"]
                                for r in rec["event"]["Records"] if is_this(r["body"], tg)]
                    left = []
                    sqs = dep.c("sqs")
                    while True:
                        msgs = sqs.receive_message(QueueUrl=tg["url"], MaxNumberOfMessages=10, WaitTimeSeconds=0,
                                                   AttributeNames=["All"]).get("Messages", [])
                        if not msgs:
                            break
                        for msg in msgs:
                            sqs.delete_message(QueueUrl=tg["url"], ReceiptHandle=msg["ReceiptHandle"])
                            if is_this(msg["Body"], tg):
                                left.append(msg)
                    where = []
                    for fn_arn, r in got:
                        where.append(f"function {fn_arn.split(':')[6]} via {tg['lid']}")
                        problems += content_problems(r["body"], tg)
                        gid = (tg["target"].get("SqsParameters") or {}).get("MessageGroupId")
                        if gid and r["attributes"].get("MessageGroupId") != gid:
                            problems.append(f"MessageGroupId {r['attributes'].get('MessageGroupId')!r}, target says {gid!r}")
                    for msg in left:
                        where.append(f"queue {tg['lid']} (not consumed)")
                        problems += content_problems(msg["Body"], tg)
                    if filtered:
                        where.append(f"queue {tg['lid']}, then dropped by the mapping's FilterCriteria")
                    tg_seen = bool(got) or (bool(left) and not tg["esms"])
                    if left and tg["esms"]:
                        problems.append(f"{tg['lid']} has an enabled event source mapping but the message stayed in the queue")
                    observations.append((rule, tg, tg_seen, where))
                    seen_anywhere += where
                else:
                    got = [rec for rec in mt.recorded if rec["via"] == "events" and rec["function"] == tg["arn"]
                           and is_this(rec["event"], tg)]
                    where = [f"function {tg['arn'].split(':')[6]} (rule target)" for _ in got]
                    for rec in got:
                        problems += content_problems(rec["event"], tg)
                    observations.append((rule, tg, bool(got), where))
                    seen_anywhere += where
        enabled_rules = [r for r in rules if r["state"] == "ENABLED"]
        reached = [o for o in observations if o[2]]
        summary = "reached: " + ("; ".join(seen_anywhere) if seen_anywhere else "nothing")
        if kind == "match":
            if not enabled_rules:
                expect = "no delivery (every rule is " + ", ".join(sorted({str(r['state']) for r in rules})) + ")"
                ok = not reached and not any(o[3] for o in observations)
            else:
                expect = ("a consumer: the function through an enabled event source mapping, a Lambda target, "
                          "or the queue itself when nothing consumes it")
                ok = bool(reached)
        else:
            expect = "no delivery"
            ok = not reached and not any("not consumed" in w or w.startswith("function") for o in observations for w in o[3])
        details = ([f"expected {expect}; {summary}"] + problems + [f"moto: {w}" for w in warn_msgs]
                   + [f"harness: {n}" for n in mt.emulated_notes])
        mt.emulated_notes.clear()
        rep.check(f"{label}: " + ("delivered" if kind == "match" and enabled_rules else "not delivered"),
                  ok and not problems, details)


def publish_files(manifest: Path, syslevel: str) -> list[tuple[str, Path]]:
    base = manifest.parent / "events"
    out = []
    for kind in ("match", "nomatch"):
        for d in (base / "publish" / kind, base / syslevel / "publish" / kind):
            if d.is_dir():
                out += [(kind, f) for f in sorted(d.glob("*.json"))]
    return out


def _sns_attributes(attrs: Any) -> dict[str, Any]:
    """{"eventType": "OrderPlaced"} or the API's {"eventType": {"DataType", "StringValue"}}."""
    out = {}
    for k, v in (attrs or {}).items():
        if isinstance(v, dict):
            out[k] = v
        elif isinstance(v, (int, float)) and not isinstance(v, bool):
            out[k] = {"DataType": "Number", "StringValue": str(v)}
        elif isinstance(v, list):
            out[k] = {"DataType": "String.Array", "StringValue": json.dumps(v)}
        else:
            out[k] = {"DataType": "String", "StringValue": str(v)}
    return out


def _drain(dep: Deployment, url: str) -> list[dict[str, Any]]:
    sqs, left = dep.c("sqs"), []
    while True:
        msgs = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=0, AttributeNames=["All"],
                                   MessageAttributeNames=["All"]).get("Messages", [])
        if not msgs:
            return left
        for msg in msgs:
            sqs.delete_message(QueueUrl=url, ReceiptHandle=msg["ReceiptHandle"])
            left.append(msg)


def deliver_published(dep: Deployment, files: list[tuple[str, Path]]) -> None:
    """snssqsdlq: publish each events/publish/{match,nomatch}/*.json to the topic of every SNS
    subscription of the template and follow it through the subscription's filter policy and raw
    delivery setting, the queue and the event source mapping to the function."""
    rep, mt, sqs, lam = dep.rep, dep.mt, dep.c("sqs"), dep.c("lambda")
    subs = []
    for lid, _ in dep.of_type("AWS::SNS::Subscription"):
        ok, p = dep.resolve(dep.props(lid))
        if not ok or p.get("Protocol") != "sqs" or not isinstance(p.get("Endpoint"), str):
            continue
        qarn = p["Endpoint"]
        try:
            url = sqs.get_queue_url(QueueName=qarn.split(":")[5])["QueueUrl"]
        except dep.mt.ClientError:
            continue
        esms = [e for e in lam.list_event_source_mappings(EventSourceArn=qarn)["EventSourceMappings"]
                if e.get("State") == "Enabled"]
        subs.append({"lid": lid, "topic": p.get("TopicArn"), "queue": qarn, "url": url, "esms": esms,
                     "raw": bool_str(p.get("RawMessageDelivery", False)) == "true"})
        if int(sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["DelaySeconds"])["Attributes"].get("DelaySeconds", 0)):
            sqs.set_queue_attributes(QueueUrl=url, Attributes={"DelaySeconds": "0"})
            rep.note(f"{qarn.split(':')[-1]}: DelaySeconds set to 0 for the delivery test (moto has no poller)")
    if not subs:
        rep.skip("publish delivery", "no SNS subscription to an SQS queue")
        return
    topics = list(dict.fromkeys(s["topic"] for s in subs))
    sns = dep.c("sns")
    for kind, f in files:
        label = f"publish {kind}/{f.name}"
        try:
            ev = json.loads(f.read_text().replace("${syslevel}", dep.syslevel))
            message = ev["Message"] if isinstance(ev["Message"], str) else json.dumps(ev["Message"])
            attrs = _sns_attributes(ev.get("MessageAttributes"))
        except (ValueError, KeyError, OSError) as e:
            rep.check(label, False, [f"cannot read {f}: {e} (want {{Message, MessageAttributes?, MessageGroupId?}})"])
            continue
        mt.recorded.clear()
        problems: list[str] = []
        ids, groups = set(), {}
        for topic in topics:
            kwargs: dict[str, Any] = {"TopicArn": topic, "Message": message}
            if attrs:
                kwargs["MessageAttributes"] = attrs
            if "Subject" in ev:
                kwargs["Subject"] = ev["Subject"]
            if str(topic).endswith(".fifo"):
                kwargs["MessageGroupId"] = groups[topic] = str(ev.get("MessageGroupId", "conformance"))
                ta = sns.get_topic_attributes(TopicArn=topic)["Attributes"]
                if "MessageDeduplicationId" in ev or bool_str(ta.get("ContentBasedDeduplication", False)) != "true":
                    kwargs["MessageDeduplicationId"] = str(ev.get("MessageDeduplicationId", f"{f.stem}-{time.time_ns()}"))
            try:
                ids.add(sns.publish(**kwargs)["MessageId"])
            except (dep.mt.ClientError, dep.mt.BotoCoreError) as e:
                problems.append(f"Publish to {topic} failed: {e}")

        def unwrap(body: str, sub: dict[str, Any]) -> tuple[bool, list[str]]:
            """(is this message, content problems)"""
            if sub["raw"]:
                return (body == message, [])
            env = json_value(body)
            if not isinstance(env, dict) or env.get("MessageId") not in ids:
                if body == message:
                    return True, ["the body is the bare message, but RawMessageDelivery is off (expected the SNS envelope)"]
                return False, []
            probs = [] if env.get("Message") == message else [f"envelope Message {env.get('Message')!r} is not the published message"]
            return True, probs

        reached, where = False, []
        for sub in subs:
            name = sub["queue"].split(":")[-1]
            got = [r for rec in mt.recorded if rec["via"] == "sqs" and rec["queue"] == sub["queue"]
                   for r in rec["event"]["Records"]]
            filtered = [r for rec in mt.recorded if rec["via"] == "sqs-filtered-out" and rec["queue"] == sub["queue"]
                        for r in rec["event"]["Records"] if unwrap(r["body"], sub)[0]]
            for r in got:
                mine, probs = unwrap(r["body"], sub)
                if not mine:
                    continue
                reached = True
                where.append(f"function via {name}")
                problems += probs
                if sub["raw"] and r["body"] != message:
                    problems.append(f"body {r['body']!r} is not the published message {message!r} (raw delivery)")
                if sub["raw"]:
                    for k, v in attrs.items():
                        have = (r.get("messageAttributes") or {}).get(k, {})
                        if have.get("stringValue") != v.get("StringValue"):
                            problems.append(f"message attribute {k}: published {v.get('StringValue')!r}, record has {have!r}")
                gid = groups.get(sub["topic"])
                if gid and sub["queue"].endswith(".fifo") and r["attributes"].get("MessageGroupId") != gid:
                    problems.append(f"MessageGroupId {r['attributes'].get('MessageGroupId')!r}, published {gid!r}")
            left = [m for m in _drain(dep, sub["url"]) if unwrap(m["Body"], sub)[0]]
            for m in left:
                where.append(f"queue {name} (not consumed)")
                problems += unwrap(m["Body"], sub)[1]
                if sub["esms"]:
                    problems.append(f"{name} has an enabled event source mapping but the message stayed in the queue")
                else:
                    reached = True
            if filtered:
                where.append(f"queue {name}, then dropped by the mapping's FilterCriteria")
        summary = "reached: " + ("; ".join(where) if where else "nothing (the subscription's filter policy or no route)")
        if kind == "match":
            ok = reached
            expect = "the function through the queue (or the queue itself when no mapping is enabled)"
        else:
            ok = not any(w.startswith("function") or "not consumed" in w for w in where)
            expect = "no delivery (the subscription's filter policy drops it)"
        rep.check(f"{label}: " + ("delivered" if kind == "match" else "not delivered"), ok and not problems,
                  [f"expected {expect}; {summary}"] + problems)


def deliver_kinesis(dep: Deployment) -> None:
    """kinesis: put one record on each mapped stream; moto's Stream.put_record hands it to the
    mapping at once (moto/kinesis/models.py Stream.put_record -> LambdaBackend.send_kinesis_message),
    one record per invocation."""
    rep, mt, lam, kin = dep.rep, dep.mt, dep.c("lambda"), dep.c("kinesis")
    import base64
    for lid, _ in dep.of_type("AWS::Lambda::EventSourceMapping"):
        uuid = dep.physical.get(lid)
        if not uuid:
            continue
        m = lam.get_event_source_mapping(UUID=uuid)
        src = m.get("EventSourceArn", "")
        if src.split(":")[2:3] != ["kinesis"]:
            continue
        stream = src.split("/", 1)[-1]
        enabled = m.get("State") == "Enabled"
        label = (f"{lid}: a record put on {stream} " + ("reaches" if enabled else "does not reach (mapping disabled)")
                 + f" {m['FunctionArn'].split(':')[6]}")
        if m.get("FilterCriteria"):
            rep.skip(label, "the mapping has FilterCriteria; the harness sends no stream events of its own through a filter")
            continue
        payload = json.dumps({"conformance": lid, "syslevel": dep.syslevel, "n": time.time_ns()}).encode()
        mt.recorded.clear()
        r = kin.put_record(StreamARN=src, Data=payload, PartitionKey="conformance")
        got = [rec for rec in mt.recorded if rec["via"] == "kinesis" and rec["stream"] == src]
        problems = []
        for rec in got:
            for rr in rec["event"]["Records"]:
                if rec["function"] != m["FunctionArn"]:
                    problems.append(f"invoked {rec['function']}, the mapping names {m['FunctionArn']}")
                try:
                    data = base64.b64decode(rr["kinesis"]["data"])
                except (ValueError, TypeError):
                    data = rr["kinesis"]["data"]
                if data != payload:
                    problems.append(f"record data {data!r} is not what was put ({payload!r})")
                if rr["eventID"] != f"{r['ShardId']}:{r['SequenceNumber']}":
                    problems.append(f"eventID {rr['eventID']}, put_record returned {r['ShardId']}:{r['SequenceNumber']}")
        if enabled and not got:
            problems.append("the function received nothing")
        if not enabled and got:
            problems.append("a disabled mapping delivered the record")
        rep.check(label, not problems, problems)


# -- the manifest's settings, as `triggerc resolve` reports them, against what moto created ----------


def resolve_all(triggerc: str, pairs: list[tuple[Path, str]]) -> dict[tuple[Path, str], Any]:
    """`triggerc resolve MANIFEST -s L --format json` for every pair, a few at a time.
    Value: the resolved document with provenance stripped, or an error string."""
    from concurrent.futures import ThreadPoolExecutor

    def strip(x: Any) -> Any:
        if isinstance(x, dict) and "value" in x and "provenance" in x:
            return x["value"]
        if isinstance(x, dict):
            return {k: strip(v) for k, v in x.items()}
        return x

    def one(pair: tuple[Path, str]) -> Any:
        m, lvl = pair
        try:
            proc = subprocess.run([triggerc, "resolve", os.path.relpath(m), "-s", lvl, "--format", "json"],
                                  capture_output=True, text=True, timeout=60)
            if proc.returncode != 0:
                return f"triggerc resolve exited {proc.returncode}: {proc.stderr.strip()[-500:]}"
            return strip(json.loads(proc.stdout))
        except (OSError, ValueError, subprocess.TimeoutExpired) as e:
            return f"triggerc resolve failed: {e}"

    with ThreadPoolExecutor(max_workers=8) as pool:
        return dict(zip(pairs, pool.map(one, pairs)))


def _subst(v: Any) -> Any:
    if isinstance(v, str):
        r = sub_pseudo(v.replace("$${", "${!"), {})
        return r if r is not None else v
    if isinstance(v, list):
        return [_subst(x) for x in v]
    if isinstance(v, dict):
        return {k: _subst(x) for k, x in v.items()}
    return v


class SettingsProbe:
    """Compares resolved manifest settings with the deployed resources, found by name."""

    def __init__(self, dep: Deployment) -> None:
        self.dep = dep
        self.problems: list[str] = []
        self.checked: list[str] = []
        self._alarms: list[dict[str, Any]] | None = None

    def eq(self, what: str, want: Any, have: Any) -> None:
        self.checked.append(what)
        if want != have:
            self.problems.append(f"{what}: manifest {want!r}, deployed {have!r}")

    def queue(self, name: str) -> dict[str, str] | None:
        sqs = self.dep.c("sqs")
        try:
            url = sqs.get_queue_url(QueueName=name)["QueueUrl"]
        except self.dep.mt.ClientError:
            return None
        attrs = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
        attrs["_url"] = url
        return attrs

    def esm(self, source_arn: str) -> dict[str, Any] | None:
        found = self.dep.c("lambda").list_event_source_mappings(EventSourceArn=source_arn)["EventSourceMappings"]
        return found[0] if found else None

    def alarms(self) -> list[dict[str, Any]]:
        if self._alarms is None:
            self._alarms = self.dep.c("cloudwatch").describe_alarms()["MetricAlarms"]
        return self._alarms

    def alarm(self, namespace: str, metric: str, dim: str, value: str) -> dict[str, Any] | None:
        for a in self.alarms():
            dims = {d["Name"]: d["Value"] for d in a.get("Dimensions", [])}
            if a.get("Namespace") == namespace and a.get("MetricName") == metric and dims.get(dim) == value:
                return a
        return None


def check_manifest_settings(dep: Deployment, resolved: Any) -> None:
    rep = dep.rep
    if isinstance(resolved, str):
        rep.check("manifest settings (triggerc resolve)", False, [resolved])
        return
    triggers = resolved.get("triggers") or ({"": resolved["trigger"]} if resolved.get("trigger") else {})
    fn = resolved.get("function") or {}
    for tname, trig in triggers.items():
        pr = SettingsProbe(dep)
        guarded(rep, f"manifest settings of trigger {tname or trig.get('type')}", _check_trigger, dep, pr, trig, fn)
        compared = list(dict.fromkeys(pr.checked))
        label = (f"manifest settings (triggerc resolve -s {dep.syslevel}) are what was deployed: "
                 + (f"trigger {tname}, " if tname else "") + f"{trig.get('type')}, bundled {str(trig.get('bundled')).lower()}"
                 + f" ({len(compared)} compared)")
        rep.check(label, not pr.problems and bool(compared),
                  pr.problems + ["compared: " + ", ".join(compared) if compared else "nothing compared"])


def _check_trigger(dep: Deployment, pr: SettingsProbe, trig: dict[str, Any], fn: dict[str, Any]) -> None:
    t, bundled = trig.get("type"), trig.get("bundled", True)
    S = _subst(trig.get("settings") or {})
    P = _subst(trig.get("parameters") or {})
    enabled = S.get("triggerEnabled", True)
    arn = lambda service, name: f"arn:{PARTITION}:{service}:{REGION}:{ACCOUNT}:{name}"  # noqa: E731

    def queue_settings(name: str, role: str, retention_key: str | None) -> dict[str, str] | None:
        q = pr.queue(name)
        pr.checked.append(f"{role} name")
        if q is None:
            pr.problems.append(f"{role} {name!r} does not exist")
            return None
        if retention_key and retention_key in S:
            pr.eq(f"{retention_key}", str(S[retention_key]), q.get("MessageRetentionPeriod"))
        enc = S.get("queueEncryption")
        if enc == "SQS":
            pr.eq(f"queueEncryption ({role})", "true", q.get("SqsManagedSseEnabled"))
        elif enc == "KMS":
            pr.eq(f"queueKmsMasterKeyId ({role})", S.get("queueKmsMasterKeyId"), q.get("KmsMasterKeyId"))
        fifo = S.get("queueType") == "FIFO"
        if "queueType" in S:
            pr.eq(f"queueType ({role})", "true" if fifo else "false", q.get("FifoQueue", "false"))
        return q

    def esm_settings(src: str, kind: str) -> None:
        m = pr.esm(src)
        pr.checked.append("event source mapping")
        if m is None:
            pr.problems.append(f"no event source mapping reads {src}")
            return
        want_state = "Enabled" if S.get("eventSourceEnabled", True) and enabled else "Disabled"
        pr.eq("eventSourceEnabled/triggerEnabled", want_state, m.get("State"))
        if "batchSize" in S:
            pr.eq("batchSize", S["batchSize"], m.get("BatchSize"))
        if "maximumBatchingWindowInSeconds" in S:
            pr.eq("maximumBatchingWindowInSeconds", S["maximumBatchingWindowInSeconds"],
                  m.get("MaximumBatchingWindowInSeconds") or 0)
        if "reportBatchItemFailures" in S:
            pr.eq("reportBatchItemFailures", bool(S["reportBatchItemFailures"]),
                  "ReportBatchItemFailures" in (m.get("FunctionResponseTypes") or []))
        if "maximumConcurrency" in S:
            pr.eq("maximumConcurrency", S["maximumConcurrency"], (m.get("ScalingConfig") or {}).get("MaximumConcurrency"))
        if "filterCriteria" in P:
            want = [json_value(x) for x in as_list(P["filterCriteria"])]
            have = [json_value(f.get("Pattern")) for f in ((m.get("FilterCriteria") or {}).get("Filters") or [])]
            pr.eq("filterCriteria", want, have)
        if kind == "kinesis":
            for k, key in (("startingPosition", "StartingPosition"), ("parallelizationFactor", "ParallelizationFactor"),
                           ("maximumRetryAttempts", "MaximumRetryAttempts"),
                           ("maximumRecordAgeInSeconds", "MaximumRecordAgeInSeconds"),
                           ("bisectBatchOnFunctionError", "BisectBatchOnFunctionError")):
                if k in S:
                    pr.eq(k, S[k], m.get(key))
            dlq = arn("sqs", S["dLQueueName"]) if bundled and S.get("dLQueueName") else S.get("dLQueueArn")
            if dlq:
                pr.eq("on-failure destination (dLQueueName/dLQueueArn)", dlq,
                      ((m.get("DestinationConfig") or {}).get("OnFailure") or {}).get("Destination"))
        if fn.get("name"):
            pr.eq("function.name (mapping target)", fn["name"], m.get("FunctionArn", "").split(":")[6:7][0]
                  if m.get("FunctionArn") else None)

    def alarm_settings(queue: str | None, dlq: str | None, rule: str | None) -> None:
        specs = [("alarmDLQApproximateAgeOfOldestMessage", "AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", dlq),
                 ("alarmSQSApproximateAgeOfOldestMessage", "AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", queue),
                 ("alarmDLQApproximateNumberOfMessagesVisible", "AWS/SQS", "ApproximateNumberOfMessagesVisible",
                  "QueueName", dlq),
                 ("alarmEventsTriggeredRulesCount", "AWS/Events", "TriggeredRules", "RuleName", rule),
                 ("alarmEventsFailedInvocations", "AWS/Events", "FailedInvocations", "RuleName", rule)]
        rule_disabled = S.get("triggerEnabled") is False or S.get("ruleState") == "DISABLED"
        for prefix, ns, metric, dim, value in specs:
            mode = S.get(prefix + "Mode")
            if mode is None or value is None:
                continue
            # triggerc leaves out the silence alarm of a disabled rule: it could only ever be in ALARM.
            if prefix == "alarmEventsTriggeredRulesCount" and rule_disabled:
                mode = "disabled (the rule is disabled)"
            a = pr.alarm(ns, metric, dim, value)
            pr.checked.append(prefix + "Mode")
            if mode == "enabled" and a is None:
                pr.problems.append(f"{prefix}Mode enabled: no {ns} {metric} alarm on {dim}={value}")
                continue
            if mode != "enabled":
                if a is not None:
                    pr.problems.append(f"{prefix}Mode {mode}: alarm {a['AlarmName']} exists")
                continue
            if prefix + "Threshold" in S:
                pr.eq(prefix + "Threshold", float(S[prefix + "Threshold"]), a.get("Threshold"))
            if prefix + "Period" in S:
                pr.eq(prefix + "Period", S[prefix + "Period"], a.get("Period"))
            if "alarmActions" in S:
                pr.eq("alarmActions", sorted(S["alarmActions"]), sorted(a.get("AlarmActions", [])))
                pr.eq("alarmActions (OKActions)", sorted(S["alarmActions"]), sorted(a.get("OKActions", [])))

    queue_name = dlq_name = rule_name = None
    # queues
    if t in ("cweventsqsdlq", "sqsdlq", "snssqsdlq"):
        if bundled:
            queue_name = S.get("queueName")
            q = queue_settings(queue_name, "queue", "queueMessageRetentionPeriod") if queue_name else None
            if q is not None:
                for k, attr in (("queueVisibilityTimeout", "VisibilityTimeout"), ("queueDelaySeconds", "DelaySeconds"),
                                ("queueReceiveMessageWaitTimeSeconds", "ReceiveMessageWaitTimeSeconds")):
                    if k in S:
                        pr.eq(k, str(S[k]), q.get(attr))
                if "queueContentBasedDeduplication" in S and S.get("queueType") == "FIFO":
                    pr.eq("queueContentBasedDeduplication", bool_str(S["queueContentBasedDeduplication"]),
                          q.get("ContentBasedDeduplication", "false"))
                rp = json_value(q.get("RedrivePolicy") or "{}")
                if "queueMaxReceiveCount" in S:
                    pr.eq("queueMaxReceiveCount", int(S["queueMaxReceiveCount"]), int(rp.get("maxReceiveCount", 0)) or None)
                if S.get("dLQueueName"):
                    pr.eq("dLQueueName (redrive target)", arn("sqs", S["dLQueueName"]), rp.get("deadLetterTargetArn"))
            src = arn("sqs", queue_name) if queue_name else None
        else:
            src = S.get("queueArn")
            queue_name = src.split(":")[-1] if src else None
        if bundled and S.get("dLQueueName"):
            dlq_name = S["dLQueueName"]
            queue_settings(dlq_name, "DLQ", "dLQueueMessageRetentionPeriod")
        if src:
            esm_settings(src, "sqs")
    # rules
    if t in ("cweventsqsdlq", "cwevent", "cwschedule") and bundled:
        ev = dep.c("events")
        bus = S.get("eventBusName", "default")
        rule_name = S.get("ruleName")
        if not rule_name and queue_name:  # no ruleName: the rule that targets the trigger's queue
            for r in ev.list_rules(EventBusName=bus)["Rules"]:
                if any(x["Arn"] == arn("sqs", queue_name) for x in
                       ev.list_targets_by_rule(Rule=r["Name"], EventBusName=bus)["Targets"]):
                    rule_name = r["Name"]
        pr.checked.append("rule name")
        try:
            rule = ev.describe_rule(Name=rule_name, EventBusName=bus) if rule_name else None
        except dep.mt.ClientError:
            rule = None
        if rule is None:
            pr.problems.append(f"no rule {rule_name!r} on bus {bus!r}")
        else:
            pr.eq("ruleState/triggerEnabled", S.get("ruleState", "ENABLED") if enabled else "DISABLED", rule.get("State"))
            if "eventPattern" in P:
                pr.eq("parameters.eventPattern", P["eventPattern"], json_value(rule.get("EventPattern")))
            if "scheduleExpression" in P:
                pr.eq("parameters.scheduleExpression", P["scheduleExpression"], rule.get("ScheduleExpression"))
            if "ruleDescription" in S:
                pr.eq("ruleDescription", S["ruleDescription"], rule.get("Description"))
            targets = ev.list_targets_by_rule(Rule=rule_name, EventBusName=bus)["Targets"]
            pr.eq("rule target count", 1, len(targets))
            for tg in targets[:1]:
                if t == "cweventsqsdlq":
                    pr.eq("rule target (queueName)", arn("sqs", queue_name or ""), tg.get("Arn"))
                    if S.get("queueMessageGroupId"):
                        pr.eq("queueMessageGroupId", S["queueMessageGroupId"], (tg.get("SqsParameters") or {}).get("MessageGroupId"))
                elif fn.get("name"):
                    pr.eq("function.name (rule target)", fn["name"], tg.get("Arn", "").split(":")[6:7][0] if tg.get("Arn") else None)
                if "input" in P:
                    pr.eq("parameters.input", P["input"], json_value(tg.get("Input")))
                retry = tg.get("RetryPolicy") or {}
                if "targetMaximumRetryAttempts" in S:
                    pr.eq("targetMaximumRetryAttempts", S["targetMaximumRetryAttempts"], retry.get("MaximumRetryAttempts"))
                if "targetMaximumEventAgeInSeconds" in S:
                    pr.eq("targetMaximumEventAgeInSeconds", S["targetMaximumEventAgeInSeconds"],
                          retry.get("MaximumEventAgeInSeconds"))
                if "targetDeadLetter" in S:
                    dl = (tg.get("DeadLetterConfig") or {}).get("Arn")
                    pr.eq("targetDeadLetter", bool(S["targetDeadLetter"]), bool(dl))
                    if S["targetDeadLetter"] and t != "cweventsqsdlq" and S.get("dLQueueName"):
                        pr.eq("dLQueueName (rule target DLQ)", arn("sqs", S["dLQueueName"]), dl)
        if t != "cweventsqsdlq" and S.get("dLQueueName") and S.get("targetDeadLetter"):
            dlq_name = S["dLQueueName"]
            queue_settings(dlq_name, "rule DLQ", "dLQueueMessageRetentionPeriod")
    # topic and subscription
    if t == "snssqsdlq" and (bundled or dep.of_type("AWS::SNS::Subscription")):
        # bundled: false with queueArn wires to an existing queue only (its subscription exists already)
        sns = dep.c("sns")
        topic = arn("sns", S["topicName"]) if bundled and S.get("topicName") else S.get("topicArn")
        pr.checked.append("topic")
        try:
            ta = sns.get_topic_attributes(TopicArn=topic)["Attributes"]
            if "topicType" in S:
                pr.eq("topicType", S["topicType"] == "FIFO", bool_str(ta.get("FifoTopic", False)) == "true")
        except (dep.mt.ClientError, dep.mt.BotoCoreError):
            pr.problems.append(f"topic {topic} does not exist")
        try:
            subs = [x for x in sns.list_subscriptions_by_topic(TopicArn=topic).get("Subscriptions", [])
                    if queue_name and x.get("Endpoint") == arn("sqs", queue_name)] if topic else []
        except (dep.mt.ClientError, dep.mt.BotoCoreError):
            subs = []
        pr.checked.append("subscription")
        if not subs:
            pr.problems.append(f"no subscription of {queue_name} to {topic}")
        else:
            sa = sns.get_subscription_attributes(SubscriptionArn=subs[0]["SubscriptionArn"])["Attributes"]
            if "rawMessageDelivery" in S:
                pr.eq("rawMessageDelivery", bool_str(S["rawMessageDelivery"]), bool_str(sa.get("RawMessageDelivery", "false")))
            if "filterPolicy" in P:
                pr.eq("parameters.filterPolicy", P["filterPolicy"], json_value(sa.get("FilterPolicy")))
    # stream
    if t == "kinesis":
        kin = dep.c("kinesis")
        stream = arn("kinesis", "stream/" + S["streamName"]) if bundled and S.get("streamName") else S.get("streamArn")
        pr.checked.append("stream")
        try:
            d = kin.describe_stream_summary(StreamARN=stream)["StreamDescriptionSummary"]
            if "streamShardCount" in S:
                pr.eq("streamShardCount", S["streamShardCount"], d.get("OpenShardCount"))
        except (dep.mt.ClientError, dep.mt.BotoCoreError):
            pr.problems.append(f"stream {stream} does not exist")
        if bundled and S.get("dLQueueName"):
            dlq_name = S["dLQueueName"]
            queue_settings(dlq_name, "on-failure queue", "dLQueueMessageRetentionPeriod")
        elif S.get("dLQueueArn"):
            dlq_name = S["dLQueueArn"].split(":")[-1]
        if stream:
            esm_settings(stream, "kinesis")
    alarm_settings(queue_name if bundled else None, dlq_name, rule_name)
    # a function the template defines
    if fn.get("runtime") and fn.get("name"):
        try:
            cfg = dep.c("lambda").get_function_configuration(FunctionName=fn["name"])
            for k, key in (("runtime", "Runtime"), ("handler", "Handler"), ("timeout", "Timeout"),
                           ("memorySize", "MemorySize")):
                if k in fn:
                    pr.eq(f"function.{k}", fn[k], cfg.get(key))
            if "environment" in fn:
                pr.eq("function.environment", {k: str(v) for k, v in fn["environment"].items()},
                      (cfg.get("Environment") or {}).get("Variables", {}))
        except dep.mt.ClientError:
            pr.problems.append(f"function {fn['name']} does not exist")


# --------------------------------------------------------------------------
# main


def run_deploys(templates: list[tuple[Path, str, Path, dict[str, Any]]], rep: Report,
                resolved: dict[tuple[Path, str], Any] | None = None) -> None:
    rep.section(f"deploy into moto ({len(templates)} templates)")
    t0 = time.monotonic()
    try:
        mt = Moto()
    except ImportError as e:
        rep.subject("moto")
        rep.check("import moto and boto3", False, [str(e)])
        return
    rep.note(f"moto imported in {time.monotonic() - t0:.1f}s")
    for manifest, lvl, path, tpl in templates:
        rep.subject(f"{rel(path)} (syslevel {lvl})")
        with mt.mock_aws():
            mt.recorded.clear()
            dep = Deployment(mt, rep, path, tpl, lvl, manifest)
            deployed = []
            guarded(rep, "deploy", lambda: deployed.append(dep.deploy()))
            if not deployed or not deployed[0]:
                continue
            dep.verify()
            if resolved is not None and (manifest, lvl) in resolved:
                check_manifest_settings(dep, resolved[(manifest, lvl)])
            files = event_files(manifest, lvl)
            if files:
                guarded(rep, "event delivery", deliver_events, dep, files)
            published = publish_files(manifest, lvl)
            if published:
                guarded(rep, "publish delivery", deliver_published, dep, published)
            guarded(rep, "stream delivery", deliver_kinesis, dep)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triggerc", required=True, help="path to the triggerc binary")
    ap.add_argument("--examples", default="Examples", help="directory searched for **/trigger.yaml (default Examples)")
    ap.add_argument("--out", help="output directory for templates (default: a new temporary directory)")
    ap.add_argument("--no-deploy", action="store_true", help="compile and lint only")
    ap.add_argument("-q", "--quiet", action="store_true", help="print failures only")
    ap.add_argument("-v", "--verbose", action="store_true", help="also print informational cfn-lint findings")
    args = ap.parse_args(argv)
    rep = Report(args.quiet, args.verbose)
    start = time.monotonic()

    triggerc = args.triggerc
    if os.sep in triggerc or os.path.exists(triggerc):
        triggerc = os.path.abspath(triggerc)
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="triggerc-conformance-"))
    out.mkdir(parents=True, exist_ok=True)
    global OUT_ROOT
    OUT_ROOT = out
    print(f"triggerc: {triggerc}\nexamples: {args.examples}\noutput:   {out}")

    manifests = discover(Path(args.examples))
    rep.subject("setup")
    ok_setup = rep.check(f"found {len(manifests)} trigger.yaml under {args.examples}", bool(manifests))
    if ok_setup and not (os.path.isfile(triggerc) and os.access(triggerc, os.X_OK)):
        if not shutil.which(triggerc):
            ok_setup = rep.check(f"{triggerc} is an executable", False)
    if ok_setup:
        produced = compile_all(triggerc, manifests, out, rep)
        templates = []
        for m, lvl, path in produced:
            try:
                templates.append((m, lvl, path, json.loads(path.read_text())))
            except (ValueError, OSError) as e:
                rep.subject(rel(path))
                rep.check("template is JSON", False, [str(e)])
        lint = start_cfn_lint([t[2] for t in templates])  # runs while we deploy
        resolved = resolve_all(triggerc, list(dict.fromkeys((t[0], t[1]) for t in templates)))
        static_checks(templates, rep, resolved)
        if not args.no_deploy:
            run_deploys(templates, rep, resolved)
        finish_cfn_lint(lint, [t[2] for t in templates], rep)

    if rep.failures:
        print("\nfailed checks:")
        for f in rep.failures:
            print(f"  - {f}")
    print(f"\n(took {time.monotonic() - start:.1f}s)")
    print(f"conformance: {rep.passed} passed, {rep.failed} failed")
    return 0 if rep.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
