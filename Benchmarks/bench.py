#!/usr/bin/env python3
"""The measuring half of scripts/bench: times whole processes and checks the three targets of issue #9.

    bench.py --triggerc BIN --floor BIN --work DIR --corpus-size N [--runs R] [--instructions]

Every command runs R times (the fast single-manifest ones 4R times) after one untimed warm-up; the corpus
compile and the two floors run in turns, so that they share the machine's background. The verdicts use the
median wall time, and the minimum is printed beside it because it is the number least disturbed by other
work on the machine. Output directories are removed before every run, outside the
timing. Peak memory is `/usr/bin/time -v`'s "Maximum resident set size" of one extra run.
"""
import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SEED = os.path.join(ROOT, "Examples", "seed", "trigger.yaml")
SYSLEVELS = ["ci", "eng", "sat", "prd"]


def run_once(command, cwd, expect=0):
    start = time.perf_counter()
    process = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if expect is not None and process.returncode != expect:
        sys.exit(f"bench: {' '.join(command[:3])}... exited {process.returncode}:\n{process.stderr.decode()[-2000:]}")
    return elapsed


def measure(name, command, cwd, runs, clean=(), expect=0):
    """The median and minimum wall time of `runs` runs, after one untimed warm-up run."""
    times = []
    for index in range(runs + 1):
        for path in clean:
            shutil.rmtree(path, ignore_errors=True)
        elapsed = run_once(command, cwd, expect)
        if index > 0:
            times.append(elapsed)
    median, best = statistics.median(times), min(times)
    print(f"  {name:<44} median {median * 1000:9.1f} ms   min {best * 1000:9.1f} ms   ({runs} runs)")
    return median, best


def measure_alternating(specs, cwd, runs):
    """`measure` for several commands run in turn, one run of each per round, after one untimed warm-up round.

    The corpus compile and the floor are compared with each other; run in separate blocks, a change in the
    machine's other work between the blocks (it is shared) went into their ratio. In turns, both see the same
    background. `specs` holds (name, command, clean) triples; the result, (median, minimum) per command.
    """
    times = [[] for _ in specs]
    for index in range(runs + 1):
        for position, (_, command, clean) in enumerate(specs):
            for path in clean:
                shutil.rmtree(path, ignore_errors=True)
            elapsed = run_once(command, cwd)
            if index > 0:
                times[position].append(elapsed)
    results = []
    for (name, _, _), samples in zip(specs, times):
        median, best = statistics.median(samples), min(samples)
        print(f"  {name:<44} median {median * 1000:9.1f} ms   min {best * 1000:9.1f} ms   ({runs} runs)")
        results.append((median, best))
    return results


def peak_memory(command, cwd, clean=()):
    """Maximum resident set size in KiB, as /usr/bin/time -v reports it."""
    for path in clean:
        shutil.rmtree(path, ignore_errors=True)
    process = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=cwd, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    for line in process.stderr.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1])
    sys.exit("bench: /usr/bin/time -v printed no maximum resident set size")


