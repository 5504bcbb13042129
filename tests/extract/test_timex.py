"""Date resolution: each example of EVENTS.md's date table and of the issue."""

from __future__ import annotations

import datetime as dt

import pytest

from tradeevents._extract.lexicon import default_lexicon
from tradeevents._extract.timex import find_times
from tradeevents._extract.tokens import normalize, tokenize
from tradeevents.extraction import extract


def resolve(text: str, published: str | None, *, future: bool = False) -> list[str | None]:
    tokens = tokenize(normalize(text))
    pub = None if published is None else dt.date.fromisoformat(published)
    found = find_times(text, tokens, 0, len(tokens), default_lexicon(), pub, None)
    return [
        None if (t.future if future else t.past) is None else str(t.future if future else t.past)
        for t in found
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("announced Nov. 17 a partnership", "2021-11-20", ["2021-11-17"]),
        ("in November 2021", "2021-12-20", ["2021-11"]),
        ("last month", "2021-12-20", ["2021-11"]),
        ("in early 2022", "2021-11-19", ["2022-Q1"]),
        ("the first quarter of 2022", "2021-11-19", ["2022-Q1"]),
        ("the first half of 2024", "2023-11-19", ["2024-H1"]),
        ("two years ago", "2021-11-19", ["2019"]),
        ("in 2019", "2021-11-19", ["2019"]),
        ("on Tuesday", "2022-03-23", ["2022-03-22"]),
        ("last Tuesday", "2022-03-25", ["2022-03-15"]),
        ("early next year", "2019-10-08", ["2020-Q1"]),
        ("from 1 January 2024", "2023-12-19", ["2024-01-01"]),
        ("effective 2025-05-14", "2025-05-16", ["2025-05-14"]),
        ("on October 7, 2022", None, ["2022-10-07"]),
        # a week is told by its month, the one holding its Thursday
        ("last week", "2019-05-16", ["2019-05"]),
        ("last week", "2019-06-03", ["2019-05"]),
        ("two weeks ago", "2019-05-16", ["2019-05"]),
        ("over the weekend", "2023-09-19", ["2023-09"]),
        ("over the weekend", "2023-10-02", ["2023-09"]),
        # a span of years describes something; it dates nothing
        ("quotas set at average 2015-2017 import volumes", "2019-02-01", []),
        ("last month", None, [None]),
        ("Nov. 17", None, [None]),
        ("in June", "2024-10-02", ["2024-06"]),
        ("in November", "2024-10-02", ["2023-11"]),
        ("the cuts were recent and will come soon", "2024-10-02", []),
        # a quarter or half told relative to publication
        ("in the first quarter of this year", "2023-01-03", ["2023-Q1"]),
        ("In March of this year", "2025-06-03", ["2025-03"]),
        ("in May of last year", "2025-06-03", ["2024-05"]),
        ("in the second half of next year", "2023-01-03", ["2024-H2"]),
        ("in the second half of the year", "2023-01-03", ["2023-H2"]),
        ("in the first half of the decade", "2023-01-03", []),
        ("in the fifth quarter", "2023-01-03", []),
        ("half of the imports", "2023-01-03", []),
    ],
)
def test_table(text: str, published: str | None, expected: list[str | None]) -> None:
    assert resolve(text, published) == expected


def test_future_reading() -> None:
    assert resolve("effective Thursday", "2021-11-16", future=True) == ["2021-11-18"]
    assert resolve("due in late November", "2024-10-02", future=True) == ["2024-11"]


def test_a_quarter_without_its_year_has_two_readings() -> None:
    # the last one begun by publication, or the next one not yet over
    assert resolve("in the third quarter", "2023-01-03") == ["2022-Q3"]
    assert resolve("in the third quarter", "2023-01-03", future=True) == ["2023-Q3"]
    assert resolve("in the first quarter", "2023-02-10") == ["2023-Q1"]
    assert resolve("in the first quarter", "2023-02-10", future=True) == ["2023-Q1"]
    assert resolve("in the first half", "2023-11-20", future=True) == ["2024-H1"]
    assert resolve("in the third quarter", None) == [None]


def test_a_span_after_publication_is_read_forward() -> None:
    assert resolve("will take effect in 21 days", "2025-03-04", future=True) == ["2025-03-25"]
    assert resolve("in two weeks", "2019-05-16", future=True) == ["2019-05"]
    assert resolve("in six months", "2025-03-04", future=True) == ["2025-09"]
    # no reading in the past, and a number that is no count is no span
    assert resolve("in 21 days", "2025-03-04") == [None]
    assert resolve("in many days", "2025-03-04") == []


def test_immediate_effect_is_the_day_of_publication() -> None:
    assert resolve("effective immediately", "2025-02-04") == ["2025-02-04"]
    assert resolve("with immediate effect", "2025-02-04") == ["2025-02-04"]
    assert resolve("it would immediately retaliate", "2025-02-04") == []
    # a day told beside it dates the act
    assert resolve("On May 13, it banned exports with immediate effect", "2025-05-25") == [
        "2025-05-13"
    ]


def test_earlier_in_the_day_is_the_day_of_publication() -> None:
    assert resolve("Earlier in the day, they met", "2025-09-24") == ["2025-09-24"]
    assert resolve("later in the day", "2025-09-24") == ["2025-09-24"]
    assert resolve("later in the day", None) == [None]
    assert resolve("the day before", "2025-09-24") == []


def test_may_is_a_month_only_when_capitalised() -> None:
    assert resolve("tariffs may rise", "2024-10-02") == []
    assert resolve("proposed in May", "2024-09-16") == ["2024-05"]


def test_next_week_is_read_forward() -> None:
    assert resolve("next week", "2019-05-16", future=True) == ["2019-05"]
    assert resolve("next week", "2019-05-30", future=True) == ["2019-06"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a year in a document number is no date
        (
            "The European Union's Anti-Coercion Instrument, Regulation (EU) 2023/2675, "
            "entered into force on 27 December 2023.",
            "2024-01-10",
            ["2023-12-27"],
        ),
        # "the following day" is the day after the day told before it
        (
            "The regulation was published on 14 February 2025 and the definitive "
            "anti-dumping duties entered into force the following day.",
            "2025-02-20",
            ["2025-02-15"],
        ),
    ],
)
def test_the_dates_of_events(text: str, published: str, expected: list[str]) -> None:
    assert [str(e.date) for e in extract(text, published=published)] == expected
