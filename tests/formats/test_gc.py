"""Whole-document loaders pause the cyclic collector while they build, and restore it."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import tradeevents as te
from tradeevents import model
from tradeevents.errors import LoadError, TextFormatError
from tradeevents.formats import _converter, _fast, csv, json, jsonl

EVENTS = [te.Agreement(status=te.Status.ANNOUNCED, parties=("JP", "US"))]

LOADERS: dict[str, tuple[Callable[[Any], Any], str, str]] = {
    "json": (json.loads, json.dumps(EVENTS), "[{]"),
    "jsonl": (jsonl.loads, jsonl.dumps(EVENTS), "{"),
    "csv": (csv.loads, csv.dumps(EVENTS), csv.dumps(EVENTS) + "x,agreement,done" + "," * 14),
    "text": (te.loads, te.dumps(EVENTS), te.dumps(EVENTS) + "status: ???\n"),
}


@pytest.fixture
def gc_enabled() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:  # pragma: no cover - pytest runs with the collector on
        gc.disable()


@pytest.fixture
def fresh_readers() -> Iterator[None]:
    """The readers' generated functions made anew before and after the test."""
    te.text._plans.clear()
    _converter._reset()
    yield
    te.text._plans.clear()
    _converter._reset()


@pytest.mark.parametrize("fmt", sorted(LOADERS))
def test_collector_is_off_while_building_and_back_on_after(
    fmt: str, gc_enabled: None, fresh_readers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads, good, bad = LOADERS[fmt]
    seen: list[bool] = []
    real = model.Agreement.__init__

    def spy(self: Any, *args: Any, **kwargs: Any) -> None:
        seen.append(gc.isenabled())
        real(self, *args, **kwargs)

    def spy_trusted(cls: type) -> Callable[..., Any]:
        # the readers' own construction, for values they have checked themselves
        new = model._trusted_new(cls)

        def trusted(*args: Any) -> Any:
            if cls is model.Agreement:
                seen.append(gc.isenabled())
            return new(*args)

        return trusted

    monkeypatch.setattr(model.Agreement, "__init__", spy)
    monkeypatch.setattr(_fast, "_trusted_new", spy_trusted)
    monkeypatch.setattr(te.text, "_trusted_new", spy_trusted)  # the text block reader's
    assert loads(good) == EVENTS
    assert seen == [False]
    assert gc.isenabled()
    with pytest.raises((LoadError, TextFormatError)):
        loads(bad)
    assert gc.isenabled()


@pytest.mark.parametrize("fmt", sorted(LOADERS))
def test_a_callers_disabled_collector_stays_disabled(fmt: str, gc_enabled: None) -> None:
    loads, good, _ = LOADERS[fmt]
    gc.disable()
    try:
        assert loads(good) == EVENTS
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_iter_load_leaves_the_collector_on_between_events(gc_enabled: None) -> None:
    lines = jsonl.dumps(EVENTS * 3).splitlines()
    for event in jsonl.iter_load(lines):
        assert event == EVENTS[0]
        assert gc.isenabled()


@pytest.mark.parametrize("fmt", sorted(LOADERS))
def test_what_a_load_built_goes_to_the_oldest_generation(fmt: str, gc_enabled: None) -> None:
    loads, good, _ = LOADERS[fmt]
    gc.collect()
    [event] = loads(good)
    assert gc.is_tracked(event)
    assert any(found is event for found in gc.get_objects(generation=2))


@pytest.mark.parametrize("fmt", sorted(LOADERS))
def test_an_applications_frozen_objects_stay_frozen(fmt: str, gc_enabled: None) -> None:
    loads, good, _ = LOADERS[fmt]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert loads(good) == EVENTS
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