def instructions(command, cwd):
    """Instructions executed by the whole process (valgrind's callgrind), start-up and dynamic loading included."""
    process = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + command, cwd=cwd,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in process.stderr.splitlines():
        if "Collected" in line:
            return int(line.split(":")[1].strip().replace(",", ""))
    return None


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} processors, load {load:.2f}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--triggerc", required=True)
    parser.add_argument("--floor", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--corpus-size", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--instructions", action="store_true")
    args = parser.parse_args()
    triggerc, work, runs = os.path.abspath(args.triggerc), os.path.abspath(args.work), args.runs
    if not os.path.exists("/usr/bin/time"):
        sys.exit("bench: /usr/bin/time is missing (Debian/Ubuntu: apt-get install time)")

    print(f"machine: {machine()}")
    print(f"work directory: {work}")
    subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "make_corpus.py"), os.path.join(work, "corpus"),
                    str(args.corpus_size)], check=True, stdout=subprocess.DEVNULL)
    manifests = sorted(os.path.join("corpus", entry, "trigger.yaml") for entry in os.listdir(os.path.join(work, "corpus")))
    print(f"corpus: {len(manifests)} manifests, {sum(os.path.getsize(os.path.join(work, m)) for m in manifests)} bytes")

    print("single manifest (the seed):")
    version = measure("triggerc --version", [triggerc, "--version"], work, 4 * runs)
    lint = measure("triggerc lint seed", [triggerc, "lint", SEED], work, 4 * runs)
    seed_out = os.path.join(work, "seed-out")
    compile_seed = measure("triggerc compile seed (4 syslevels)", [triggerc, "compile", SEED, "-o", seed_out], work,
                           4 * runs, clean=[seed_out])
    template = os.path.join(seed_out, os.path.relpath(SEED, "/").rsplit(".", 1)[0] + ".prd.json")
    if not os.path.exists(template):
        template = next(os.path.join(d, f) for d, _, fs in os.walk(seed_out) for f in fs if f.endswith(".prd.json"))
    cfn_lint_path = shutil.which("cfn-lint")
    cfn_lint = measure("cfn-lint of the seed's prd template", [cfn_lint_path, template], work, max(3, runs // 2)) \
        if cfn_lint_path else None

    print(f"corpus ({len(manifests)} manifests x 4 syslevels, one invocation):")
    out = os.path.join(work, "out")
    corpus_command = [triggerc, "compile", "-o", out] + manifests
    # One untimed run first: the floor writes as many files of the same total size as triggerc does.
    shutil.rmtree(out, ignore_errors=True)
    run_once(corpus_command, work)
    files = [os.path.join(d, f) for d, _, fs in os.walk(out) for f in fs]
    total = sum(os.path.getsize(f) for f in files)
    print(f"  output: {len(files)} files, {total} bytes; the three below run in turns")
    floor_out = os.path.join(work, "floor-out")
    corpus, floor, floor_unsynced = measure_alternating([
        ("triggerc compile corpus", corpus_command, [out]),
        ("floor (libyaml parse + same writes)", [args.floor, floor_out, str(len(files)), str(total)] + manifests,
         [floor_out]),
        ("floor without fsync (for reference)",
         [args.floor, "--no-fsync", floor_out, str(len(files)), str(total)] + manifests, [floor_out]),
    ], work, runs)
    jobs_one = measure("triggerc compile corpus --jobs 1 (reference)", corpus_command + ["--jobs", "1"], work,
                       max(1, runs // 2), clean=[out])
    memory = peak_memory(corpus_command, work, clean=[out])
    print(f"  peak memory of the corpus compile: {memory / 1024:.1f} MiB (maximum resident set size)")

    if args.instructions and shutil.which("valgrind"):
        print("instructions (valgrind callgrind, whole process):")
        counts = {}
        for name, command in [("--version", [triggerc, "--version"]), ("lint seed", [triggerc, "lint", SEED]),
                              ("compile seed", [triggerc, "compile", SEED, "-o", seed_out])]:
            counts[name] = instructions(command, work)
            print(f"  {name:<44} {counts[name]:>14,}")
        if counts.get("--version"):
            print(f"  compile seed / --version: {counts['compile seed'] / counts['--version']:.2f}x")

    print("targets (median wall times):")
    verdicts = []

    def verdict(name, ok, detail):
        verdicts.append(ok)
        print(f"  {'PASS' if ok else 'FAIL'}  {name}: {detail}")

    ratio = corpus[0] / floor[0]
    verdict("1a corpus compile <= 3x floor", ratio <= 3,
            f"{ratio:.2f}x ({corpus[0]:.3f} s / {floor[0]:.3f} s; by minimum {corpus[1] / floor[1]:.2f}x; "
            f"floor without fsync {floor_unsynced[0]:.3f} s; --jobs 1 {jobs_one[0]:.3f} s)")
    verdict("1b corpus compile peak memory < 64 MiB", memory < 64 * 1024, f"{memory / 1024:.1f} MiB")
    if cfn_lint:
        speedup = cfn_lint[0] / lint[0]
        verdict("2  lint seed >= 50x faster than cfn-lint", speedup >= 50,
                f"{speedup:.1f}x ({cfn_lint[0] * 1000:.0f} ms / {lint[0] * 1000:.1f} ms; by minimum {cfn_lint[1] / lint[1]:.1f}x)")
    else:
        verdict("2  lint seed >= 50x faster than cfn-lint", False, "cfn-lint is not installed (pip install cfn-lint)")
    ratio = compile_seed[0] / version[0]
    verdict("3  compile seed <= 3x --version", ratio <= 3,
            f"{ratio:.2f}x ({compile_seed[0] * 1000:.1f} ms / {version[0] * 1000:.1f} ms; by minimum "
            f"{compile_seed[1] / version[1]:.2f}x)")
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
