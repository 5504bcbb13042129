"""Hypothesis strategies for every public tradeevents type.

Use them in your own tests::

    from hypothesis import given
    from tradeevents import testing

    @given(testing.event_lists())
    def test_my_store_round_trips(events): ...

They are also registered with hypothesis (through its ``hypothesis`` entry
point, or by calling :func:`register`), so ``st.from_type(Tariff)`` or
``st.from_type(EventDate)`` work. Event classes registered with
:func:`tradeevents.registry.register_event_type` are covered by
:func:`events` too: their extra fields are drawn with ``st.from_type``.

Importing this module needs hypothesis (``pip install tradeevents[testing]``).
"""

from __future__ import annotations

import calendar
import functools
import typing
from typing import Any

import attrs
from hypothesis import strategies as st

from . import registry
from .dates import EventDate, Precision
from .model import Event, Evidence, Official, Quota, Rate, RateQualifier, Status

__all__ = [
    "event_dates",
    "event_lists",
    "events",
    "evidence",
    "instruments",
    "jurisdiction_codes",
    "officials",
    "phrases",
    "products",
    "quotas",
    "rates",
    "register",
    "statuses",
    "texts",
]

#: The instrument slugs of EVENTS.md; :func:`instruments` also draws other valid slugs.
KNOWN_INSTRUMENTS = (
    "section-232",
    "section-301",
    "section-201",
    "ieepa",
    "antidumping",
    "countervailing",
    "safeguard",
    "gsp",
    "uflpa",
    "de-minimis",
    "entity-list",
    "trq",
)


def texts(*, min_size: int = 0, max_size: int | None = None) -> st.SearchStrategy[str]:
    """Any text that can be written as UTF-8 (no lone surrogates), control characters included."""
    return st.text(st.characters(codec="utf-8"), min_size=min_size, max_size=max_size)


