"""Temporal expressions in a run of tokens, resolved against the publication date.

Recognised forms (case of month and weekday names as written in news):

- ``Nov. 17``, ``November 17, 2021``, ``1 January 2024``, ``2025-05-14`` → a day;
- ``November 2021``, ``in November``, ``late November``, ``last month`` → a month;
- ``early 2022``, ``the first quarter of 2022``, ``Q1 2022`` → a quarter;
- ``the first half of 2024`` → a half;
- ``in 2019``, ``two years ago``, ``next year``, ``later this year`` → a year;
- ``on Tuesday``, ``last Tuesday``, ``effective Thursday``, ``yesterday`` → a day.

A month or day without a year takes the year of the publication date, moved
back a year when that would put a past event after publication (or forward for
a future one). Without a publication date, deictic forms ("last month", "on
Tuesday") resolve to ``None``; a month or day without a year takes the
*anchor* year (the last year the text itself named), if any.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from itertools import compress
from operator import itemgetter, or_

import attrs
from dateutil.relativedelta import relativedelta

from ..dates import EventDate
from .lexicon import Lexicon
from .tokens import Tokens

# Dates are immutable values and a text tells the same few again and again: each is
# built (and validated) once, up to a bound.
_of_day = functools.lru_cache(maxsize=4096)(EventDate.of_day)
_of_month = functools.lru_cache(maxsize=1024)(EventDate.of_month)
_of_quarter = functools.lru_cache(maxsize=256)(EventDate.of_quarter)
_of_half = functools.lru_cache(maxsize=256)(EventDate.of_half)
_of_year = functools.lru_cache(maxsize=256)(EventDate.of_year)
_from_date = functools.lru_cache(maxsize=4096)(EventDate.from_date)

__all__ = ["TimeEx", "find_times"]

_PREPOSITIONS = frozenset(
    {
        "in",
        "on",
        "since",
        "by",
        "until",
        "from",
        "of",
        "during",
        "through",
        "before",
        "after",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "to",
        "till",
        "effective",
        "starting",
        "beginning",
        "between",
        "and",
        "or",
        "-",
        ",",
    }
)


@attrs.define(unsafe_hash=True)
class TimeEx:
    """One temporal expression: tokens ``[lo, hi)``; its date read as past and as future.

    Never changed once built; slotted rather than a named tuple, as :class:`~.mentions.Mention`.
    """

    lo: int
    hi: int
    past: EventDate | None
    future: EventDate | None
    explicit_year: int | None

    def nearer(self, published: dt.date) -> EventDate | None:
        """The reading nearer to *published*: the future one only when it lies ahead and
        closer than the past one ("from Sept. 10" in news of Sept. 5 is five days ahead,
        not a year back)."""
        past, future = self.past, self.future
        if future is None or future == past:
            return past
        if past is None:
            return future
        ahead = (future.first - published).days
        return future if 0 <= ahead < (published - past.last).days else past


def _year_of(tok: str) -> int | None:
    if len(tok) == 4 and tok.isdecimal():  # ("301²" is digits, but no number)
        year = int(tok)
        if 1900 <= year <= 2100:
            return year
    return None


def _day_of(tok: str) -> int | None:
    if tok.endswith(("st", "nd", "rd", "th")) and tok[:-2].isdecimal():
        tok = tok[:-2]
    if 1 <= len(tok) <= 2 and tok.isdecimal():
        day = int(tok)
        if 1 <= day <= 31:
            return day
    return None


def _safe_day(year: int, month: int, day: int) -> EventDate | None:
    try:
        return _of_day(year, month, day)
    except ValueError:
        return None


def _month_pair(
    month: int, day: int | None, published: dt.date | None, anchor: int | None
) -> tuple[EventDate | None, EventDate | None]:
    """A month (and day) without a year, read as past and as future."""
    if published is None:
        if anchor is None:
            return None, None
        d = _of_month(anchor, month) if day is None else _safe_day(anchor, month, day)
        return d, d
    year = published.year
    ref = (published.month, published.day)
    key = (month, day or 1) if day is not None else (month, 1)
    past_year = year if key <= ref or (day is None and month == published.month) else year - 1
    future_year = year if key >= ref or (day is None and month == published.month) else year + 1
    if day is None:
        return _of_month(past_year, month), _of_month(future_year, month)
    return _safe_day(past_year, month, day), _safe_day(future_year, month, day)


def _is_cap(text: str, tokens: Tokens, i: int) -> bool:
    return text[tokens.starts[i]].isupper()


def find_times(
    text: str,
    tokens: Tokens,
    lo: int,
    hi: int,
    lexicon: Lexicon,
    published: dt.date | None,
    anchor: int | None,
) -> list[TimeEx]:
    """The temporal expressions of tokens ``[lo, hi)``, left to right."""
    norm = tokens.norm
    months = lexicon.months
    out: list[TimeEx] = []
    i = lo

    def tok(k: int) -> str:
        return norm[k] if lo <= k < hi else ""

    starters = lexicon.time_starters
    # most tokens cannot start a date: the ones that can (calendar words, numbers) are
    # found in one C-level pass, and the loop visits only them
    window = norm[lo:hi]
    can_start = map(
        or_, map(starters.__contains__, window), map(str.isdigit, map(itemgetter(0), window))
    )
    for at in compress(range(lo, hi), can_start):
        if at < i:
            continue  # inside the expression read last
        i = at
        if published is None and out and out[-1].explicit_year is not None:
            # "consent in February 2020, and ratified it in June": the year told last
            anchor = out[-1].explicit_year
        t = norm[i]
        # -- month names ---------------------------------------------------------
        if (
            t in months
            and _is_cap(text, tokens, i)
            and (t != "may" or tok(i + 1).isdigit() or tok(i - 1) in _PREPOSITIONS)
        ):
            month = months[t]
            j = i + 1
            if tok(j) == ".":
                j += 1
            day = _day_of(tok(j))
            if day is not None and _year_of(tok(j)) is None:
                k = j + 1
                if tok(k) == ",":
                    k += 1
                year = _year_of(tok(k))
                if year is not None:
                    d = _safe_day(year, month, day)
                    out.append(TimeEx(i, k + 1, d, d, year))
                    i = k + 1
                    continue
                past, future = _month_pair(month, day, published, anchor)
                out.append(TimeEx(i, j + 1, past, future, None))
                i = j + 1
                continue
            k = j + 1 if tok(j) == "," else j
            year = _year_of(tok(k))
            if year is not None:
                d = _of_month(year, month)
                out.append(TimeEx(i, k + 1, d, d, year))
                i = k + 1
                continue
            shifted = i + 2 if tok(i + 1) == "of" else i + 1  # "in March of this year"
            if (
                published is not None
                and tok(shifted) in ("last", "next", "this")
                and tok(shifted + 1) == "year"
            ):
                # "in March last year": the month of the year told
                year = published.year + {"last": -1, "next": 1, "this": 0}[tok(shifted)]
                d = _of_month(year, month)
                out.append(TimeEx(i, shifted + 2, d, d, None))
                i = shifted + 2
                continue
            past, future = _month_pair(month, None, published, anchor)
            if published is not None and month == published.month:
                # "last June" in June is a year back; "next June" a year ahead
                if tok(i - 1) == "last":
                    past = future = _of_month(published.year - 1, month)
                elif tok(i - 1) == "next":
                    past = future = _of_month(published.year + 1, month)
            out.append(TimeEx(i, i + 1, past, future, None))
            i += 1
            continue
        # -- "1 January 2024" ----------------------------------------------------
        day = _day_of(t)
        if day is not None and tok(i + 1) in months and _is_cap(text, tokens, i + 1):
            month = months[tok(i + 1)]
            year = _year_of(tok(i + 2))
            if year is not None:
                d = _safe_day(year, month, day)
                out.append(TimeEx(i, i + 3, d, d, year))
                i += 3
                continue
            past, future = _month_pair(month, day, published, anchor)
            out.append(TimeEx(i, i + 2, past, future, None))
            i += 2
            continue
        # -- years, with their parts -----------------------------------------------
        year = _year_of(t)
        if year is not None and tok(i + 1) == "-" and _year_of(tok(i + 2)) is not None:
            # "average 2015–2017 import volumes": a span of years describing something
            i += 3
            continue
        if year is not None and (tok(i + 1) == "/" or tok(i - 1) == "/"):
            # "Regulation (EU) 2023/2675", "Directive 2006/112/EC": a number, not a year
            i += 1
            continue
        if year is not None and tok(i + 1) not in ("%", "billion", "million", "tons", "metric"):
            # ISO date
            if tok(i + 1) == "-" and tok(i + 2).isdecimal() and len(tok(i + 2)) == 2:
                month = int(tok(i + 2))
                if 1 <= month <= 12:
                    if tok(i + 3) == "-" and _day_of(tok(i + 4)) is not None:
                        d = _safe_day(year, month, int(tok(i + 4)))
                        out.append(TimeEx(i, i + 5, d, d, year))
                        i += 5
                        continue
                    d = _of_month(year, month)
                    out.append(TimeEx(i, i + 3, d, d, year))
                    i += 3
                    continue
            start, date = _year_part(norm, lo, i, year, lexicon)
            out.append(TimeEx(start, i + 1, date, date, year))
            i += 1
            continue
        # -- relative forms ------------------------------------------------------
        if t[0].isdigit() or (t in _SHIFTS and tok(i + 1) not in ("year", "month", "week")):
            i += 1  # a number alone ("25%"), "this" alone ("this is"): no relative form
            continue
        rel = _relative(text, tokens, lo, hi, i, lexicon, published)
        if rel is not None:
            out.append(rel)
            i = rel.hi
            continue
        i += 1
    if out and "day" in window:
        out = _following_days(norm, lo, hi, out)
    if len(out) > 1 and ("immediately" in window or "immediate" in window):
        # "On May 13, the government banned wheat exports with immediate effect": the
        # day told dates the act; "immediately" only says it applies from then
        out = [t for t in out if norm[t.lo] not in _IMMEDIATE]
    return out


def _following_days(norm: list[str], lo: int, hi: int, times: list[TimeEx]) -> list[TimeEx]:
    """ "Published on 14 February and in force the following day": "the following
    day" or "the next day" is the day after the day told just before it."""
    out = list(times)
    for k in range(lo + 1, hi - 1):
        if norm[k] in ("following", "next") and norm[k + 1] == "day" and norm[k - 1] == "the":
            told = [t for t in times if t.hi <= k - 1]
            day = told[-1].past if told else None
            if day is None or day.precision.value != "day":
                continue
            try:
                after = _from_date(day.first + dt.timedelta(days=1))
            except (OverflowError, ValueError):
                continue
            out.append(TimeEx(k - 1, k + 2, after, after, told[-1].explicit_year))
    out.sort(key=lambda t: t.lo)
    return out


