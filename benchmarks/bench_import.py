"""Import time of ``import tradeevents``, against the interpreter's own start-up, same run.

    python benchmarks/bench_import.py [REPEAT]

Each figure is the best of REPEAT (default 15) fresh interpreters, timed inside
the child (``perf_counter`` around the import), so that interpreter start-up is
not counted; the baseline is ``import json`` timed the same way, and the goal
for ``import tradeevents`` is under 150 ms. Also lists the slowest modules of
the import by ``python -X importtime`` (self time, best of 3).
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys

#: The goal of issue 5, in seconds.
GOAL = 0.150

_CHILD = "import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"


def import_seconds(module: str, repeat: int) -> float:
    """Best of *repeat* fresh interpreters: seconds to import *module* (start-up not counted)."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="0")
    best = float("inf")
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", _CHILD.format(module=module)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout
        best = min(best, float(out.strip().splitlines()[-1]))
    return best


def slowest_modules(module: str, top: int = 8) -> list[tuple[str, float]]:
    """The modules with the largest self import time under ``-X importtime`` (best of 3)."""
    best: dict[str, float] = {}
    for _ in range(3):
        err = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import {module}"],
            capture_output=True,
            text=True,
            check=True,
        ).stderr
        for line in err.splitlines():
            match = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s+(.*)$", line)
            if match:
                name = match.group(2).strip()
                seconds = int(match.group(1)) / 1e6
                best[name] = min(best.get(name, seconds), seconds)
    return sorted(best.items(), key=lambda item: item[1], reverse=True)[:top]


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    import_seconds("tradeevents", 2)  # warm the bytecode caches
    baseline = import_seconds("json", repeat)
    rows = [("import json (baseline)", baseline)]
    for module in ("attrs", "cattrs", "tradeevents", "tradeevents.formats.json"):
        rows.append((f"import {module}", import_seconds(module, repeat)))
    if importlib.util.find_spec("tradeevents.extraction") is not None:
        rows.append(
            ("import tradeevents.extraction", import_seconds("tradeevents.extraction", repeat))
        )

    print(f"import time, best of {repeat} fresh interpreters (start-up not counted)")
    print(f"{'':34} {'ms':>8} {'x json':>8}")
    for name, seconds in rows:
        print(f"{name:34} {seconds * 1e3:8.1f} {seconds / baseline:8.1f}")
    ours = dict(rows)["import tradeevents"]
    verdict = "met" if ours < GOAL else "MISSED"
    print(f"goal: import tradeevents < {GOAL * 1e3:.0f} ms: {verdict} ({ours * 1e3:.1f} ms)")
    print("slowest modules of import tradeevents (self time):")
    for name, seconds in slowest_modules("tradeevents"):
        print(f"  {name:40} {seconds * 1e3:6.1f} ms")
    print(f"RESULT import_ms={ours * 1e3:.1f} goal_ms={GOAL * 1e3:.0f}")


if __name__ == "__main__":
    main()
