"""Tests of the canonical text format, :mod:`tradeevents.text`."""

from __future__ import annotations

import contextlib
import enum
import io
import json
import math
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradeevents import registry, testing, text
from tradeevents.dates import EventDate
from tradeevents.errors import TextFormatError
from tradeevents.model import (
    Agreement,
    Event,
    Evidence,
    Meeting,
    Official,
    Quota,
    Rate,
    RateQualifier,
    Status,
    Tariff,
)

DATA = Path(__file__).parent / "data" / "text"
VALID = sorted((DATA / "valid").glob("*.events"))
INVALID = sorted((DATA / "invalid").glob("*.events"))
MAGIC = "# tradeevents text 1\n"


def json_form(value: Any) -> Any:
    """The JSON form of EVENTS.md: type tag first, every field, dates and enums as strings."""
    if isinstance(value, Event):
        fields = {f.name: json_form(getattr(value, f.name)) for f in attrs.fields(type(value))}
        return {"type": value.type, **fields}
    if isinstance(value, EventDate):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if attrs.has(type(value)):
        return {f.name: json_form(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, tuple):
        return [json_form(v) for v in value]
    return value


# -- a user-defined event type with extra fields of every simple kind ----------


class Stage(enum.Enum):
    FIRST = "first"
    SECOND = "second reading"  # not a bare word: written quoted
    NONE = "none"  # a reserved word: written quoted


@attrs.frozen(kw_only=True)
class Procurement(Event):
    """A user-defined event type with extra fields."""

    type: ClassVar[str] = "procurement"

    budget: float = 0.0
    lots: int = 1
    open: bool = False
    deadline: EventDate | None = None
    stage: Stage = Stage.FIRST
    stages: tuple[Stage, ...] = ()
    buyer: str | None = None
    labels: tuple[str, ...] = ()
    windows: tuple[EventDate, ...] = ()
    scores: tuple[float, ...] = ()
    lead: Official | None = None


@pytest.fixture
def procurement() -> Any:
    registry.register_event_type(Procurement)
    yield Procurement
    registry.unregister_event_type("procurement")


def procurements() -> st.SearchStrategy[Procurement]:
    texts = testing.texts(max_size=20)
    return st.builds(
        Procurement,
        status=testing.statuses(),
        parties=st.lists(testing.jurisdiction_codes(), max_size=3),
        budget=st.floats(),
        lots=st.integers(),
        open=st.booleans(),
        deadline=st.none() | testing.event_dates(),
        stage=st.sampled_from(Stage),
        stages=st.lists(st.sampled_from(Stage), max_size=3).map(tuple),
        buyer=st.none() | texts,
        labels=st.lists(texts, max_size=3).map(tuple),
        windows=st.lists(testing.event_dates(), max_size=3).map(tuple),
        scores=st.lists(st.floats(allow_nan=False), max_size=3).map(tuple),
        lead=st.none() | testing.officials(),
    )


# -- round trips ---------------------------------------------------------------


@given(testing.event_lists())
def test_round_trip(events: list[Event]) -> None:
    assert text.loads(text.dumps(events)) == events


@given(testing.event_lists())
def test_output_is_stable_and_line_oriented(events: list[Event]) -> None:
    out = text.dumps(events)
    assert text.dumps(text.loads(out)) == out
    assert out == "".join(text.iter_dump(events))
    assert out.startswith(MAGIC)
    assert out.count("\n[") == len(events)
    for line in out.splitlines():
        assert line == line.rstrip(" \t")


@given(testing.event_lists())
def test_file_round_trip_binary_and_text(events: list[Event]) -> None:
    raw = io.BytesIO()
    text.dump(events, raw)
    raw.seek(0)
    assert text.load(raw) == events
    chars = io.StringIO()
    text.dump(events, chars)
    chars.seek(0)
    assert text.load(chars) == events


@given(procurements())
def test_user_registered_type_round_trips(event: Procurement) -> None:
    registry.register_event_type(Procurement)
    try:
        out = text.dumps([event])
        back = text.loads(out)
        assert len(back) == 1
        assert type(back[0]) is Procurement
        # NaN is the one value not equal to itself; compare it by its bits.
        if math.isnan(event.budget):
            assert math.isnan(back[0].budget)
            assert back[0].replace(budget=0.0) == event.replace(budget=0.0)
        else:
            assert back == [event]
    finally:
        registry.unregister_event_type("procurement")


def test_user_registered_type_layout(procurement: Any) -> None:
    event = Procurement(
        status=Status.PLANNED,
        budget=2.5e6,
        lots=-3,
        open=True,
        stage=Stage.SECOND,
        stages=(Stage.NONE, Stage.FIRST),
        buyer="none",
        labels=("a b", "c"),
        scores=(float("inf"), -0.0),
    )
    out = text.dumps([event])
    assert out == MAGIC + (
        "\n[procurement]\n"
        "status: planned\n"
        "budget: 2500000.0\n"
        "lots: -3\n"
        "open: true\n"
        'stage: "second reading"\n'
        'stages: ["none", first]\n'
        'buyer: "none"\n'
        'labels: ["a b", c]\n'
        "scores: [inf, -0.0]\n"
    )
    assert text.loads(out) == [event]


def test_unregistered_type_is_refused_by_writer_and_reader() -> None:
    event = Procurement(status=Status.PLANNED)
    with pytest.raises(TypeError, match="not an event of a registered type"):
        text.dumps([event])
    with pytest.raises(TextFormatError, match="unknown event type 'procurement'"):
        text.loads(MAGIC + "[procurement]\nstatus: planned\n")


def test_event_types_option_limits_the_types() -> None:
    only = {"meeting": Meeting}
    assert text.loads(MAGIC + "[meeting]\nstatus: planned\n", event_types=only) == [
        Meeting(status=Status.PLANNED)
    ]
    with pytest.raises(TextFormatError, match="unknown event type 'agreement'"):
        text.loads(MAGIC + "[agreement]\nstatus: planned\n", event_types=only)
    with pytest.raises(TypeError):
        text.dumps([Agreement(status=Status.PLANNED)], event_types=only)


def test_writer_refuses_what_it_cannot_write() -> None:
    with pytest.raises(TypeError, match="not an event"):
        text.dumps([{"type": "agreement"}])  # type: ignore[list-item]


def test_canonical_layout() -> None:
    event = Tariff(
        status=Status.IN_EFFECT,
        parties=["US", "CN"],
        date=EventDate.parse("2018-07-06"),
        products=["steel", "solar panel"],
        officials=[Official("Robert Lighthizer", "Trade Representative", "US")],
        evidence=Evidence('He said "now".\n', 3, 18),
        rates=[Rate(25), Rate(73.6, "USD/kg", RateQualifier.UP_TO)],
        quota=Quota(3_300_000, "metric ton"),
    )
    assert text.dumps([event, Agreement(status=Status.PLANNED)]) == MAGIC + (
        "\n[tariff]\n"
        "status: in-effect\n"
        "parties: [CN, US]\n"
        "date: 2018-07-06\n"
        'products: ["solar panel", steel]\n'
        'officials: [{name: "Robert Lighthizer", title: "Trade Representative", jurisdiction: US}]\n'
        'evidence: {text: "He said \\"now\\".\\n", start: 3, end: 18}\n'
        'rates: [{value: 25.0}, {value: 73.6, unit: "USD/kg", qualifier: up-to}]\n'
        'quota: {amount: 3300000.0, unit: "metric ton"}\n'
        "\n[agreement]\n"
        "status: planned\n"
    )


def test_escapes_in_output() -> None:
    tricky = '"\\\b\f\n\r\t\x00\x1f\x7f\x85\u2028\u2029é😀'
    out = text.dumps([Meeting(status=Status.PLANNED, source=tricky)])
    assert 'source: "\\"\\\\\\b\\f\\n\\r\\t\\u0000\\u001f\\u007f\\u0085\\u2028\\u2029é😀"\n' in out
    assert text.loads(out)[0].source == tricky


def test_lone_surrogates_round_trip() -> None:
    # "\ud83d" "\ude00" as two code points must not merge into one character.
    event = Meeting(status=Status.PLANNED, source="\ud83d\ude00")
    out = text.dumps([event])
    out.encode("utf-8")  # writable as UTF-8
    assert text.loads(out) == [event]


# -- the conformance corpus ----------------------------------------------------


def test_corpus_is_large_enough() -> None:
    assert len(VALID) >= 12
    assert len(INVALID) >= 25


@pytest.mark.parametrize("path", VALID, ids=[p.stem for p in VALID])
def test_valid_corpus(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    with path.open("rb") as fp:
        events = text.load(fp)
    assert [json_form(e) for e in events] == expected
    assert text.loads(text.dumps(events)) == events


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_corpus(path: Path) -> None:
    expected = path.with_suffix(".err").read_text(encoding="utf-8").rstrip("\n")
    with path.open("rb") as fp, pytest.raises(TextFormatError) as info:
        text.load(fp)
    assert info.value.summary == expected


# -- errors --------------------------------------------------------------------


def test_error_renders_line_and_caret() -> None:
    with pytest.raises(TextFormatError) as info:
        text.loads(MAGIC + "\n[agreement]\nstatus: planned\nparties: [US, XX]\n")
    error = info.value
    assert (error.lineno, error.colno) == (5, 15)
    assert str(error) == (
        "line 5, column 15: invalid value for 'parties': unknown jurisdiction code 'XX'\n"
        "    parties: [US, XX]\n"
        "                  ^"
    )
    assert isinstance(error, ValueError)


def test_error_for_invalid_utf8_names_its_place() -> None:
    data = (MAGIC + '[meeting]\nstatus: planned\nsource: "caf\xe9"\n').encode() + b"\xff\n"
    with pytest.raises(TextFormatError) as info:
        text.load(io.BytesIO(data))
    assert info.value.summary == "line 5, column 1: invalid UTF-8: invalid start byte (byte 0xff)"
    bad = MAGIC.encode() + b'[meeting]\nsource: "caf\xc3"\n'
    with pytest.raises(TextFormatError) as info:
        text.load(io.BytesIO(bad))
    assert info.value.summary.startswith("line 3, column 13: invalid UTF-8: ")
    assert str(info.value).endswith('    source: "caf\ufffd"\n                ^')


def test_missing_status_points_at_the_header() -> None:
    with pytest.raises(TextFormatError) as info:
        text.loads(MAGIC + "\n[tariff]\nparties: [US]\n\n[agreement]\nstatus: planned\n")
    assert (
        info.value.summary
        == "line 3, column 1: missing required field 'status' in this tariff event"
    )
    assert str(info.value).endswith("    [tariff]\n    ^")


def test_loads_needs_str() -> None:
    with pytest.raises(TypeError, match="use load"):
        text.loads(MAGIC.encode())  # type: ignore[arg-type]


@given(st.text())
def test_arbitrary_text_raises_only_text_format_error(s: str) -> None:
    for doc in (
        s,
        MAGIC + s,
        MAGIC + "[tariff]\n" + s,
        MAGIC + "[tariff]\nstatus: planned\nrates: " + s,
    ):
        with contextlib.suppress(TextFormatError):
            text.loads(doc)


@given(st.binary())
def test_arbitrary_bytes_raise_only_text_format_error(data: bytes) -> None:
    for doc in (data, MAGIC.encode() + data, MAGIC.encode() + b"[meeting]\nevidence: " + data):
        with contextlib.suppress(TextFormatError):
            text.load(io.BytesIO(doc))


_FIELD_LINES = st.sampled_from(
    [
        "status: planned",
        "status: ended",
        "parties: [US, JP]",
        "parties: [XX]",
        "date: 2021-02-30",
        "date: 2021-Q3",
        "rates: [{value: 1.0}]",
        "rates: [{value: -1.0}]",
        'evidence: {text: "a", start: 2, end: 1}',
        "quota: {amount: 1.0}",
        "confidence: 2.0",
        "instruments: [Bad]",
        "[tariff]",
        "[meeting]",
        "",
        "# note",
    ]
)


@given(st.lists(_FIELD_LINES, max_size=8), st.lists(st.text(max_size=3), max_size=2))
def test_near_valid_documents_raise_only_text_format_error(
    lines: list[str], noise: list[str]
) -> None:
    doc = MAGIC + "\n".join(lines + noise)
    try:
        events = text.loads(doc)
    except TextFormatError:
        return
    assert text.loads(text.dumps(events)) == events