def _year_part(
    norm: list[str], lo: int, i: int, year: int, lexicon: Lexicon
) -> tuple[int, EventDate]:
    """``early 2022`` → Q1, ``the first half of 2024`` → H1, ``Q3 2023`` → Q3, else the year."""

    def at(k: int) -> str:
        return norm[k] if lo <= k < i else ""

    prev = at(i - 1)
    if len(prev) == 2 and prev[0] in "qh" and prev[1].isdecimal():
        n = int(prev[1])
        if prev[0] == "q" and 1 <= n <= 4:
            return i - 1, _of_quarter(year, n)
        if prev[0] == "h" and 1 <= n <= 2:
            return i - 1, _of_half(year, n)
    if prev == "of" and at(i - 2) in ("half", "quarter") and at(i - 3) in lexicon.ordinals:
        n = lexicon.ordinals[at(i - 3)]
        if at(i - 2) == "half" and n <= 2:
            return i - 3, _of_half(year, n)
        if at(i - 2) == "quarter":
            return i - 3, _of_quarter(year, n)
    k = i - 1
    if prev == "-" or prev == "of":
        k = i - 2
    word = at(k)
    if word in lexicon.year_parts and (
        prev != "of" or word in ("beginning", "start", "end", "middle")
    ):
        part = lexicon.year_parts[word]
        if word in ("beginning", "start", "end", "middle") and prev != "of":
            return i, _of_year(year)
        n = int(part[1])
        return k, (_of_quarter(year, n) if part[0] == "Q" else _of_half(year, n))
    return i, _of_year(year)


