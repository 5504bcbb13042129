"""Serializers: events as Python dicts, JSON, JSON Lines and CSV, and the JSON Schema.

One small module per format, in the manner of cattrs' ``preconf``::

    from tradeevents.formats import json, jsonl, csv, schema

    text = json.dumps(events)            # a JSON array of event objects
    events == json.loads(text)           # True, for any list of events
    for event in jsonl.iter_load(fp): ...
    schema.json_schema()                 # draft 2020-12, generated from the classes

This package offers the dict form itself: :func:`to_dict` / :func:`from_dict`
and their list forms. A list of mixed event types round-trips through every
format, tagged by ``type``; event classes registered with
:func:`tradeevents.registry.register_event_type` work everywhere.

Bad input raises :class:`~tradeevents.errors.LoadError` naming the path of the
bad field (and the line, for the line-based formats); writers refuse what they
cannot write with :class:`TypeError`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..model import Event
from . import _converter

__all__ = ["csv", "from_dict", "from_dicts", "json", "jsonl", "schema", "to_dict", "to_dicts"]


def to_dict(event: Event, /) -> dict[str, Any]:
    """The JSON form of *event* as a dict: ``id``, ``type``, then the fields in EVENTS.md order.

    Dates are canonical strings, enumerations their values, tuples lists. Raises
    :class:`TypeError` for anything but an event of a registered type.
    """
    return _converter.to_dict(event)


def to_dicts(events: Iterable[Event], /) -> list[dict[str, Any]]:
    """The JSON forms of *events*, in order."""
    return _converter.to_dicts(events)


def from_dict(data: Any, /, path: str = "$") -> Event:
    """The event whose JSON form is *data*.

    ``id`` is ignored (it is derived from the content), as are keys that are
    no field of the event's class; missing optional fields take their defaults.
    Raises :class:`~tradeevents.errors.LoadError` naming the bad field from *path*.
    """
    return _converter.from_dict(data, path)


def from_dicts(data: Any, /, path: str = "$") -> list[Event]:
    """The events of a list of JSON forms (``$[3].date`` names the fourth one's date)."""
    return _converter.from_dicts(data, path)


def __getattr__(name: str) -> Any:
    # The format modules load on first use (``formats.csv``), as well as by import.
    if name in ("csv", "json", "jsonl", "schema"):
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
