#!/usr/bin/env python3
"""CloudFormation conformance suite for triggerc.

    python3 Tests/Conformance/conformance.py --triggerc .build/debug/triggerc \
        [--examples Examples] [--out DIR] [--no-deploy] [-q]

For every DIR/**/trigger.yaml: compile it for all four syslevels, lint every
template with cfn-lint (errors and warnings fail), deploy every template into
moto's in-process CloudFormation, check that the created resources carry what
the template asked for, and, when the example has events/match/*.json or
events/nomatch/*.json, send those events through EventBridge -> SQS -> Lambda
and check which ones reach the function.

Event files: events/match/*.json and events/nomatch/*.json next to the manifest
apply to every syslevel; events/<syslevel>/match|nomatch/*.json to one syslevel.
Each file is one PutEvents entry {"Source", "DetailType", "Detail": {...}}
(optionally "Resources"); "${syslevel}" in the file is replaced by the syslevel.

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


def policy_documents(tpl: dict[str, Any]) -> list[tuple[str, Any]]:
    """Every policy document a template declares, with where it is."""
    docs: list[tuple[str, Any]] = []
    for lid, r in (tpl.get("Resources") or {}).items():
        if not isinstance(r, dict):
            continue
        props = r.get("Properties") or {}
        t = r.get("Type")
        if t in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::SQS::QueuePolicy",
                 "AWS::SNS::TopicPolicy", "AWS::Events::EventBusPolicy"):
            if "PolicyDocument" in props:
                docs.append((f"{lid}.PolicyDocument", props["PolicyDocument"]))
        elif t in ("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"):
            for i, p in enumerate(as_list(props.get("Policies"))):
                if isinstance(p, dict) and "PolicyDocument" in p:
                    docs.append((f"{lid}.Policies[{i}]", p["PolicyDocument"]))
    return docs


def star_resource_findings(tpl: dict[str, Any]) -> list[str]:
    """SPEC 3.1: no `*` resource in any generated policy (Allow statements)."""
    found = []
    for where, doc in policy_documents(tpl):
        doc = json_value(doc)
        if not isinstance(doc, dict):
            continue
        for i, st in enumerate(as_list(doc.get("Statement"))):
            if not isinstance(st, dict) or st.get("Effect") != "Allow":
                continue
            for r in as_list(st.get("Resource")):
                if r == "*":
                    found.append(f"{where}.Statement[{i}] allows {st.get('Action')} on Resource \"*\"")
    return found


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


def static_checks(templates: list[tuple[Path, str, Path, dict[str, Any]]], rep: Report) -> None:
    rep.section("static template checks")
    for _m, _lvl, path, tpl in templates:
        rep.subject(rel(path))
        found = star_resource_findings(tpl)
        rep.check("no Allow statement with Resource \"*\" (SPEC 3.1 least privilege)", not found, found)
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
            records = []
            for m in messages:
                attrs = {"ApproximateReceiveCount": str(getattr(m, "approximate_receive_count", 1) or 1),
                         "SentTimestamp": str(getattr(m, "sent_timestamp", "") or ""),
                         "SenderId": ACCOUNT}
                if queue_arn.endswith(".fifo"):
                    attrs["MessageGroupId"] = m.group_id
                    attrs["MessageDeduplicationId"] = m.deduplication_id
                records.append({"messageId": m.id, "receiptHandle": m.receipt_handle, "body": m.body,
                                "attributes": attrs, "messageAttributes": {}, "eventSource": "aws:sqs",
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
        for name in dict.fromkeys(wanted_fns):
            lam.create_function(FunctionName=name, Runtime="python3.12", Role=extra_role,
                                Handler="index.handler", Code={"ZipFile": self.zip}, Timeout=timeout or 3)
            self.rep.note(f"created function {name!r} that the template names but does not define (Timeout "
                          + (f"{timeout} from the manifest's function.timeout)" if timeout else "3, Lambda's default)"))

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
        guarded(self.rep, "event source mapping polling permissions", self.check_polling_permissions)

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

    def _probe(self, label: str, docs: list[Any], action: str, resource: str, rule_arn: str, other: str,
               none_msg: str) -> None:
        if not docs:
            self.rep.check(label, False, [none_msg + ": AWS would refuse the delivery (moto delivers anyway)"])
            return
        principal = ("Service", "events.amazonaws.com")
        ctx = {"aws:SourceArn": rule_arn, "aws:SourceAccount": ACCOUNT, "aws:SecureTransport": "true"}
        try:
            d1, s1 = evaluate_policies(docs, action, resource, ctx, principal)
            d2, s2 = evaluate_policies(docs, action, resource, {**ctx, "aws:SourceArn": other}, principal)
        except PolicyUnsupported as e:
            self.rep.skip(label, f"policy uses {e}, which this evaluator does not implement")
            return
        problems = []
        if d1 != "allow":
            problems.append(f"events.amazonaws.com {action} with aws:SourceArn={rule_arn}: {d1} {s1}")
        if d2 == "allow":
            problems.append(f"events.amazonaws.com {action} with aws:SourceArn={other} (another rule) is also "
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
            if src.split(":")[2:3] != ["sqs"]:
                continue
            label = f"{lid}: the function's role may poll {src.split(':')[-1]} (ReceiveMessage, DeleteMessage, GetQueueAttributes)"
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
                for action in ("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"):
                    d, sids = evaluate_policies(docs, action, src, {"aws:SecureTransport": "true"}, None)
                    if d != "allow":
                        problems.append(f"role {role_name}: {action} on {src}: {d} {sids}")
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
        dep.compare(problems, "Architectures", p["Architectures"], cfg.get("Architectures"), checked)
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


VERIFIERS = {
    "AWS::SQS::Queue": verify_queue,
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


# --------------------------------------------------------------------------
# main


def run_deploys(templates: list[tuple[Path, str, Path, dict[str, Any]]], rep: Report) -> None:
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
            files = event_files(manifest, lvl)
            if files:
                guarded(rep, "event delivery", deliver_events, dep, files)


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
        static_checks(templates, rep)
        if not args.no_deploy:
            run_deploys(templates, rep)
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
