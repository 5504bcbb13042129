"""Partition-level entry points: records in, events or JSON Lines out, one record at a time."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import re
from collections.abc import Iterator

import pytest

from tradeevents import EventDate, parsers
from tradeevents.batch import (
    TextRecord,
    as_record,
    extract_partition,
    extract_partition_jsonl,
)
from tradeevents.formats import jsonl

NEWS = "The U.S. and Japan signed a trade agreement on Monday."
OTHER = "China imposed 25% tariffs on U.S. soybeans on July 6, 2018."


def test_plain_strings_equal_a_loop() -> None:
    texts = [NEWS, OTHER, "", NEWS]
    expected = [e for t in texts for e in parsers.extract(t, published="2019-10-08")]
    assert expected
    assert list(extract_partition(texts, published="2019-10-08")) == expected


def test_records_carry_source_and_their_own_date() -> None:
    records = [
        ("a.txt", NEWS),
        {"id": 7, "text": NEWS, "published": "2019-10-15"},
        {"source": "c", "text": NEWS},
        TextRecord("d", NEWS, dt.date(2019, 10, 22)),
    ]
    events = list(extract_partition(records, published=dt.date(2019, 10, 8)))
    assert [e.source for e in events] == ["a.txt", "7", "c", "d"]
    assert [str(e.date) for e in events] == ["2019-10-07", "2019-10-14", "2019-10-07", "2019-10-21"]


def test_a_source_set_by_the_parser_is_kept() -> None:
    def tagged(text: str, /, *, published: dt.date | None = None) -> list:  # type: ignore[type-arg]
        return [e.replace(source="by-parser") for e in parsers.extract(text)]

    events = list(extract_partition([("file", NEWS)], parser=tagged))
    assert [e.source for e in events] == ["by-parser"]


def test_jsonl_lines_equal_the_serializer() -> None:
    texts = [("a", NEWS), ("b", OTHER)]
    lines = list(extract_partition_jsonl(texts, published="2019-10-08"))
    events = list(extract_partition(texts, published="2019-10-08"))
    assert len(lines) == len(events)
    assert all(not line.endswith("\n") for line in lines)
    assert jsonl.loads("\n".join(lines)) == events
    assert json.loads(lines[0])["source"] == "a"


def test_jsonl_keeps_unicode_line_separators_inside_a_line() -> None:
    text = "The U.S. and Japan signed a trade agreement\u2028on Monday\u0085 in Tokyo."
    lines = list(extract_partition_jsonl([text], published="2019-10-08"))
    assert lines
    assert all(json.loads(line)["type"] for line in lines)


def test_the_partition_is_read_lazily() -> None:
    seen: list[int] = []

    def texts() -> Iterator[str]:
        for i in range(1000):
            seen.append(i)
            yield NEWS

    stream = extract_partition(texts(), published="2019-10-08")
    next(stream)
    assert seen == [0]
    lines = extract_partition_jsonl(texts(), published="2019-10-08")
    next(lines)
    assert seen == [0, 0]


def test_parser_by_name_or_object() -> None:
    from tradeevents import text

    doc = text.dumps(parsers.extract(NEWS, published="2019-10-08"))
    assert list(extract_partition([doc], parser="text")) == list(
        extract_partition([doc], parser=parsers.TextFormatParser())
    )


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (
            3,
            "a record is a str, a (source, text[, published]) tuple or a mapping with 'text', not int",
        ),
        (("a", "b", "c", "d"), "not tuple"),
        ({"body": "x"}, "a record mapping needs a 'text' key; it has ['body']"),
        (("a", b"bytes"), "a record's text must be a str, not bytes"),
    ],
)
def test_bad_records(item: object, message: str) -> None:
    with pytest.raises(TypeError, match=re.escape(message)):
        as_record(item)


def test_bad_record_date() -> None:
    with pytest.raises(ValueError, match="invalid publication date 'soon'"):
        as_record({"text": "x", "published": "soon"})
    assert as_record({"text": "x", "published": "2020-01-02"}).published == dt.date(2020, 1, 2)


def test_the_functions_pickle_for_engines() -> None:
    # engines ship the function and its keyword arguments to the workers
    import functools

    job = functools.partial(extract_partition_jsonl, published="2019-10-08", parser="news")
    again = pickle.loads(pickle.dumps(job))
    assert list(again([NEWS])) == list(job([NEWS]))
    assert pickle.loads(pickle.dumps(as_record(("s", NEWS)))) == TextRecord("s", NEWS)


def test_events_pickle() -> None:
    events = list(extract_partition([("s", NEWS)], published="2019-10-08"))
    assert pickle.loads(pickle.dumps(events)) == events
    assert events[0].date == EventDate.parse("2019-10-07")
