"""Fuzzing every loader and the extractor: bad input gives a documented error that says where.

Hypothesis drives each reader with arbitrary text and bytes, and with valid
documents broken on purpose (truncated, spliced, with invalid UTF-8, duplicated
keys, values of the wrong type, CSV rows with missing or extra cells, huge
fields). The contract checked:

* a reader returns a list of events or raises its documented error —
  :class:`~tradeevents.errors.TextFormatError` for the text format,
  :class:`~tradeevents.errors.LoadError` for JSON, JSON Lines and CSV — never
  anything else (no ``KeyError``, ``RecursionError``, ``UnicodeDecodeError``);
* the error names where: a line and column inside the document, or a JSON
  path (and the line, for the line-based formats);
* nothing hangs: large adversarial inputs finish under a hard timeout;
* nothing is lost: events written to a file read back equal, in every format,
  and a write that fails half-way leaves the previous file as it was.

The same properties run under atheris, coverage-guided, from ``fuzz/`` (not in CI).
"""

from __future__ import annotations

import csv as _csv
import datetime as dt
import functools
import importlib
import io
import json as _json
import re
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import tradeevents
from tradeevents import text as tformat
from tradeevents.errors import LoadError, TextFormatError, TradeEventsError
from tradeevents.formats import csv as fcsv
from tradeevents.formats import from_dict, to_dicts
from tradeevents.formats import json as fjson
from tradeevents.formats import jsonl as fjsonl
from tradeevents.model import Event
from tradeevents.testing import event_lists

#: Each format: name -> (dumps, loads of str).
FORMATS: dict[str, tuple[Callable[[Sequence[Event]], str], Callable[[str], list[Event]]]] = {
    "json": (fjson.dumps, fjson.loads),
    "jsonl": (fjsonl.dumps, fjsonl.loads),
    "csv": (fcsv.dumps, fcsv.loads),
    "text": (tformat.dumps, tformat.loads),
}
#: Readers of bytes (binary files): invalid UTF-8 must be reported, not raised raw.
BYTE_READERS: dict[str, Callable[[bytes], list[Event]]] = {
    "json": fjson.loads,
    "jsonl": fjsonl.loads,
    "json file": lambda b: fjson.load(io.BytesIO(b)),
    "jsonl file": lambda b: fjsonl.load(io.BytesIO(b)),
    "text file": lambda b: tformat.load(io.BytesIO(b)),
}

#: Plenty for a linear reader on a few MB; a hang or a quadratic blow-up overruns it.
HARD_TIMEOUT = 30.0


# -- the contract -------------------------------------------------------------------------


def check_outcome(
    fmt: str, read: Callable[[], list[Event]], doc: str | bytes
) -> list[Event] | None:
    """Run *read*; it must return events or raise the format's documented, located error."""
    error: TradeEventsError | None = None
    try:
        result = read()
    except (TextFormatError, LoadError) as exc:
        error = exc
    if error is None:
        assert isinstance(result, list)
        assert all(isinstance(event, Event) for event in result)
        return result
    if fmt.startswith("text"):
        assert isinstance(error, TextFormatError), f"{fmt} raised {error!r}"
        check_text_error(error, doc)
    else:
        assert isinstance(error, LoadError), f"{fmt} raised {error!r}"
        check_load_error(error, doc)
    return None


def check_text_error(exc: TextFormatError, doc: str | bytes) -> None:
    assert isinstance(exc, ValueError)
    assert isinstance(exc, TradeEventsError)
    assert exc.msg
    assert 0 <= exc.pos <= len(exc.doc)
    lines = exc.doc.count("\n") + 1
    assert 1 <= exc.lineno <= lines
    assert exc.colno >= 1
    assert str(exc).startswith(f"line {exc.lineno}, column {exc.colno}: ")
    if isinstance(doc, str):
        assert exc.doc == doc


