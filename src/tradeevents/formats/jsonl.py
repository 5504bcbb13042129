"""Events as JSON Lines: one compact event object per line.

Made for streams: :func:`iter_dump` yields one line at a time and
:func:`iter_load` reads one line at a time, so 100,000 events never sit in
memory at once. Blank lines (and a missing final newline) are allowed.
Errors name the 1-based line and the path within that line's object::

    line 4: $.date: invalid date '2021-13': ...

Every function takes ``backend="auto"`` (orjson when installed), ``"json"``
or ``"orjson"``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .. import _limits
from .._gc import paused
from .._io import write_atomic
from ..errors import LoadError
from ..model import Event
from . import _backend
from ._converter import fast_json_lines, from_dict, to_dicts

__all__ = ["dump", "dump_path", "dumps", "iter_dump", "iter_load", "load", "load_path", "loads"]

_BATCH = 256
_EOL: dict[type, Any] = {str: "\r\n", bytes: b"\r\n"}  # events converted per batch while streaming


def iter_dump(events: Iterable[Event], /, *, backend: str = "auto") -> Iterator[str]:
    """Yield one line (ending in ``"\\n"``) per event, reading *events* lazily."""
    orjson = _backend.resolve(backend)
    line = _backend.dumps_line(orjson)
    if isinstance(events, Event):
        to_dicts(events)  # raises the TypeError for a single event

    module = _backend.orjson_module() if orjson else None

    def chunk(batch: list[Event]) -> str:
        # the events' fields straight to the encoder (formats._fast): the same bytes
        texts = fast_json_lines(batch, module)
        if texts is None:
            texts = [line(d) for d in to_dicts(batch)]
        return "".join([text + "\n" for text in texts])

    batch: list[Event] = []
    for event in events:
        batch.append(event)
        if len(batch) == _BATCH:
            yield chunk(batch)
            batch.clear()
    if batch:
        yield chunk(batch)


def dumps(events: Iterable[Event], /, *, backend: str = "auto") -> str:
    """The JSON Lines text of *events* (empty for no events)."""
    return "".join(iter_dump(events, backend=backend))


def dump(events: Iterable[Event], fp: IO[str], /, *, backend: str = "auto") -> None:
    """Write *events* to the text file *fp*, line by line."""
    for chunk in iter_dump(events, backend=backend):
        fp.write(chunk)


def dump_path(
    events: Iterable[Event], path: str | os.PathLike[str], /, *, backend: str = "auto"
) -> None:
    """Write *events* to *path*, all or nothing: a failure leaves any old file intact."""
    write_atomic(path, iter_dump(events, backend=backend))


def iter_load(
    lines: Iterable[str] | Iterable[bytes],
    /,
    *,
    backend: str = "auto",
    max_bytes: int | None = None,
) -> Iterator[Event]:
    """Yield the event of each non-blank line of *lines* (a text or binary file, or any
    iterable of lines), as it is read.

    The cyclic garbage collector is left alone here (the caller's code runs
    between events); :func:`loads`, :func:`load` and :func:`load_path` pause it
    while they build the whole list.

    A :class:`~tradeevents.errors.LoadError` is raised at the line that takes the
    bytes read past *max_bytes* (``None``: no limit)."""
    if isinstance(lines, (str, bytes)):
        raise TypeError("iter_load reads a file or an iterable of lines; use loads for a string")
    _limits.check_limit(max_bytes)
    source: Iterable[str | bytes] = _limits.counted(lines, max_bytes)
    orjson = _backend.resolve(backend)
    try:
        for lineno, line in enumerate(source, 1):
            if not line.strip():
                continue
            # the line ending is no part of the document (a syntax error's column stays on its line)
            data = _backend.loads(line.rstrip(_EOL[type(line)]), orjson=orjson, lineno=lineno)
            yield from_dict(data, "$", lineno=lineno)
    except _limits.Exceeded as exc:
        raise LoadError(_limits.message(max_bytes), "$", lineno=exc.lineno) from None


def loads(
    text: str | bytes, /, *, backend: str = "auto", max_bytes: int | None = None
) -> list[Event]:
    """The events of a JSON Lines text (refused if larger than *max_bytes* bytes of UTF-8)."""
    if not isinstance(text, (str, bytes)):
        raise TypeError(f"loads needs str or bytes, not {type(text).__qualname__}")
    _limits.check_limit(max_bytes)
    if _limits.exceeds(text, max_bytes):
        raise LoadError(_limits.message(max_bytes), "$")
    lines = text.split(b"\n") if isinstance(text, bytes) else text.split("\n")
    with paused():
        return _settled(list(iter_load(lines, backend=backend)))


def load(
    fp: IO[str] | IO[bytes], /, *, backend: str = "auto", max_bytes: int | None = None
) -> list[Event]:
    """The events of the JSON Lines file *fp*, read no further than *max_bytes*."""
    with paused():
        return _settled(list(iter_load(fp, backend=backend, max_bytes=max_bytes)))


def load_path(
    path: str | os.PathLike[str], /, *, backend: str = "auto", max_bytes: int | None = None
) -> list[Event]:
    """The events of the JSON Lines file *path* (UTF-8), read no further than *max_bytes*."""
    with open(path, "rb") as fp, paused():
        return _settled(list(iter_load(fp, backend=backend, max_bytes=max_bytes)))


def _settled(events: list[Event]) -> list[Event]:
    _backend.settle()  # see there: the events go straight to the oldest generation
    return events
