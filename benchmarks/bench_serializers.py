"""Serializer speed, as ratios to plain ``json`` on the equivalent dicts, measured in the same run.

    python benchmarks/bench_serializers.py [N]

Builds N (default 10,000) mixed events, then times, best of 5:

* the baseline: ``json.dumps`` / ``json.loads`` of the events' dicts (no conversion);
* ``tradeevents.formats.json`` with the stdlib and the orjson backend (dicts <-> events
  with full validation, plus the JSON text);
* cattrs' plain ``Converter`` on the same classes (no strict hooks, no error paths);
* pydantic v2 on an equivalent model, when pydantic is installed;
* lower bounds ("bound:" rows): parts of the work any validating writer or reader
  must do, each timed alone (the events' top-level fields as dicts; the stdlib parse
  with the duplicate-key check; the events' public constructors from typed values).

A ratio above 1 is faster than the baseline.
"""

from __future__ import annotations

import gc
import json
import operator
import sys
import time
from collections.abc import Callable
from typing import Any

import attrs

from tradeevents.formats import _backend, to_dicts
from tradeevents.formats import json as tjson
from tradeevents.model import Event


def make_events(n: int) -> list[Event]:
    """N realistic, mixed events (a seeded random choice of plausible values)."""
    import random

    from tradeevents import Agreement, Evidence, Meeting, Official, Quota, Rate, Status, Tariff
    from tradeevents.dates import EventDate

    rng = random.Random(1)
    codes = ["US", "JP", "CN", "EU", "MX", "CA", "KR", "GB", "IN", "BR"]
    sentence = "The United States and Japan agreed to start talks on steel and aluminum tariffs."
    out: list[Event] = []
    for i in range(n):
        common: dict[str, Any] = {
            "status": rng.choice(list(Status)),
            "parties": rng.sample(codes, 2),
            "date": EventDate.of_day(2021, rng.randint(1, 12), rng.randint(1, 28)),
            "products": rng.sample(["steel", "aluminum", "agriculture", "digital"], 2),
            "evidence": Evidence(sentence, i * 100, i * 100 + len(sentence)),
            "confidence": rng.random(),
            "source": f"news/{i:06d}.txt",
        }
        kind = i % 3
        if kind == 0:
            out.append(
                Agreement(**common, officials=[Official("Gina Raimondo", "Secretary", "US")])
            )
        elif kind == 1:
            out.append(Meeting(**common, topics=["supply chains"]))
        else:
            out.append(
                Tariff(
                    **common,
                    instruments=["section-232"],
                    rates=[Rate(25.0)],
                    quota=Quota(1_250_000, "metric ton"),
                    effective=EventDate.of_month(2022, 1),
                )
            )
    return out