def check_load_error(exc: LoadError, doc: str | bytes) -> None:
    assert isinstance(exc, ValueError)
    assert isinstance(exc, TradeEventsError)
    assert exc.msg
    assert exc.path.startswith("$"), exc.path
    if exc.lineno is not None:
        text = doc.decode("utf-8", "replace") if isinstance(doc, bytes) else doc
        # CSV ends lines at "\r" too
        assert 1 <= exc.lineno <= len(re.findall(r"\r\n|\r|\n", text)) + 1
    assert str(exc)


# -- arbitrary input -------------------------------------------------------------------------

#: Text that looks a little like each format, so that fuzzing gets past the first line.
_ALPHABET = st.sampled_from(
    [
        *'{}[]",:|\\\n\r\t #-.0123456789eE',
        *("true", "false", "null", "none", "nan", "inf", "agreement", "tariff", "status"),
        *("parties", "date", "in-effect", "US", "JP", "2021-11-17", "\x00", "\u2028", "\ud800"),
        *(tformat.MAGIC, ",".join(fcsv.COLUMNS), '{"type": "agreement"', "[agreement]"),
    ]
)
texts_like_events = st.lists(_ALPHABET, max_size=60).map("".join)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@given(doc=st.text(max_size=300) | texts_like_events)
@example(doc="")
@example(doc="\ufeff")
@example(doc="[" * 50_000)
@example(doc='[{"a":' * 20_000)
def test_arbitrary_text(fmt: str, doc: str) -> None:
    loads = FORMATS[fmt][1]
    check_outcome(fmt, lambda: loads(doc), doc)


@pytest.mark.parametrize("reader", sorted(BYTE_READERS))
@given(data=st.binary(max_size=300))
@example(data=b"\xff\xfe")
@example(data=b'[{"type": "agreement", "status": "announced", "source": "\xc3"}]')
@example(data=tformat.MAGIC.encode() + b'\n\n[agreement]\nstatus: announced\nsource: "\xe2\x82"\n')
def test_arbitrary_bytes(reader: str, data: bytes) -> None:
    read = BYTE_READERS[reader]
    check_outcome(reader.split()[0], lambda: read(data), data)


# -- valid documents, broken on purpose ----------------------------------------------------------


@st.composite
def broken(draw: st.DrawFn, fmt: str) -> str:
    """A valid document of *fmt*, then truncated, spliced, or with lines duplicated or swapped."""
    doc = FORMATS[fmt][0](draw(event_lists(max_size=4)))
    assume(doc)
    how = draw(st.sampled_from(["truncate", "delete", "insert", "replace", "duplicate", "swap"]))
    i = draw(st.integers(0, len(doc)))
    if how == "truncate":
        return doc[:i]
    if how == "delete":
        return doc[:i] + doc[draw(st.integers(i, min(len(doc), i + 12))) :]
    if how in ("insert", "replace"):
        piece = draw(_ALPHABET | st.text(max_size=3))
        return doc[:i] + piece + doc[i + (how == "replace") :]
    lines = doc.splitlines(keepends=True)
    j, k = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    if how == "duplicate":
        lines.insert(j, lines[k])
    else:
        lines[j], lines[k] = lines[k], lines[j]
    return "".join(lines)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@given(data=st.data())
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_broken_documents(fmt: str, data: st.DataObject) -> None:
    doc = data.draw(broken(fmt))
    check_outcome(fmt, lambda: FORMATS[fmt][1](doc), doc)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "text"])
