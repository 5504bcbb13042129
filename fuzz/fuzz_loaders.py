"""Coverage-guided fuzzing of every loader with atheris (not run in CI).

    python -m pip install -e . --group fuzz
    python fuzz/fuzz_loaders.py -max_total_time=600 fuzz/corpus/loaders

Each input's first byte picks the reader (text format, JSON, JSON Lines, CSV,
from str or bytes); the rest is the document. The contract is the one of
``tests/test_fuzz.py``: a reader returns a list of events or raises its
documented, located error; anything else is a crash that atheris reports with
the input that caused it (saved as ``crash-*``: replay it by passing the file
as the only argument).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable

import atheris  # type: ignore[import-untyped]  # atheris ships no type information

with atheris.instrument_imports():
    import tradeevents
    from tradeevents.errors import LoadError, TextFormatError
    from tradeevents.formats import csv, json, jsonl

READERS: list[tuple[str, Callable[[bytes], list[tradeevents.Event]]]] = [
    ("text", lambda b: tradeevents.loads(b.decode("utf-8", "surrogatepass"))),
    ("text", lambda b: tradeevents.load(io.BytesIO(b))),
    ("json", lambda b: json.loads(b.decode("utf-8", "surrogatepass"))),
    ("json", json.loads),
    ("json", lambda b: json.loads(b, backend="json")),
    ("jsonl", lambda b: jsonl.loads(b.decode("utf-8", "surrogatepass"))),
    ("jsonl", jsonl.loads),
    ("csv", lambda b: csv.loads(b.decode("utf-8", "surrogatepass"))),
]


def check(fmt: str, read: Callable[[bytes], list[tradeevents.Event]], data: bytes) -> None:
    try:
        events = read(data)
    except UnicodeDecodeError:
        return  # the str readers' own decoding above, not the library
    except TextFormatError as exc:
        if fmt != "text":
            raise
        if not (exc.lineno >= 1 and exc.colno >= 1 and 0 <= exc.pos <= len(exc.doc)):
            raise AssertionError(f"error without a valid location: {exc!r}") from exc
        return
    except LoadError as exc:
        if fmt == "text":
            raise
        if not exc.path.startswith("$"):
            raise AssertionError(f"error without a path: {exc!r}") from exc
        return
    if not all(isinstance(event, tradeevents.Event) for event in events):
        raise AssertionError("a reader returned something other than events")
    # what was read must write and read back unchanged in its own format
    module = {"text": tradeevents, "json": json, "jsonl": jsonl, "csv": csv}[fmt]
    if module.loads(module.dumps(events)) != events:
        raise AssertionError(f"{fmt}: read events do not round-trip")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    fmt, read = READERS[data[0] % len(READERS)]
    check(fmt, read, data[1:])


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
