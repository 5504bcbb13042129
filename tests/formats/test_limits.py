"""``max_bytes`` on every loader, and CSV cells beyond the csv module's own limit."""

from __future__ import annotations

import csv as stdlib_csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tradeevents as te
from tradeevents import text
from tradeevents.errors import LoadError, TextFormatError
from tradeevents.formats import _backend, csv, json, jsonl

EVENTS = [
    te.Agreement(status=te.Status.ANNOUNCED, parties=("JP", "US"), topics=("ステンレス鋼",)),
    te.Meeting(status=te.Status.PLANNED, parties=("CN", "US")),
]

#: format -> (dumps, loads, load of a file, iter_load or None, the error)
FORMATS: dict[str, tuple[Callable[..., str], Callable[..., Any], Callable[..., Any], Any, type]] = {
    "json": (json.dumps, json.loads, json.load, None, LoadError),
    "jsonl": (jsonl.dumps, jsonl.loads, jsonl.load, jsonl.iter_load, LoadError),
    "csv": (csv.dumps, csv.loads, csv.load, csv.iter_load, LoadError),
    "text": (text.dumps, text.loads, text.load, None, TextFormatError),
}
PATHS: dict[str, tuple[Callable[..., None], Callable[..., Any]]] = {
    "json": (json.dump_path, json.load_path),
    "jsonl": (jsonl.dump_path, jsonl.load_path),
    "csv": (csv.dump_path, csv.load_path),
    "text": (text.dump_path, text.load_path),
}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_max_bytes_is_the_utf8_size_of_the_document(fmt: str) -> None:
    dumps, loads, _, _, error = FORMATS[fmt]
    doc = dumps(EVENTS)
    size = len(doc.encode("utf-8"))
    assert size > len(doc)  # the topic is not ASCII: bytes, not characters, are counted
    assert loads(doc, max_bytes=size) == EVENTS
    assert loads(doc) == EVENTS
    with pytest.raises(error, match=f"the document is larger than max_bytes={size - 1} bytes"):
        loads(doc, max_bytes=size - 1)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_files_are_read_no_further_than_the_limit(fmt: str) -> None:
    dumps, _, load, _, error = FORMATS[fmt]
    doc = dumps(EVENTS)
    size = len(doc.encode("utf-8"))
    assert load(io.StringIO(doc, newline=""), max_bytes=size) == EVENTS
    with pytest.raises(error, match="larger than max_bytes=10 bytes"):
        load(io.StringIO(doc + "x" * 10**6, newline=""), max_bytes=10)
    if fmt != "csv":  # csv reads text files only
        assert load(io.BytesIO(doc.encode()), max_bytes=size) == EVENTS
        with pytest.raises(error, match="larger than max_bytes=10 bytes"):
            load(io.BytesIO(doc.encode()), max_bytes=10)


@pytest.mark.parametrize("fmt", sorted(PATHS))
def test_path_round_trip_and_limit(fmt: str, tmp_path: Path) -> None:
    dump_path, load_path = PATHS[fmt]
    path = tmp_path / f"events.{fmt}"
    dump_path(EVENTS, path)
    assert load_path(path) == EVENTS
    error = TextFormatError if fmt == "text" else LoadError
    with pytest.raises(error, match="larger than max_bytes=5 bytes"):
        load_path(path, max_bytes=5)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_streams_stop_at_the_line_past_the_limit(fmt: str) -> None:
    dumps, _, _, iter_load, _ = FORMATS[fmt]
    lines = dumps(EVENTS * 3).splitlines(keepends=True)
    limit = sum(len(line.encode()) for line in lines[:2])
    read: list[te.Event] = []
    with pytest.raises(LoadError) as info:
        read.extend(iter_load(lines, max_bytes=limit))
    assert info.value.lineno == 3
    assert read == (EVENTS[:1] if fmt == "csv" else EVENTS)  # csv: line 1 is the header


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize(("bad", "error"), [(-1, ValueError), (1.5, TypeError), ("1", TypeError)])
def test_a_bad_limit_is_refused(fmt: str, bad: object, error: type[Exception]) -> None:
    _, loads, _, _, _ = FORMATS[fmt]
    with pytest.raises(error, match="max_bytes must be"):
        loads(FORMATS[fmt][0](EVENTS), max_bytes=bad)


def test_csv_reads_cells_beyond_the_csv_modules_limit_and_restores_it() -> None:
    before = stdlib_csv.field_size_limit()
    events = [te.Agreement(status=te.Status.PLANNED, topics=("y" * (before + 10),))]
    assert csv.loads(csv.dumps(events)) == events
    assert stdlib_csv.field_size_limit() == before
    with pytest.raises(LoadError, match=r"invalid CSV"):
        csv.loads(csv.dumps(events) + '"unterminated')
    assert stdlib_csv.field_size_limit() == before


def test_text_dump_path_is_atomic(tmp_path: Path) -> None:
    path = tmp_path / "events.txt"
    text.dump_path(EVENTS, path)
    old = path.read_bytes()
    with pytest.raises(TypeError, match="cannot write"):
        text.dump_path([*EVENTS, object()], path)  # type: ignore[list-item]
    assert path.read_bytes() == old
    assert list(tmp_path.iterdir()) == [path]


@given(st.text(st.sampled_from("0123456789.eE,x"), max_size=60))
def test_long_integer_check_agrees_with_its_regex(doc: str) -> None:
    assert _backend._has_long_integer(doc.encode()) == bool(_backend._LONG_DIGITS.search(doc))
