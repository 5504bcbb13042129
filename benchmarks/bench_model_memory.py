"""Memory per 10,000 events in memory, and the garbage collector's share of a large load.

    python benchmarks/bench_model_memory.py [N]

* Memory: ``tracemalloc`` counts the bytes allocated to build N (default 10,000)
  realistic events, against two baselines built from the same data in the same
  run: the events' JSON-form dicts (what a plain-dict pipeline would hold) and
  their compact JSON text.
* GC: a whole-file load of 10 x N (default 100,000) events through JSON Lines and
  JSON, timed with the cyclic garbage collector enabled and disabled; a ratio
  near 1 means loading creates no GC churn worth avoiding.
"""

from __future__ import annotations

import functools
import gc
import json
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from tradeevents import (
    Agreement,
    EventDate,
    Evidence,
    Meeting,
    Official,
    Quota,
    Rate,
    Status,
    Tariff,
)
from tradeevents.formats import from_dicts, to_dicts
from tradeevents.formats import json as tjson
from tradeevents.formats import jsonl as tjsonl
from tradeevents.model import Event

_CODES = ["US", "JP", "CN", "EU", "MX", "CA", "KR", "GB", "IN", "BR"]
_PRODUCTS = ["steel", "aluminum", "agriculture", "digital", "semiconductor", "automobile"]


def make_events(n: int, seed: int = 2) -> list[Event]:
    """N mixed, realistic events; each has its own evidence sentence, as extraction gives."""
    rng = random.Random(seed)
    out: list[Event] = []
    for i in range(n):
        sentence = (
            f"On day {i} the {rng.choice(_CODES)} and {rng.choice(_CODES)} said talks on "
            f"{rng.choice(_PRODUCTS)} tariffs would go on."
        )
        common: dict[str, Any] = {
            "status": rng.choice(list(Status)),
            "parties": tuple(rng.sample(_CODES, 2)),
            "date": EventDate.of_day(2021, rng.randint(1, 12), rng.randint(1, 28)),
            "products": tuple(rng.sample(_PRODUCTS, 2)),
            "evidence": Evidence(sentence, i * 120, i * 120 + len(sentence)),
            "confidence": round(rng.random(), 3),
            "source": f"news/{i // 20:05d}.txt",
        }
        # the set fields go in through Any: mypy's attrs plugin cannot type their converter
        kind = i % 3
        if kind == 0:
            common["officials"] = (Official("Gina Raimondo", "Secretary of Commerce", "US"),)
            out.append(Agreement(**common))
        elif kind == 1:
            common["topics"] = ("supply chains",)
            out.append(Meeting(**common))
        else:
            common["instruments"] = ("section-232",)
            common["rates"] = (Rate(25.0),)
            out.append(Tariff(**common, quota=Quota(1_250_000, "metric ton")))
    return out


def allocated(build: Callable[[], Any]) -> tuple[int, Any]:
    """Bytes still allocated after *build* returns (its result kept alive), by tracemalloc."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    result = build()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return after - before, result


def best(fn: Callable[[], Any], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def gc_ratio(fn: Callable[[], Any]) -> tuple[float, float]:
    """Seconds of *fn* with the collector on and off (best of 3 each)."""
    was_enabled = gc.isenabled()
    try:
        gc.enable()
        gc.collect()
        on = best(fn)
        gc.disable()
        off = best(fn)
    finally:
        if was_enabled:
            gc.enable()
    return on, off


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    dicts_source = to_dicts(make_events(n))
    text = json.dumps(dicts_source, ensure_ascii=False, separators=(",", ":"))

    events_bytes, events = allocated(lambda: from_dicts(json.loads(text)))
    dicts_bytes, dicts = allocated(lambda: json.loads(text))
    text_bytes = sys.getsizeof(text)
    # events built from dicts already in memory: the events' own share
    own_bytes, _ = allocated(functools.partial(from_dicts, dicts))
    assert len(events) == len(dicts) == n

    print(f"memory for {n} events (tracemalloc, bytes still allocated)")
    print(f"{'':44} {'MB':>8} {'B/event':>8} {'x dicts':>8}")
    rows = [
        ("JSON-form dicts from json.loads (baseline)", dicts_bytes),
        ("compact JSON text", text_bytes),
        ("events loaded from the JSON text", events_bytes),
        ("events built from dicts held elsewhere", own_bytes),
    ]
    for name, size in rows:
        print(f"{name:44} {size / 1e6:8.2f} {size / n:8.0f} {size / dicts_bytes:8.2f}")
    del events, dicts

    big = 10 * n
    big_events = make_events(big, seed=3)
    lines = tjsonl.dumps(big_events)
    array = tjson.dumps(big_events)
    del big_events
    print(f"whole-file load of {big} events: collector on vs off (best of 3)")
    print(f"{'':44} {'on s':>8} {'off s':>8} {'on/off':>8}")
    results = {}
    for name, fn in [
        ("jsonl.loads", lambda: tjsonl.loads(lines)),
        ("json.loads", lambda: tjson.loads(array)),
    ]:
        on, off = gc_ratio(fn)
        results[name] = on / off
        print(f"{name:44} {on:8.2f} {off:8.2f} {on / off:8.2f}")
    print(
        f"RESULT bytes_per_event={events_bytes / n:.0f} dict_bytes_per_event={dicts_bytes / n:.0f} "
        f"gc_ratio_jsonl={results['jsonl.loads']:.2f} gc_ratio_json={results['json.loads']:.2f}"
    )


if __name__ == "__main__":
    main()
