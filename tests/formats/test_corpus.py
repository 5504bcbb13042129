"""The dev corpus' event objects load and convert back with the scored fields unchanged."""

from __future__ import annotations

import json as stdlib_json
from pathlib import Path

from tradeevents.formats import csv, from_dicts, json, jsonl, to_dicts

SCORED = ("type", "status", "parties", "date", "instruments", "products")


def test_corpus_events_round_trip(corpus_dir: Path) -> None:
    files = sorted(corpus_dir.glob("*.json"))
    assert len(files) >= 41
    total = 0
    for path in files:
        document = stdlib_json.loads(path.read_text(encoding="utf-8"))
        annotated = document["events"]
        events = from_dicts(annotated, "$.events")  # "main" and any other extra key is ignored
        back = to_dicts(events)
        for original, written in zip(annotated, back, strict=True):
            assert {k: written[k] for k in SCORED} == {k: original[k] for k in SCORED}, path.name
        for module in (json, jsonl, csv):
            assert module.loads(module.dumps(events)) == events, (path.name, module.__name__)
        total += len(events)
    assert total > 41