#: Words that shift a period ("last year", "this month"); alone they tell no date.
_SHIFTS = frozenset({"last", "next", "this", "past", "coming"})
_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})


def _week_month(published: dt.date, shift: int) -> EventDate:
    """The month of the week *shift* weeks from the week of *published* ("last week" is
    -1): a week is told by its month, the one holding its Thursday."""
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
    thursday = monday + dt.timedelta(days=3)
    return _of_month(thursday.year, thursday.month)


def immediate_at(norm: list[str], lo: int, hi: int, k: int) -> bool:
    """Whether token *k* of ``[lo, hi)`` says an act applies at once: "effective
    immediately", "take effect immediately", "with immediate effect"."""
    if norm[k] == "immediately":
        return k > lo and norm[k - 1] in ("effective", "effect")
    return norm[k] == "immediate" and k + 1 < hi and norm[k + 1] == "effect"


def _part_of_year(
    tok: Callable[[int], str], i: int, lexicon: Lexicon, published: dt.date | None
) -> TimeEx | None:
    """``the third quarter`` (of this year, of the year, or none told) and ``the first
    half of next year``: a quarter or half of a year told relative to publication.
    ``the first half of 2024`` is left to the year it names."""
    n = lexicon.ordinals[tok(i - 1)]
    of = tok(i + 1) == "of"
    if of and _year_of(tok(i + 2)) is not None:
        return None  # "of 2024": read with its year
    make = _of_quarter if tok(i) == "quarter" else _of_half
    if (make is _of_half and n > 2) or n > 4:
        return None
    shift: int | None = None
    end = i + 1
    if of and tok(i + 2) in _SHIFT_YEARS and tok(i + 3) == "year":
        shift, end = _SHIFT_YEARS[tok(i + 2)], i + 4
    elif of and tok(i + 2) == "the" and tok(i + 3) == "year":
        shift, end = 0, i + 4
    elif of:
        return None  # "the first half of the decade", "of its fiscal year"
    if published is None:
        return TimeEx(i - 1, end, None, None, None)
    if shift is not None:
        d = make(published.year + shift, n)
        return TimeEx(i - 1, end, d, d, None)
    # none told: the last one begun by publication, or the next one not yet over
    this = make(published.year, n)
    past = this if this.first <= published else make(published.year - 1, n)
    future = this if this.last >= published else make(published.year + 1, n)
    return TimeEx(i - 1, end, past, future, None)