def best(fn: Callable[[], Any], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()  # every candidate starts from the same collector state
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def best_fresh(fn: Callable[[list[Event]], Any], events: list[Event], repeat: int = 5) -> float:
    """:func:`best` of *fn* on copies of *events* made before each run (nothing kept yet)."""
    import attrs

    times = []
    for _ in range(repeat):
        fresh = [attrs.evolve(event) for event in events]
        gc.collect()
        start = time.perf_counter()
        fn(fresh)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    events = make_events(n)
    dicts = to_dicts(events)
    text = json.dumps(dicts, ensure_ascii=False, separators=(",", ":"))
    assert tjson.loads(text) == events

    base_dump = best(lambda: json.dumps(dicts, ensure_ascii=False, separators=(",", ":")))
    base_load = best(lambda: json.loads(text))
    rows: list[tuple[str, float, float]] = []
    for backend in ("json", "orjson"):
        rows.append(
            (
                f"tradeevents.formats.json ({backend})",
                best(lambda b=backend: tjson.dumps(events, backend=b)),  # type: ignore[misc]
                best(lambda b=backend: tjson.loads(text, backend=b)),  # type: ignore[misc]
            )
        )
        # Event.id is computed on first use and kept: the rows above write events whose
        # ids are known (after the first run); this one writes freshly built events.
        rows.append(
            (
                f"  ({backend}) first dump of new events",
                best_fresh(lambda evs, b=backend: tjson.dumps(evs, backend=b), events),  # type: ignore[misc]
                float("nan"),
            )
        )
    try:
        import orjson

        rows.append(
            (
                "orjson on plain dicts",
                best(lambda: orjson.dumps(dicts)),
                best(lambda: orjson.loads(text)),
            )
        )
    except ImportError:
        print("orjson not installed: skipped")

    import cattrs

    plain = cattrs.Converter()
    classes = {cls.type: cls for cls in {type(e) for e in events}}

    def cattrs_dump() -> str:
        return json.dumps([plain.unstructure(e) for e in events], default=str)

    def cattrs_load() -> list[Any]:
        # plain cattrs cannot read EventDate strings; count the work it can do
        raw = json.loads(text)
        out = []
        for d in raw:
            fields = {
                k: v
                for k, v in d.items()
                if k not in ("id", "type", "date", "effective", "expires")
            }
            out.append(plain.structure(fields, classes[d["type"]]))
        return out

    rows.append(("cattrs plain Converter (no dates)", best(cattrs_dump), best(cattrs_load)))

    # Lower bounds: parts of the work any validating writer or reader must do, each
    # timed alone. Dump: the events' top-level fields as dicts, in C (attrgetter and
    # zip; dates and nested values left as objects), before any encoding. Load: the
    # stdlib parse with the duplicate-key check (no events), and the public
    # constructor (its converters and validators) of the events from values that are
    # already typed (no parsing, nested values already built).
    getters: dict[type, tuple[tuple[str, ...], Any]] = {}
    for cls in {type(e) for e in events}:
        names = tuple(f.name for f in attrs.fields(cls))
        getters[cls] = (names, operator.attrgetter(*names))

    def shallow(event: Event) -> dict[str, Any]:
        names, getter = getters[type(event)]
        return dict(zip(names, getter(event), strict=True))

    typed = [(type(e), {f.name: getattr(e, f.name) for f in attrs.fields(type(e))}) for e in events]
    rows.append(
        (
            "bound: top-level dicts / checked parse",
            best(lambda: list(map(shallow, events))),
            best(lambda: _backend.loads(text, orjson=False)),
        )
    )
    rows.append(
        (
            "bound: public constructors, typed values",
            float("nan"),
            best(lambda: [cls(**kw) for cls, kw in typed]),
        )
    )

    try:
        import pydantic
    except ImportError:
        print("pydantic not installed: skipped")
    else:
        model = _pydantic_model(pydantic)
        adapter = pydantic.TypeAdapter(list[model])  # type: ignore[valid-type]
        objs = adapter.validate_json(text)
        rows.append(
            (
                "pydantic v2 (equivalent model)",
                best(lambda: adapter.dump_json(objs)),
                best(lambda: adapter.validate_json(text)),
            )
        )

    print(
        f"{n} events, {len(text) / n:.0f} bytes each; baseline json.dumps {base_dump * 1e3:.1f} ms, "
        f"json.loads {base_load * 1e3:.1f} ms"
    )
    print(f"{'':40} {'dump ms':>8} {'x json':>7} {'load ms':>8} {'x json':>7}")
    for name, dump, load in rows:
        load_ms = "" if load != load else f"{load * 1e3:8.1f} {base_load / load:7.2f}"  # NaN: none
        dump_ms = f"{'':8} {'':7}" if dump != dump else f"{dump * 1e3:8.1f} {base_dump / dump:7.2f}"
        print(f"{name:40} {dump_ms} {load_ms}")


def _pydantic_model(pydantic: Any) -> Any:
    from typing import Literal

    class Official(pydantic.BaseModel):
        name: str
        title: str | None = None
        jurisdiction: str | None = None

    class Evidence(pydantic.BaseModel):
        text: str
        start: int
        end: int

    class Rate(pydantic.BaseModel):
        value: float
        unit: str = "%"
        qualifier: Literal["exact", "up-to", "at-least"] = "exact"

    class Quota(pydantic.BaseModel):
        amount: float
        unit: str

    class Event(pydantic.BaseModel):
        model_config = pydantic.ConfigDict(frozen=True)
        id: str
        type: str
        status: Literal["planned", "announced", "concluded", "in-effect", "ended"]
        parties: tuple[str, ...] = ()
        date: str | None = None
        instruments: tuple[str, ...] = ()
        products: tuple[str, ...] = ()
        officials: tuple[Official, ...] = ()
        topics: tuple[str, ...] = ()
        evidence: Evidence | None = None
        confidence: float | None = None
        source: str | None = None
        rates: tuple[Rate, ...] = ()
        quota: Quota | None = None
        effective: str | None = None
        expires: str | None = None

    return Event


if __name__ == "__main__":
    main()
