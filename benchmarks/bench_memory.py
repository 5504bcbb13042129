"""Peak memory over a stream of texts, and the speed-up of ``extract --jobs``.

    python benchmarks/bench_memory.py [N ...]          # default: 1000 100000
    python benchmarks/bench_memory.py --jobs-texts 20000

* Memory: for each N, a fresh interpreter streams N generated news texts
  (a few sentences each, drawn from templates with varied parties, products
  and dates) through :func:`tradeevents.batch.extract_partition_jsonl` into a
  sink, and reports its peak resident set size (``ru_maxrss``). The baseline,
  measured in the same process before the stream, is the interpreter with
  tradeevents imported and the extractor warmed up on one text. The same is
  done for the command line, ``tradeevents extract --records -`` reading N
  JSON Lines records from a pipe. Flat memory means the peak for 100,000
  texts is that for 1,000 to within a few MB.
* Speed-up: ``tradeevents extract --records --jobs J`` over the same records,
  J = 1, 2, ... up to the cores, timed; the ratio is to ``--jobs 1``.
"""

from __future__ import annotations

import argparse
import calendar
import json
import os
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator

PARTIES = [
    "the United States",
    "Japan",
    "China",
    "the European Union",
    "Mexico",
    "Canada",
    "India",
    "Brazil",
    "South Korea",
    "Vietnam",
    "Australia",
    "the United Kingdom",
]
PRODUCTS = ["steel", "aluminum", "solar panels", "semiconductors", "soybeans", "automobiles"]
MONTHS = list(calendar.month_name)[1:]
TEMPLATES = [
    "{a} and {b} signed a trade agreement on {m} {d}, {y}.",
    "{a} imposed {r}% tariffs on {p} from {b} on {m} {d}, {y}.",
    "Officials from {a} and {b} held talks on {p} in {m} {y}.",
    "{a} launched an antidumping investigation into {p} from {b} last week.",
    "{a} lifted its duties on {p} from {b} in {m} {y}.",
    "The trade minister of {a} will visit {b} next month to discuss {p}.",
    "Analysts said markets were calm as investors weighed the outlook.",
    "Copyright {y} Example News. All rights reserved.",
]


def texts(n: int, seed: int = 4) -> Iterator[tuple[str, str, str]]:
    """*n* records (id, text, published), generated lazily and reproducibly."""
    rng = random.Random(seed)
    for i in range(n):
        sentences = []
        for _ in range(rng.randint(2, 5)):
            a, b = rng.sample(PARTIES, 2)
            sentences.append(
                rng.choice(TEMPLATES).format(
                    a=a[0].upper() + a[1:],
                    b=b,
                    p=rng.choice(PRODUCTS),
                    m=rng.choice(MONTHS),
                    d=rng.randint(1, 28),
                    y=rng.randint(2015, 2024),
                    r=rng.choice([10, 25, 7.5]),
                )
            )
        yield f"t{i}", " ".join(sentences), f"{rng.randint(2015, 2024)}-06-15"


def peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def child_api(n: int) -> None:
    from tradeevents.batch import extract_partition_jsonl

    list(extract_partition_jsonl(["The U.S. and Japan signed a deal on Monday."]))  # warm up
    base = peak_mb()
    lines = 0
    start = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for line in extract_partition_jsonl(texts(n)):
            sink.write(line + "\n")
            lines += 1
    elapsed = time.perf_counter() - start
    print(json.dumps({"base": base, "peak": peak_mb(), "events": lines, "seconds": elapsed}))


def run_api(n: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child-api", str(n)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def run_cli(n: int, jobs: int = 1) -> dict[str, float]:
    """`tradeevents extract --records -` over *n* records fed through a pipe; its peak RSS."""
    args = [
        sys.executable,
        "-m",
        "tradeevents.cli",
        "extract",
        "--records",
        "--jobs",
        str(jobs),
        "-",
    ]
    # one process per measurement, so RUSAGE_CHILDREN's maximum is this command's
    code = (
        "import json, resource, subprocess, sys, time\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from bench_memory import texts\n"
        "n = int(sys.argv[2])\n"
        "start = time.perf_counter()\n"
        "p = subprocess.Popen(sys.argv[3:], stdin=subprocess.PIPE, stdout=subprocess.PIPE)\n"
        "import threading\n"
        "count = [0]\n"
        "def drain():\n"
        "    for _ in p.stdout: count[0] += 1\n"
        "t = threading.Thread(target=drain); t.start()\n"
        "for i, text, pub in texts(n):\n"
        "    p.stdin.write((json.dumps({'id': i, 'text': text, 'published': pub}) + '\\n').encode())\n"
        "p.stdin.close(); t.join(); assert p.wait() == 0\n"
        "elapsed = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps({'peak': peak, 'events': count[0], 'seconds': elapsed}))\n"
    )
    here = os.path.dirname(os.path.abspath(__file__))
    out = subprocess.run(
        [sys.executable, "-c", code, here, str(n), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 100_000])
    parser.add_argument("--jobs-texts", type=int, default=20_000, help="texts for the speed-up run")
    parser.add_argument("--child-api", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_api is not None:
        child_api(args.child_api)
        return

    print("Peak memory over a stream of texts (resident set size, MB)")
    print(
        f"{'texts':>9} {'events':>9} {'baseline':>9} {'API peak':>9} {'CLI peak':>9} {'texts/s':>9}"
    )
    results = {}
    for n in args.sizes:
        api = run_api(n)
        cli = run_cli(n)
        results[n] = (api, cli)
        print(
            f"{n:>9,} {int(api['events']):>9,} {api['base']:>9.1f} {api['peak']:>9.1f} "
            f"{cli['peak']:>9.1f} {n / api['seconds']:>9,.0f}"
        )
    small, large = min(results), max(results)
    growth_api = results[large][0]["peak"] - results[small][0]["peak"]
    growth_cli = results[large][1]["peak"] - results[small][1]["peak"]
    print(
        f"growth from {small:,} to {large:,} texts: API {growth_api:+.1f} MB, CLI {growth_cli:+.1f} MB"
    )

    cores = os.cpu_count() or 1
    print(f"\n`extract --records --jobs J` over {args.jobs_texts:,} texts ({cores} cores)")
    base_seconds = None
    speedups = {}
    for jobs in sorted({1, 2, cores} if cores > 1 else {1}):
        run = run_cli(args.jobs_texts, jobs)
        if base_seconds is None:
            base_seconds = run["seconds"]
        speedups[jobs] = base_seconds / run["seconds"]
        print(
            f"  --jobs {jobs}: {run['seconds']:6.1f} s  {speedups[jobs]:.2f}x  peak {run['peak']:.1f} MB"
        )

    print(
        f"RESULT memory_api_{small}={results[small][0]['peak']:.1f}MB "
        f"memory_api_{large}={results[large][0]['peak']:.1f}MB "
        f"memory_cli_{small}={results[small][1]['peak']:.1f}MB "
        f"memory_cli_{large}={results[large][1]['peak']:.1f}MB "
        + " ".join(f"jobs{j}_speedup={s:.2f}x" for j, s in speedups.items())
    )


if __name__ == "__main__":
    main()
