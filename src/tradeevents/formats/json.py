"""Events as one JSON document: an array of event objects (the JSON form of EVENTS.md).

>>> from tradeevents import Agreement, Status
>>> from tradeevents.formats import json
>>> text = json.dumps([Agreement(status=Status.ANNOUNCED, parties=["US", "JP"])])
>>> json.loads(text) == [Agreement(status=Status.ANNOUNCED, parties=["JP", "US"])]
True

The top level must be an array, even for one event: a bare object is refused
with a message saying so, so that a document always reads back as a list.

Every function takes ``backend="auto"`` (orjson when installed, else the
stdlib ``json`` module), ``"json"`` or ``"orjson"``; both give the same events
and the same errors (see :doc:`/serializers`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import IO, Any

from .. import _limits
from .._gc import paused
from .._io import write_atomic
from ..errors import LoadError
from ..model import Event
from . import _backend
from ._converter import describe, fast_json, from_dicts, to_dicts

__all__ = ["dump", "dump_path", "dumps", "load", "load_path", "loads"]


def dumps(events: Iterable[Event], /, *, indent: int | None = None, backend: str = "auto") -> str:
    """The JSON array of *events*; compact unless *indent* is given.

    Raises :class:`TypeError` naming the type of anything that is not a
    registered event (or a field value the JSON form cannot hold).
    """
    orjson = _backend.resolve(backend)
    if indent is None and not isinstance(events, Event):
        events = list(events)
        # the events' fields straight to the encoder (formats._fast): the same bytes
        text = fast_json(events, _backend.orjson_module() if orjson else None)
        if text is not None:
            return text
    return _backend.dumps(to_dicts(events), orjson=orjson, indent=indent)


def loads(
    text: str | bytes, /, *, backend: str = "auto", max_bytes: int | None = None
) -> list[Event]:
    """The events of a JSON array of event objects.

    Raises :class:`~tradeevents.errors.LoadError` naming the line and column of
    a syntax error, or the path of the bad field (``$[3].date: invalid date ...``),
    or when *text* is larger than *max_bytes* bytes of UTF-8 (``None``: no limit).
    """
    if not isinstance(text, (str, bytes)):
        raise TypeError(f"loads needs str or bytes, not {type(text).__qualname__}")
    _limits.check_limit(max_bytes)
    if _limits.exceeds(text, max_bytes):
        raise LoadError(_limits.message(max_bytes), "$")
    orjson = _backend.resolve(backend)
    with paused():  # tens of thousands of surviving objects: no collections half-way
        data = _backend.loads(text, orjson=orjson)
        if type(data) is dict:
            raise LoadError(
                "expected an array of events, not an object (wrap a single event in [...])", "$"
            )
        if type(data) is not list:
            raise LoadError(f"expected an array of events, not {describe(data)}", "$")
        events = from_dicts(data)
        _backend.settle()
        return events


def dump(
    events: Iterable[Event], fp: IO[str], /, *, indent: int | None = None, backend: str = "auto"
) -> None:
    """Write :func:`dumps` of *events* to the text file *fp*."""
    fp.write(dumps(events, indent=indent, backend=backend))


def load(
    fp: IO[str] | IO[bytes], /, *, backend: str = "auto", max_bytes: int | None = None
) -> list[Event]:
    """:func:`loads` of the whole of the file *fp* (text or binary), read no further
    than *max_bytes*."""
    _limits.check_limit(max_bytes)
    return loads(_limits.read(fp, max_bytes), backend=backend, max_bytes=max_bytes)


def dump_path(
    events: Iterable[Event],
    path: str | os.PathLike[str],
    /,
    *,
    indent: int | None = None,
    backend: str = "auto",
) -> None:
    """Write *events* to the file *path*, all or nothing: a failure leaves any old file intact."""
    write_atomic(path, [dumps(events, indent=indent, backend=backend), "\n"])


def load_path(
    path: str | os.PathLike[str], /, *, backend: str = "auto", max_bytes: int | None = None
) -> list[Event]:
    """The events of the JSON file *path* (UTF-8), read no further than *max_bytes*."""
    _limits.check_limit(max_bytes)
    with open(path, "rb") as fp:
        data: Any = _limits.read(fp, max_bytes)
    return loads(data, backend=backend, max_bytes=max_bytes)
