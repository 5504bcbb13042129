"""Benchmark of the canonical text format against json and tomllib, measured in the same run.

Run: ``python benchmarks/bench_text.py [N]`` (N events, 10,000 by default).

Baselines, all on the same N events:

* ``json.loads`` / ``json.dumps`` of the equivalent list of plain dicts (no events built);
* ``json.loads`` followed by building the events (what any JSON reader of the model must do);
* ``tomllib.loads`` of the same events as TOML (an array of tables), no events built.

Ratios are speeds relative to the baseline: above 1 means the text format is faster.
"""

from __future__ import annotations

import gc
import json
import random
import sys
import time
from collections.abc import Callable
from typing import Any

import attrs
import tomllib

from tradeevents import text
from tradeevents.dates import EventDate
from tradeevents.model import Event, Evidence, Official, Quota, Rate, RateQualifier, Status
from tradeevents.registry import event_types

CODES = ("CN", "EU", "GB", "JP", "KR", "MX", "US", "CA", "IN")
INSTRUMENTS = ("section-232", "section-301", "antidumping", "countervailing", "safeguard", "gsp")
PRODUCTS = ("steel", "aluminum", "agriculture", "solar panel", "semiconductor", "automobile")
SENTENCES = (
    "The United States will impose a 25% tariff on steel from Japan.",
    'Officials said the "framework" would take effect on Nov. 17.',
    "Commerce opened an antidumping probe into\tsolar panels.",
)


def make_events(n: int, seed: int = 0) -> list[Event]:
    """*n* varied, realistic events of every built-in type."""
    rnd = random.Random(seed)
    classes = list(event_types().values())
    out: list[Event] = []
    for i in range(n):
        cls = classes[i % len(classes)]
        year = rnd.randint(2000, 2030)
        kwargs: dict[str, Any] = {
            "status": rnd.choice(list(Status)),
            "parties": rnd.sample(CODES, rnd.randint(1, 3)),
            "date": rnd.choice(
                [
                    None,
                    EventDate.of_day(year, rnd.randint(1, 12), rnd.randint(1, 28)),
                    EventDate.of_month(year, rnd.randint(1, 12)),
                    EventDate.of_quarter(year, rnd.randint(1, 4)),
                ]
            ),
            "instruments": rnd.sample(INSTRUMENTS, rnd.randint(0, 2)),
            "products": rnd.sample(PRODUCTS, rnd.randint(0, 3)),
            "officials": [Official("Gina Raimondo", "Commerce Secretary", "US")]
            if rnd.random() < 0.3
            else [],
            "evidence": Evidence(rnd.choice(SENTENCES), i * 100, i * 100 + 60),
            "confidence": round(rnd.random(), 3),
            "source": f"article-{i:05d}",
        }
        if any(f.name == "rates" for f in attrs.fields(cls)):
            kwargs["rates"] = [
                Rate(rnd.choice([10.0, 25.0, 73.6]), qualifier=rnd.choice(list(RateQualifier)))
            ]
            if rnd.random() < 0.3:
                kwargs["quota"] = Quota(float(rnd.randint(1000, 10**7)), "metric ton")
        out.append(cls(**kwargs))
    return out


def plain(value: Any) -> Any:
    """The JSON form of a value: attrs classes as dicts, tuples as lists, dates and enums as strings."""
    if isinstance(value, Event):
        return {
            "type": value.type,
            **{f.name: plain(getattr(value, f.name)) for f in attrs.fields(type(value))},
        }
    if isinstance(value, EventDate):
        return str(value)
    if attrs.has(type(value)):
        return {f.name: plain(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    if isinstance(value, (Status, RateQualifier)):
        return value.value
    return value


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a valid TOML basic string for this data
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        inner = ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items() if v is not None)
        return "{ " + inner + " }"
    raise TypeError(type(value))


def to_toml(dicts: list[dict[str, Any]]) -> str:
    """The events as a TOML array of tables (None fields omitted: TOML has no null)."""
    parts = []
    for d in dicts:
        lines = ["[[events]]"]
        lines += [f"{k} = {_toml_value(v)}" for k, v in d.items() if v is not None]
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def build_from_json(dicts: list[dict[str, Any]]) -> list[Event]:
    """Events from their JSON dicts: what a JSON reader of the model does, minimally."""
    classes = event_types()
    out = []
    for d in dicts:
        d = dict(d)
        cls = classes[d.pop("type")]
        for key in ("date", "effective", "expires"):
            if d.get(key) is not None:
                d[key] = EventDate.parse(d[key])
        d["officials"] = [Official(**o) for o in d["officials"]]
        if d["evidence"] is not None:
            d["evidence"] = Evidence(**d["evidence"])
        if "rates" in d:
            d["rates"] = [Rate(**r) for r in d["rates"]]
            if d["quota"] is not None:
                d["quota"] = Quota(**d["quota"])
        out.append(cls(**d))
    return out


def best(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()  # every candidate starts from the same collector state
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(n: int = 10_000) -> None:
    events = make_events(n)
    dicts = [plain(e) for e in events]
    doc = text.dumps(events)
    js = json.dumps(dicts)
    toml = to_toml(dicts)
    assert text.loads(doc) == events
    assert tomllib.loads(toml)["events"][0]["type"] == events[0].type

    t_text_load = best(lambda: text.loads(doc))
    t_text_dump = best(lambda: text.dumps(events))
    t_json_load = best(lambda: json.loads(js))
    t_json_build = best(lambda: build_from_json(json.loads(js)))
    t_json_dump = best(lambda: json.dumps(dicts))
    t_toml_load = best(lambda: tomllib.loads(toml), repeat=3)

    print(
        f"{n} events; text {len(doc) / 1e6:.2f} MB, JSON {len(js) / 1e6:.2f} MB, TOML {len(toml) / 1e6:.2f} MB"
    )
    print(f"text.loads                 {t_text_load * 1e3:8.1f} ms")
    print(f"text.dumps                 {t_text_dump * 1e3:8.1f} ms")
    print(f"json.loads (dicts only)    {t_json_load * 1e3:8.1f} ms")
    print(f"json.loads + build events  {t_json_build * 1e3:8.1f} ms")
    print(f"json.dumps (dicts only)    {t_json_dump * 1e3:8.1f} ms")
    print(f"tomllib.loads (dicts only) {t_toml_load * 1e3:8.1f} ms")
    print("speed of text.loads relative to:")
    print(f"  json.loads (dicts only)    {t_json_load / t_text_load:6.2f}x")
    print(f"  json.loads + build events  {t_json_build / t_text_load:6.2f}x")
    print(f"  tomllib.loads              {t_toml_load / t_text_load:6.2f}x")
    print("speed of text.dumps relative to:")
    print(f"  json.dumps (dicts only)    {t_json_dump / t_text_dump:6.2f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