def phrases(*, max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-empty text without leading or trailing whitespace (names, titles, topics)."""
    return texts(min_size=1, max_size=max_size).map(str.strip).filter(bool)


@functools.cache
def _codes() -> tuple[str, ...]:
    from .jurisdictions import default_table

    return tuple(sorted(default_table().codes))


def jurisdiction_codes() -> st.SearchStrategy[str]:
    """Codes of the jurisdiction table: ISO 3166-1 alpha-2 and ``EU``."""
    return st.deferred(lambda: st.sampled_from(_codes()))


def statuses() -> st.SearchStrategy[Status]:
    """Every :class:`~tradeevents.Status`."""
    return st.sampled_from(Status)


@st.composite
def event_dates(draw: st.DrawFn, *, precision: Precision | None = None) -> EventDate:
    """Dates of every precision (or of the one given), years 1 to 9999."""
    if precision is None:
        precision = draw(st.sampled_from(Precision))
    year = draw(st.integers(1, 9999) | st.integers(1990, 2035))
    if precision is Precision.DAY:
        month = draw(st.integers(1, 12))
        day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
        return EventDate.of_day(year, month, day)
    if precision is Precision.MONTH:
        return EventDate.of_month(year, draw(st.integers(1, 12)))
    if precision is Precision.QUARTER:
        return EventDate.of_quarter(year, draw(st.integers(1, 4)))
    if precision is Precision.HALF:
        return EventDate.of_half(year, draw(st.integers(1, 2)))
    return EventDate.of_year(year)


def instruments() -> st.SearchStrategy[str]:
    """The instrument slugs of EVENTS.md, and other well-formed slugs."""
    word = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
    other = st.lists(word, min_size=1, max_size=3).map("-".join)
    return st.sampled_from(KNOWN_INSTRUMENTS) | other


def _is_product(text: str) -> bool:
    return (
        bool(text)
        and text == text.strip()
        and text == text.lower()
        and "\n" not in text
        and "\r" not in text
    )


def products() -> st.SearchStrategy[str]:
    """Lowercase product nouns: common ones and arbitrary lowercase unicode."""
    common = st.sampled_from(
        ("steel", "aluminum", "agriculture", "digital", "solar panel", "semiconductor")
    )
    return common | phrases(max_size=20).map(str.lower).map(str.strip).filter(_is_product)


def officials() -> st.SearchStrategy[Official]:
    """Officials: a name, and a title and a jurisdiction code or ``None``."""
    return st.builds(
        Official,
        name=phrases(),
        title=st.none() | phrases(),
        jurisdiction=st.none() | jurisdiction_codes(),
    )


@st.composite
def evidence(draw: st.DrawFn) -> Evidence:
    """An evidence sentence with a span whose length matches the text."""
    text = draw(texts(max_size=200))
    start = draw(st.integers(0, 10**7))
    return Evidence(text, start, start + len(text))


def rates() -> st.SearchStrategy[Rate]:
    """Tariff rates: a non-negative finite value, a unit and a qualifier."""
    return st.builds(
        Rate,
        value=st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False),
        unit=st.sampled_from(("%", "USD/kg", "EUR/t")) | phrases(max_size=10),
        qualifier=st.sampled_from(RateQualifier),
    )


def quotas() -> st.SearchStrategy[Quota]:
    """Quotas: a non-negative finite amount and a unit."""
    return st.builds(
        Quota,
        amount=st.floats(min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False),
        unit=st.sampled_from(("metric ton", "ton", "vehicle", "unit")) | phrases(max_size=12),
    )


def _set_of(elements: st.SearchStrategy[Any], max_size: int = 4) -> st.SearchStrategy[Any]:
    return st.lists(elements, max_size=max_size)


@functools.cache
def _base_fields() -> dict[str, st.SearchStrategy[Any]]:
    return {
        "status": statuses(),
        "parties": _set_of(jurisdiction_codes()),
        "date": st.none() | event_dates(),
        "instruments": _set_of(instruments(), 3),
        "products": _set_of(products(), 3),
        "officials": _set_of(officials(), 3),
        "topics": _set_of(phrases(max_size=30), 3),
        "evidence": st.none() | evidence(),
        "confidence": st.none() | st.floats(min_value=0.0, max_value=1.0),
        "source": st.none() | texts(max_size=40),
        "rates": _set_of(rates(), 3),
        "quota": st.none() | quotas(),
        "effective": st.none() | event_dates(),
        "expires": st.none() | event_dates(),
    }


def _events_of(cls: type[Event]) -> st.SearchStrategy[Event]:
    base = _base_fields()
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, st.SearchStrategy[Any]] = {}
    for field in attrs.fields(cls):
        if not field.init:
            continue
        strategy = base.get(field.name)
        if strategy is None:
            strategy = st.from_type(hints[field.name])
        kwargs[field.name] = strategy
    return st.builds(cls, **kwargs)


def events(*types: type[Event] | str) -> st.SearchStrategy[Event]:
    """Events of the given classes or type tags, or of every registered type.

    The set of registered types is read when the strategy is first drawn from,
    so classes registered later in a test module are included.
    """

    def build() -> st.SearchStrategy[Event]:
        chosen: list[type[Event]] = []
        known = registry.event_types()
        for item in types or tuple(known):
            chosen.append(known[item] if isinstance(item, str) else item)
        return st.one_of([_events_of(cls) for cls in chosen])

    return st.deferred(build)


def event_lists(*, min_size: int = 0, max_size: int = 8) -> st.SearchStrategy[list[Event]]:
    """Lists of events of mixed types."""
    return st.lists(events(), min_size=min_size, max_size=max_size)


def register() -> None:
    """Register the strategies with ``st.register_type_strategy`` (idempotent)."""
    st.register_type_strategy(EventDate, event_dates())
    st.register_type_strategy(Official, officials())
    st.register_type_strategy(Evidence, evidence())
    st.register_type_strategy(Rate, rates())
    st.register_type_strategy(Quota, quotas())
    st.register_type_strategy(Event, events())
    for cls in registry.event_types().values():
        st.register_type_strategy(cls, _lazy_events_of(cls))


def _lazy_events_of(cls: type[Event]) -> st.SearchStrategy[Event]:
    return st.deferred(lambda: _events_of(cls))


register()
