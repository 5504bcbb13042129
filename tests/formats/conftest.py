"""Fixtures for the serializer tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tradeevents import registry

from ._user_types import Procurement


@pytest.fixture(scope="module")
def procurement() -> Iterator[type[Procurement]]:
    """The user-defined :class:`Procurement` type, registered for the module's tests."""
    registry.register_event_type(Procurement)
    yield Procurement
    registry.unregister_event_type(Procurement.type)
