from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradeevents import EventDate, Precision
from tradeevents.testing import event_dates


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("2021-11-17", Precision.DAY, dt.date(2021, 11, 17), dt.date(2021, 11, 17)),
        ("2021-11", Precision.MONTH, dt.date(2021, 11, 1), dt.date(2021, 11, 30)),
        ("2024-02", Precision.MONTH, dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2022-Q1", Precision.QUARTER, dt.date(2022, 1, 1), dt.date(2022, 3, 31)),
        ("2022-Q4", Precision.QUARTER, dt.date(2022, 10, 1), dt.date(2022, 12, 31)),
        ("2022-H1", Precision.HALF, dt.date(2022, 1, 1), dt.date(2022, 6, 30)),
        ("2022-H2", Precision.HALF, dt.date(2022, 7, 1), dt.date(2022, 12, 31)),
        ("2019", Precision.YEAR, dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
    ],
)
def test_parse_canonical(text: str, precision: Precision, first: dt.date, last: dt.date) -> None:
    date = EventDate.parse(text)
    assert date.precision is precision
    assert (date.first, date.last) == (first, last)
    assert str(date) == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "invalid date '': expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Hn"),
        (" 2021", "invalid date ' 2021': expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Hn"),
        (
            "2021-Q5",
            "invalid date '2021-Q5': expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Hn",
        ),
        (
            "2021-13",
            "invalid date '2021-13': part of a month date must be between 1 and 12, not 13",
        ),
        (
            "2021-02-29",
            "invalid date '2021-02-29': day must be between 1 and 28 for 2021-02, not 29",
        ),
        ("0000", "invalid date '0000': year must be between 1 and 9999, not 0"),
        (
            "2021-1-5",
            "invalid date '2021-1-5': expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Hn",
        ),
        (
            "２０２１",
            "invalid date '２０２１': expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Hn",
        ),
    ],
)
def test_parse_errors(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=r"^invalid date ") as info:
        EventDate.parse(text)
    assert str(info.value) == message


def test_parse_rejects_non_strings() -> None:
    with pytest.raises(TypeError, match="a date string is needed, not int"):
        EventDate.parse(2021)  # type: ignore[arg-type]


def test_constructors_validate() -> None:
    with pytest.raises(ValueError, match="part of a quarter date must be between 1 and 4, not 0"):
        EventDate.of_quarter(2021, 0)
    with pytest.raises(ValueError, match="a year date has no day, got 3"):
        EventDate(Precision.YEAR, 2021, 0, 3)


def test_overlaps_and_contains() -> None:
    q1 = EventDate.parse("2022-Q1")
    assert q1.overlaps(EventDate.parse("2022-03-31"))
    assert not q1.overlaps(EventDate.parse("2022-04"))
    assert EventDate.parse("2022-H1").overlaps(q1)
    assert EventDate.parse("2022-02") in q1
    assert dt.date(2022, 1, 5) in q1
    assert EventDate.parse("2022") not in q1
    assert "2022-01" not in q1


def test_order_is_by_first_then_last_day() -> None:
    dates = [EventDate.parse(s) for s in ("2022", "2022-Q1", "2022-01", "2022-01-01", "2021-12-31")]
    assert [str(d) for d in sorted(dates)] == [
        "2021-12-31",
        "2022-01-01",
        "2022-01",
        "2022-Q1",
        "2022",
    ]


def test_repr_evaluates_back() -> None:
    date = EventDate.parse("2022-H2")
    assert eval(repr(date), {"EventDate": EventDate}) == date


@given(event_dates())
def test_string_round_trip(date: EventDate) -> None:
    assert EventDate.parse(str(date)) == date
    assert date.first <= date.last
    assert date.overlaps(date)


@given(event_dates(), event_dates())
def test_overlap_is_symmetric_and_agrees_with_days(a: EventDate, b: EventDate) -> None:
    assert a.overlaps(b) == b.overlaps(a) == (max(a.first, b.first) <= min(a.last, b.last))


@given(st.text(max_size=12))
def test_parse_never_raises_other_errors(text: str) -> None:
    with contextlib.suppress(ValueError):
        EventDate.parse(text)


@given(st.from_type(EventDate))
def test_registered_for_from_type(date: EventDate) -> None:
    assert isinstance(date, EventDate)
