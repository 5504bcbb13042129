"""A user-defined event class, registered by the tests that need it."""

from __future__ import annotations

from typing import ClassVar

import attrs

from tradeevents.model import Event, RateQualifier


@attrs.frozen(kw_only=True)
class Procurement(Event):
    """A user-defined type with fields of its own (a string, an integer, a list, an enum)."""

    type: ClassVar[str] = "procurement"

    agency: str | None = None
    budget: int | None = None
    lots: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    bound: RateQualifier = RateQualifier.EXACT
