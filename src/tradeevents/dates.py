"""Dates with a precision: a day, a month, a quarter, a half-year or a year.

News gives dates at many grains ("Nov. 17", "last month", "early 2022", "in
2019"); :class:`EventDate` keeps the grain the text supports and prints the
canonical strings of EVENTS.md::

    >>> EventDate.parse("2022-Q1")
    EventDate.parse('2022-Q1')
    >>> str(EventDate.of_month(2021, 11))
    '2021-11'
    >>> EventDate.parse("2022-Q1").overlaps(EventDate.parse("2022-02"))
    True

An unknown date is ``None`` on an event (``null`` in JSON), not a date value.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from typing import Any

import attrs

__all__ = ["EventDate", "Precision", "coerce_date"]


class Precision(str, enum.Enum):
    """How fine a date is, from coarsest to finest."""

    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"
    DAY = "day"

    def __str__(self) -> str:
        return self.value


#: Months per unit for the precisions that subdivide a year.
_MONTHS_PER = {Precision.YEAR: 12, Precision.HALF: 6, Precision.QUARTER: 3, Precision.MONTH: 1}
_PART_LIMIT = {Precision.YEAR: 0, Precision.HALF: 2, Precision.QUARTER: 4, Precision.MONTH: 12}

_CANONICAL = re.compile(
    r"(?P<year>[0-9]{4})"
    r"(?:-(?:(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?|Q(?P<quarter>[1-4])|H(?P<half>[12])))?"
)


def _check_year(instance: EventDate, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1 <= value <= 9999:
        raise ValueError(f"year must be between 1 and 9999, not {value}")


def _check_part(instance: EventDate, attribute: attrs.Attribute[int], value: int) -> None:
    precision = instance.precision
    limit = 12 if precision is Precision.DAY else _PART_LIMIT[precision]
    low = 0 if limit == 0 else 1
    if not low <= value <= limit:
        raise ValueError(
            f"part of a {precision.value} date must be between {low} and {limit}, not {value}"
        )


def _check_day(instance: EventDate, attribute: attrs.Attribute[int], value: int) -> None:
    if instance.precision is Precision.DAY:
        last = calendar.monthrange(instance.year, instance.part)[1]
        if not 1 <= value <= last:
            raise ValueError(
                f"day must be between 1 and {last} for {instance.year:04d}-{instance.part:02d}, not {value}"
            )
    elif value != 0:
        raise ValueError(f"a {instance.precision.value} date has no day, got {value}")


@attrs.frozen(order=False, repr=False)
class EventDate:
    """A calendar period named at a precision.

    ``part`` is the month (1-12) for day and month dates, the quarter (1-4), the
    half (1-2), or 0 for a year; ``day`` is the day of month for day dates and 0
    otherwise. Build one with :meth:`parse` or the ``of_*`` constructors.

    Dates order by their first day, then by their last (so a month sorts before
    the quarter that starts with it, and a day before its month).
    """

    precision: Precision = attrs.field(validator=attrs.validators.instance_of(Precision))
    year: int = attrs.field(validator=[attrs.validators.instance_of(int), _check_year])
    part: int = attrs.field(default=0, validator=[attrs.validators.instance_of(int), _check_part])
    day: int = attrs.field(default=0, validator=[attrs.validators.instance_of(int), _check_day])

    # -- constructors ----------------------------------------------------------

    @classmethod
    def of_day(cls, year: int, month: int, day: int) -> EventDate:
        return cls(Precision.DAY, year, month, day)

    @classmethod
    def of_month(cls, year: int, month: int) -> EventDate:
        return cls(Precision.MONTH, year, month)

    @classmethod
    def of_quarter(cls, year: int, quarter: int) -> EventDate:
        return cls(Precision.QUARTER, year, quarter)

    @classmethod
    def of_half(cls, year: int, half: int) -> EventDate:
        return cls(Precision.HALF, year, half)

    @classmethod
    def of_year(cls, year: int) -> EventDate:
        return cls(Precision.YEAR, year)

    @classmethod
    def from_date(cls, date: dt.date) -> EventDate:
        """The day *date*."""
        return cls(Precision.DAY, date.year, date.month, date.day)

    @classmethod
    def parse(cls, text: str) -> EventDate:
        """Parse exactly one canonical string: ``2021-11-17``, ``2021-11``,
        ``2022-Q1``, ``2022-H1`` or ``2019``.

        Raises :class:`ValueError` naming the text for anything else (no
        surrounding spaces, no other spellings).
        """
        if not isinstance(text, str):
            raise TypeError(f"a date string is needed, not {type(text).__name__}")
        match = _CANONICAL.fullmatch(text)
        if match is None:
            raise ValueError(
                f"invalid date {text!r}: expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Hn"
            )
        year = int(match["year"])
        try:
            if match["day"] is not None:
                return cls(Precision.DAY, year, int(match["month"]), int(match["day"]))
            if match["month"] is not None:
                return cls(Precision.MONTH, year, int(match["month"]))
            if match["quarter"] is not None:
                return cls(Precision.QUARTER, year, int(match["quarter"]))
            if match["half"] is not None:
                return cls(Precision.HALF, year, int(match["half"]))
            return cls(Precision.YEAR, year)
        except ValueError as exc:
            raise ValueError(f"invalid date {text!r}: {exc}") from None

    # -- views -----------------------------------------------------------------

    def __str__(self) -> str:
        p = self.precision
        if p is Precision.DAY:
            return f"{self.year:04d}-{self.part:02d}-{self.day:02d}"
        if p is Precision.MONTH:
            return f"{self.year:04d}-{self.part:02d}"
        if p is Precision.QUARTER:
            return f"{self.year:04d}-Q{self.part}"
        if p is Precision.HALF:
            return f"{self.year:04d}-H{self.part}"
        return f"{self.year:04d}"

    def __repr__(self) -> str:
        return f"EventDate.parse({str(self)!r})"

    @property
    def first(self) -> dt.date:
        """The first day of the period."""
        if self.precision is Precision.DAY:
            return dt.date(self.year, self.part, self.day)
        if self.precision is Precision.YEAR:
            return dt.date(self.year, 1, 1)
        months = _MONTHS_PER[self.precision]
        return dt.date(self.year, (self.part - 1) * months + 1, 1)

    @property
    def last(self) -> dt.date:
        """The last day of the period."""
        if self.precision is Precision.DAY:
            return dt.date(self.year, self.part, self.day)
        if self.precision is Precision.YEAR:
            return dt.date(self.year, 12, 31)
        months = _MONTHS_PER[self.precision]
        month = self.part * months
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def overlaps(self, other: EventDate) -> bool:
        """Whether the two periods share at least one day."""
        return self.first <= other.last and other.first <= self.last

    def __contains__(self, item: object) -> bool:
        """``date in period`` for a :class:`datetime.date` or a finer :class:`EventDate`."""
        if isinstance(item, EventDate):
            return self.first <= item.first and item.last <= self.last
        if isinstance(item, dt.date):
            return self.first <= item <= self.last
        return False

    # -- ordering --------------------------------------------------------------

    def _key(self) -> tuple[dt.date, dt.date]:
        return (self.first, self.last)

    def __lt__(self, other: Any) -> bool:
        if not isinstance(other, EventDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: Any) -> bool:
        if not isinstance(other, EventDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: Any) -> bool:
        if not isinstance(other, EventDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: Any) -> bool:
        if not isinstance(other, EventDate):
            return NotImplemented
        return self._key() >= other._key()


def coerce_date(value: str | dt.date | None, /) -> dt.date | None:
    """*value* as a :class:`datetime.date`: a date, a datetime, an ISO string
    (``"2021-11-19"``) or another string python-dateutil reads ("Nov. 19, 2021").

    Used for publication dates. Raises :class:`TypeError` for other types and
    :class:`ValueError` naming the text for strings that are not dates.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise TypeError(
            f"published must be a date, a date string or None, not {type(value).__name__}"
        )
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        pass
    from dateutil import parser  # lazy: only for the rare non-ISO string

    try:
        return parser.parse(value).date()
    except (ValueError, OverflowError):
        raise ValueError(f"invalid publication date {value!r}") from None