def _in_units(
    tok: Callable[[int], str], i: int, lexicon: Lexicon, published: dt.date | None
) -> TimeEx | None:
    """``in 21 days``, ``in two weeks``, ``in six months``: that long after publication
    (a day, the month of the week, or the month)."""
    n = _count(tok(i - 1), lexicon)
    if n is None:
        return None
    if published is None:
        return TimeEx(i - 2, i + 1, None, None, None)
    return TimeEx(i - 2, i + 1, None, _shifted(published, tok(i), n), None)


def _count(token: str, lexicon: Lexicon) -> int | None:
    """The number a count word or a short decimal number says ("two", "21"), if any."""
    n = lexicon.numbers.get(token)
    if n is None and token.isdecimal() and len(token) <= 3:
        n = int(token)
    return n


def _shifted(published: dt.date, unit: str, n: int) -> EventDate:
    """The period *n* units ("days", "weeks", "months", "years") from *published* (back
    for a negative *n*): a day, the month of the week, a month, or a year."""
    if unit.startswith("year"):
        return _of_year(published.year + n)
    if unit.startswith("month"):
        when = published + relativedelta(months=n)
        return _of_month(when.year, when.month)
    if unit.startswith("week"):
        return _week_month(published, n)
    return _from_date(published + dt.timedelta(days=n))


#: "effective immediately", "with immediate effect".
_IMMEDIATE = frozenset({"immediately", "immediate"})
#: "earlier in the day", "later in the day".
_SAME_DAY = frozenset({"earlier", "later"})
#: "of this year", "of next year": the year's shift from publication.
_SHIFT_YEARS = {"this": 0, "next": 1, "last": -1, "past": -1, "coming": 1}


