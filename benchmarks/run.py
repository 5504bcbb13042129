"""Run every benchmark and print their figures, then one summary table.

    python benchmarks/run.py [--quick] [NAME ...]

Runs each ``benchmarks/bench_*.py`` (or only those whose name contains one of
the NAMEs) in a fresh interpreter, one after the other so that they do not
compete for the CPU, and prints each one's own table as it finishes. Every
script quotes its figures as ratios to a baseline measured in the same run,
so the ratios, not the absolute times, are what compares across machines.

A script may end with ``RESULT key=value ...`` lines: those figures are
gathered into the summary table at the end. ``--quick`` passes each script a
smaller size where it takes one (for a smoke run; figures are then noisier).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: Per-script time limit, in seconds.
TIMEOUT = 1800
#: Arguments for --quick, by script.
QUICK_ARGS = {
    "bench_serializers.py": ["2000"],
    "bench_model_memory.py": ["2000"],
    "bench_import.py": ["5"],
}


def scripts(names: list[str]) -> list[Path]:
    found = sorted(HERE.glob("bench_*.py"))
    if names:
        found = [p for p in found if any(name in p.stem for name in names)]
    return found


def run(script: Path, quick: bool) -> tuple[int, float, str]:
    args = QUICK_ARGS.get(script.name, []) if quick else []
    env = dict(os.environ)
    env.setdefault("PYTHONHASHSEED", "0")
    start = time.perf_counter()
    try:
        result = subprocess.run(
            [sys.executable, str(script), *args],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return -1, time.perf_counter() - start, f"timed out after {TIMEOUT} s"
    output = result.stdout + (f"\n{result.stderr}" if result.returncode else "")
    return result.returncode, time.perf_counter() - start, output


def results(output: str) -> list[tuple[str, str]]:
    """The ``key=value`` pairs of the ``RESULT`` lines of *output*."""
    pairs = []
    for line in output.splitlines():
        if line.startswith("RESULT "):
            for item in line[len("RESULT ") :].split():
                key, _, value = item.partition("=")
                pairs.append((key, value))
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="run only the benchmarks whose name has one")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = parser.parse_args(argv)

    import platform

    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()}"
    )
    summary: list[tuple[str, str, float, list[tuple[str, str]]]] = []
    failed = 0
    for script in scripts(args.names):
        print(f"\n== {script.name}", flush=True)
        status, seconds, output = run(script, args.quick)
        body = [line for line in output.rstrip().splitlines() if not line.startswith("RESULT ")]
        print("\n".join(f"   {line}" for line in body), flush=True)
        ok = "ok" if status == 0 else ("timeout" if status == -1 else f"exit {status}")
        failed += status != 0
        summary.append((script.stem, ok, seconds, results(output)))

    print("\n== summary")
    print(f"{'benchmark':22} {'status':8} {'s':>6}  figures")
    for name, ok, seconds, pairs in summary:
        figures = ", ".join(f"{k} {v}" for k, v in pairs) or "(see its table above)"
        print(f"{name:22} {ok:8} {seconds:6.1f}  {figures}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
