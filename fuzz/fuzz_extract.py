"""Coverage-guided fuzzing of the extractor with atheris (not run in CI).

    python -m pip install -e . --group fuzz
    python fuzz/fuzz_extract.py -max_total_time=600 -max_len=20000 fuzz/corpus/extract

The input is read as UTF-8 text (invalid bytes replaced); its first two bytes
choose a publication date, or none. The extractor must return a list of events
that round-trip through every format, whose evidence spans lie inside the
text, and must not raise. ``-timeout=10`` (atheris' default is 1200 s) makes a
slow input a reported crash.
"""

from __future__ import annotations

import datetime as dt
import sys

import atheris  # type: ignore[import-untyped]  # atheris ships no type information

with atheris.instrument_imports():
    import tradeevents
    from tradeevents import extraction
    from tradeevents.formats import csv, json, jsonl


def test_one_input(data: bytes) -> None:
    if len(data) < 2:
        return
    day = int.from_bytes(data[:2], "big")
    published = None if day == 0 else dt.date(2000, 1, 1) + dt.timedelta(days=day % 12_000)
    text = data[2:].decode("utf-8", "replace")
    events = extraction.extract(text, published=published)
    for event in events:
        if not isinstance(event, tradeevents.Event):
            raise AssertionError(f"not an event: {event!r}")
        if event.evidence is not None and not (
            0 <= event.evidence.start <= event.evidence.end <= len(text)
        ):
            raise AssertionError(f"evidence outside the text: {event.evidence!r}")
    for module in (tradeevents, json, jsonl, csv):
        if module.loads(module.dumps(events)) != events:
            raise AssertionError(f"{module.__name__}: extracted events do not round-trip")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