def _relative(
    text: str, tokens: Tokens, lo: int, hi: int, i: int, lexicon: Lexicon, published: dt.date | None
) -> TimeEx | None:
    norm = tokens.norm

    def tok(k: int) -> str:
        return norm[k] if lo <= k < hi else ""

    t = norm[i]
    if t in ("today", "yesterday", "tomorrow"):
        if published is None:
            return TimeEx(i, i + 1, None, None, None)
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[t]
        d = _from_date(published + dt.timedelta(days=shift))
        return TimeEx(i, i + 1, d, d, None)
    if t in lexicon.weekdays and text[tokens.starts[i]].isupper():
        wd = lexicon.weekdays[t]
        if published is None:
            return TimeEx(i, i + 1, None, None, None)
        if tok(i - 1) == "last":
            monday = published - dt.timedelta(days=published.weekday() + 7)
            d = _from_date(monday + dt.timedelta(days=wd))
            return TimeEx(i - 1, i + 1, d, d, None)
        back = (published.weekday() - wd) % 7
        fwd = (wd - published.weekday()) % 7
        if tok(i - 1) == "next":
            fwd = fwd or 7
        past = _from_date(published - dt.timedelta(days=back))
        future = _from_date(published + dt.timedelta(days=fwd))
        return TimeEx(i, i + 1, past, future, None)
    if t == "weekend" and tok(i - 1) in ("the", "last", "this", "next"):
        # "over the weekend", "last weekend": the weekend before publication (after it
        # for "this"/"next" weekend told as to come); its month, as a weekend spans days
        start = i - 2 if tok(i - 1) == "the" and tok(i - 2) in ("over", "at") else i - 1
        if published is None:
            return TimeEx(start, i + 1, None, None, None)
        saturday_back = published - dt.timedelta(days=(published.weekday() - 5) % 7 or 7)
        saturday_next = published + dt.timedelta(days=(5 - published.weekday()) % 7 or 7)
        past = _of_month(saturday_back.year, saturday_back.month)
        future = _of_month(saturday_next.year, saturday_next.month)
        if tok(i - 1) == "last":
            future = past
        elif tok(i - 1) == "next":
            past = future
        return TimeEx(start, i + 1, past, future, None)
    if t in _IMMEDIATE and immediate_at(norm, lo, hi, i):
        # "effective immediately", "take effect immediately", "with immediate effect":
        # the day it is told, publication
        end = i + 1 if t == "immediately" else i + 2
        if published is None:
            return TimeEx(i, end, None, None, None)
        d = _from_date(published)
        return TimeEx(i, end, d, d, None)
    if t == "day" and tok(i - 1) == "the" and tok(i - 2) == "in" and tok(i - 3) in _SAME_DAY:
        # "earlier in the day", "later in the day": the day of publication
        if published is None:
            return TimeEx(i - 3, i + 1, None, None, None)
        d = _from_date(published)
        return TimeEx(i - 3, i + 1, d, d, None)
    if t in ("days", "weeks", "months") and tok(i - 2) == "in":
        return _in_units(tok, i, lexicon, published)
    if t in ("quarter", "half") and tok(i - 1) in lexicon.ordinals:
        return _part_of_year(tok, i, lexicon, published)
    if t in ("last", "next", "this", "past", "coming") and tok(i + 1) in ("year", "month", "week"):
        unit = tok(i + 1)
        start = (
            i - 1 if tok(i - 1) in lexicon.year_parts or tok(i - 1) in ("later", "earlier") else i
        )
        if published is None:
            return TimeEx(start, i + 2, None, None, None)
        shift = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[t]
        if unit == "week":
            d = _week_month(published, shift)
            return TimeEx(start, i + 2, d, d, None)
        if unit == "year":
            year = published.year + shift
            part = lexicon.year_parts.get(tok(i - 1))
            if part is not None and start == i - 1:
                n = int(part[1])
                d = _of_quarter(year, n) if part[0] == "Q" else _of_half(year, n)
            else:
                d = _of_year(year)
            return TimeEx(start, i + 2, d, d, None)
        when = published + relativedelta(months=shift)
        d = _of_month(when.year, when.month)
        return TimeEx(start, i + 2, d, d, None)
    if t == "ago" and tok(i - 1) in _UNITS:
        count = _count(tok(i - 2), lexicon)
        if count is None:
            return None
        if published is None:
            return TimeEx(i - 2, i + 1, None, None, None)
        ago = _shifted(published, tok(i - 1), -count)
        return TimeEx(i - 2, i + 1, ago, ago, None)
    return None