@given(events=event_lists(min_size=1, max_size=3), data=st.data())
def test_invalid_utf8_is_reported(fmt: str, events: list[Event], data: st.DataObject) -> None:
    """A bad byte anywhere in an encoded document: the error names it."""
    raw = FORMATS[fmt][0](events).encode("utf-8")
    i = data.draw(st.integers(0, len(raw)))
    bad = data.draw(st.sampled_from([b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\x80"]))
    doc = raw[:i] + bad + raw[i:]
    read = BYTE_READERS["text file" if fmt == "text" else fmt]
    assert check_outcome(fmt, lambda: read(doc), doc) is None


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@given(events=event_lists(min_size=1, max_size=3), data=st.data())
def test_truncated_documents_never_gain_events(
    fmt: str, events: list[Event], data: st.DataObject
) -> None:
    """A cut-off file reads as an error or as a prefix of the events, never as more or others."""
    doc = FORMATS[fmt][0](events)
    cut = doc[: data.draw(st.integers(0, len(doc) - 1))]
    result = check_outcome(fmt, lambda: FORMATS[fmt][1](cut), cut)
    if result is not None:
        # The last event read may be cut short yet still valid (a list cut after
        # an item); every event before it is exactly as written.
        assert len(result) <= len(events)
        assert result[:-1] == events[: max(0, len(result) - 1)]


# -- JSON: duplicated keys and wrong types --------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=6,
)


@given(events=event_lists(min_size=1, max_size=3), data=st.data())
def test_json_wrong_types_name_the_event(events: list[Event], data: st.DataObject) -> None:
    """Any field replaced by any JSON value: the events load, or the error names that event."""
    dicts = to_dicts(events)
    i = data.draw(st.integers(0, len(dicts) - 1))
    key = data.draw(st.sampled_from(sorted(k for k in dicts[i] if k != "id")))
    value = data.draw(json_values)
    assume(value != dicts[i][key])
    dicts[i][key] = value
    doc = _json.dumps(dicts)
    for backend in ("auto", "json"):
        loaded = check_outcome("json", functools.partial(fjson.loads, doc, backend=backend), doc)
        if loaded is None:
            with pytest.raises(LoadError) as info:
                fjson.loads(doc, backend=backend)
            assert info.value.path.startswith(f"$[{i}]"), (info.value.path, key)
        else:
            assert loaded[:i] == events[:i]
            assert loaded[i + 1 :] == events[i + 1 :]


@given(events=event_lists(min_size=1, max_size=3), data=st.data())
def test_json_duplicate_keys_are_refused(events: list[Event], data: st.DataObject) -> None:
    dicts = to_dicts(events)
    i = data.draw(st.integers(0, len(dicts) - 1))
    key = data.draw(st.sampled_from(sorted(dicts[i])))
    member = f"{_json.dumps(key)}: {_json.dumps(dicts[i][key])}"
    objects = [_json.dumps(d) for d in dicts]
    objects[i] = objects[i][:-1] + ", " + member + "}"
    doc = "[" + ", ".join(objects) + "]"
    for loads in (fjson.loads, lambda s: fjson.loads(s, backend="json")):
        with pytest.raises(LoadError, match="duplicate key") as info:
            loads(doc)
        check_load_error(info.value, doc)
    line = objects[i]
    with pytest.raises(LoadError, match="duplicate key") as info:
        fjsonl.loads("\n".join([*objects[:i], line, *objects[i + 1 :]]))
    assert info.value.lineno == i + 1


# -- CSV: missing and extra cells ---------------------------------------------------------------


_LINE_END = re.compile(r"\r\n|\r|\n")


def _csv_rows(doc: str) -> list[list[str]]:
    return list(_csv.reader(io.StringIO(doc, newline="")))


def _csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    _csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


@given(events=event_lists(min_size=1, max_size=3), data=st.data())
def test_csv_missing_or_extra_cells_name_the_row(events: list[Event], data: st.DataObject) -> None:
    rows = _csv_rows(fcsv.dumps(events))
    r = data.draw(st.integers(1, len(rows) - 1))
    if data.draw(st.booleans()):
        del rows[r][data.draw(st.integers(0, len(rows[r]) - 1))]
    else:
        rows[r] += data.draw(st.lists(st.text(max_size=3), min_size=1, max_size=3))
    doc = _csv_text(rows)
    with pytest.raises(LoadError, match="cells") as info:
        fcsv.loads(doc)
    check_load_error(info.value, doc)
    assert info.value.path == f"$[{r - 1}]"
    # the line where the row starts: a line ends at "\r\n", "\r" or "\n", inside a quoted
    # cell too, as the csv module counts them
    assert info.value.lineno == 1 + sum(
        len(_LINE_END.findall(_csv_text([row]))) for row in rows[:r]
    )


@given(data=st.data())
def test_csv_wrong_header_is_refused(data: st.DataObject) -> None:
    header = list(fcsv.COLUMNS)
    i = data.draw(st.integers(0, len(header) - 1))
    if data.draw(st.booleans()):
        del header[i]
    else:
        header.insert(i, data.draw(st.sampled_from(["extra", "id", "note", ""])))
    doc = _csv_text([header])
    with pytest.raises(LoadError, match="header") as info:
        fcsv.loads(doc)
    assert info.value.lineno == 1


# -- huge input, bounded time -------------------------------------------------------------------


class _Timeout(Exception):
    pass


def _with_timeout(fn: Callable[[], Any], seconds: float) -> tuple[Any, float]:
    """Run *fn* under a hard timeout (SIGALRM where there is one); returns (result, seconds)."""
    use_alarm = hasattr(signal, "setitimer")

    def on_alarm(signum: int, frame: object) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, on_alarm) if use_alarm else None
    if use_alarm:
        signal.setitimer(signal.ITIMER_REAL, seconds)
    start = time.perf_counter()
    try:
        result = fn()
    except _Timeout:
        pytest.fail(f"did not finish in {seconds} s")
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return result, time.perf_counter() - start


def _agreement_about(topic: str) -> Event:
    # through the dict form: mypy's attrs plugin cannot type the generic set converter
    return from_dict({"type": "agreement", "status": "announced", "topics": [topic]})


def _huge_inputs() -> Iterator[tuple[str, str, str]]:
    """(format, name, document) for large adversarial documents of 1-2 MB."""
    n = 1_000_000
    topic = "x" * n
    one = [_agreement_about(topic)]
    for fmt, (dumps, _) in FORMATS.items():
        yield fmt, "a 1 MB field", dumps(one)
        valid = dumps(one[:1])
        yield fmt, "a 1 MB field, truncated", valid[: len(valid) // 2]
        for name, unit in [
            ("spaces", " "),
            ("brackets", "["),
            ("braces", "{"),
            ("quotes", '"'),
            ("backslashes", "\\"),
            ("commas", ","),
            ("pipes", "|"),
            ("newlines", "\n"),
            ("words", "agreement "),
            ("escapes", "\\u00"),
        ]:
            head = {"json": "[", "jsonl": "", "csv": ",".join(fcsv.COLUMNS) + "\r\n"}.get(
                fmt, tformat.MAGIC + "\n\n[agreement]\nstatus: announced\ntopics: ["
            )
            yield fmt, f"{name} x 1M", head + unit * (n // len(unit))


@pytest.mark.parametrize(("fmt", "name", "doc"), list(_huge_inputs()), ids=lambda v: str(v)[:30])
def test_huge_input_finishes(fmt: str, name: str, doc: str) -> None:
    loads = FORMATS[fmt][1]
    _with_timeout(lambda: check_outcome(fmt, lambda: loads(doc), doc), HARD_TIMEOUT)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_huge_field_round_trips(fmt: str) -> None:
    events = [_agreement_about("y" * 2_000_000)]
    dumps, loads = FORMATS[fmt]
    doc = dumps(events)
    loaded, _ = _with_timeout(lambda: loads(doc), HARD_TIMEOUT)
    assert loaded == events


# -- nothing lost: files -----------------------------------------------------------------------

#: Each format's file writer and reader; the text format goes through the
#: command line's atomic writer.
PATH_IO: dict[str, tuple[Callable[[Any, Path], None], Callable[[Path], list[Event]]]] = {
    "json": (fjson.dump_path, fjson.load_path),
    "jsonl": (fjsonl.dump_path, fjsonl.load_path),
    "csv": (fcsv.dump_path, fcsv.load_path),
}


def _text_dump_path(events: Any, path: Path) -> None:
    dump_path = getattr(tformat, "dump_path", None)
    if dump_path is not None:
        dump_path(events, path)
        return
    from tradeevents._io import write_atomic

    write_atomic(path, tformat.iter_dump(events))


def _text_load_path(path: Path) -> list[Event]:
    with path.open("rb") as fp:
        return tformat.load(fp)


PATH_IO["text"] = (_text_dump_path, _text_load_path)


@pytest.mark.parametrize("fmt", sorted(PATH_IO))
@settings(max_examples=20)
@given(events=event_lists(max_size=5))
def test_file_round_trip(fmt: str, events: list[Event], tmp_path_factory: Any) -> None:
    path = tmp_path_factory.mktemp(fmt) / f"events.{fmt}"
    dump_path, load_path = PATH_IO[fmt]
    dump_path(events, path)
    assert load_path(path) == events


class _Boom(Exception):
    pass


@pytest.mark.parametrize("fmt", sorted(PATH_IO))
@pytest.mark.parametrize("after", [0, 1, 300])
def test_failed_write_leaves_previous_file_intact(fmt: str, after: int, tmp_path: Path) -> None:
    old = [tradeevents.Agreement(status=tradeevents.Status.CONCLUDED, parties=("US", "JP"))]
    new = tradeevents.Meeting(status=tradeevents.Status.PLANNED, parties=("CN", "EU"))
    path = tmp_path / f"events.{fmt}"
    dump_path, load_path = PATH_IO[fmt]
    dump_path(old, path)
    before = path.read_bytes()

    def failing() -> Iterator[Event]:
        for _ in range(after):
            yield new
        raise _Boom

    with pytest.raises(_Boom):
        dump_path(failing(), path)
    assert path.read_bytes() == before
    assert load_path(path) == old
    assert [p.name for p in tmp_path.iterdir()] == [path.name], "a temporary file was left behind"


# -- the extractor -------------------------------------------------------------------------------


def _extract() -> Callable[..., list[Event]]:
    try:
        module = importlib.import_module("tradeevents.extraction")
    except ImportError:
        pytest.skip("tradeevents.extraction is not there yet")
    extract: Callable[..., list[Event]] = module.extract
    return extract


_NEWS = st.sampled_from(
    [
        "The U.S. and Japan announced Nov. 17 a new partnership on trade.",
        "China imposed 25% tariffs on U.S. soybeans on July 6, 2018.",
        "Commerce opened a Section 232 investigation into steel imports last month.",
        "The EU and Mexico concluded negotiations on a modernised agreement in early 2020.",
        "Officials will meet in Tokyo next week. ",
        "U.S.",
        "Nov. 17",
        "Section 301",
        " and ",
        "\n\n",
        "“",
        "”",
        "—",
        "(",
        ")",
    ]
)
news_like = st.lists(_NEWS | st.text(max_size=20), max_size=12).map("".join)


@given(text=st.text(max_size=500) | news_like, published=st.none() | st.dates())
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_extract_never_raises_on_text(text: str, published: dt.date | None) -> None:
    extract = _extract()
    events = extract(text, published=published)
    assert isinstance(events, list)
    for event in events:
        assert isinstance(event, Event)
        if event.evidence is not None:
            assert 0 <= event.evidence.start <= event.evidence.end <= len(text)
    # what it found can be written and read back in every format
    for dumps, loads in FORMATS.values():
        assert loads(dumps(events)) == events


@pytest.mark.parametrize(
    "unit",
    ["a", " ", ".", "U.S. ", "Nov. 17, ", "The United States and Japan agreed ", "(", "“", "\n"],
)
def test_extract_adversarial_text_finishes(unit: str) -> None:
    extract = _extract()
    text = unit * (200_000 // len(unit))
    _with_timeout(lambda: extract(text, published=dt.date(2021, 11, 19)), HARD_TIMEOUT)
