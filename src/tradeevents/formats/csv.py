r"""Events as CSV: one row per event under a fixed header.

The columns (:data:`COLUMNS`) are the keys of the JSON form in its order, for
every event type, then ``extra``::

    id,type,status,parties,date,instruments,products,officials,topics,evidence,
    confidence,source,rates,quota,effective,expires,extra

Each cell holds the JSON-form value of its key, written so that it reads back
exactly, ``None`` and empty kept apart:

* ``parties``, ``instruments``, ``products``, ``topics`` (lists of strings):
  the items joined by ``|``; a ``|`` or ``\`` inside an item is escaped with a
  backslash (``\|``, ``\\``). The empty list is the empty cell.
* ``officials``, ``rates`` (lists of objects): compact JSON; the empty list
  is the empty cell.
* ``evidence``, ``quota`` (an object or ``null``): compact JSON, or the empty
  cell for ``null``.
* ``date``, ``effective``, ``expires``, ``source`` (a string or ``null``): the
  text as is; the empty cell is ``null``. A string that is empty or starts with
  ``"`` is written as a JSON string literal (``""`` in the cell for the empty
  string), so every cell reads back unambiguously.
* ``confidence``: the number as Python's ``repr`` writes it, or empty for ``null``.
* ``id``, ``type``, ``status``: the text. ``id`` is ignored when reading.
* ``extra``: the fields of user-registered event types that are not in the
  columns above, as a compact JSON object (empty when there are none).

A column that an event type does not have (``rates`` of an ``agreement``) is
left empty, and must be empty when read. Rows end in ``\r\n`` (RFC 4180); cells are quoted
as Python's :mod:`csv` module does (``QUOTE_MINIMAL``). Errors name the line
where the row starts and the path of the bad cell (``line 5: $[3].date: ...``).
"""

from __future__ import annotations

import csv as _csv
import io
import json as _json
import os
import re
import threading
from collections.abc import Iterable, Iterator
from typing import IO, Any

import attrs

from .. import _limits, registry
from .._gc import paused
from .._io import write_atomic
from ..errors import LoadError
from ..model import Event
from . import _backend
from ._converter import describe, from_dict, to_dicts

__all__ = [
    "COLUMNS",
    "dump",
    "dump_path",
    "dumps",
    "iter_dump",
    "iter_load",
    "load",
    "load_path",
    "loads",
]

#: The header row, in order.
COLUMNS = (
    "id",
    "type",
    "status",
    "parties",
    "date",
    "instruments",
    "products",
    "officials",
    "topics",
    "evidence",
    "confidence",
    "source",
    "rates",
    "quota",
    "effective",
    "expires",
    "extra",
)

_TEXT = frozenset({"id", "type", "status"})
_STRINGS = frozenset({"parties", "instruments", "products", "topics"})
_OBJECT_LISTS = frozenset({"officials", "rates"})
_OBJECTS = frozenset({"evidence", "quota"})
_NULLABLE_TEXT = frozenset({"date", "effective", "expires", "source"})
_NUMBERS = frozenset({"confidence"})
_FIXED = frozenset(COLUMNS) - {"extra"}

_ESCAPE = re.compile(r"[\\|]")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_BATCH = 256

#: The reader's field size limit while it reads a row: as large as the C ``long`` of
#: every platform allows. The csv module's default (131,072 characters) would
#: refuse cells that the writer writes; a cell is bounded by the document, whose
#: size *max_bytes* bounds.
_FIELD_LIMIT = 2**31 - 1
#: ``csv.field_size_limit`` is process-wide: the readers raise it for one row at a
#: time, under this lock, and restore the caller's value after.
_FIELD_LIMIT_LOCK = threading.Lock()


def _next_row(reader: Iterator[list[str]]) -> list[str] | None:
    with _FIELD_LIMIT_LOCK:
        previous = _csv.field_size_limit(_FIELD_LIMIT)
        try:
            return next(reader, None)
        finally:
            _csv.field_size_limit(previous)


# -- writing -------------------------------------------------------------------


def _json_cell(value: Any) -> str:
    return _json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _cell(column: str, value: Any) -> str:
    if column in _STRINGS:
        return "|".join([_ESCAPE.sub(r"\\\g<0>", item) for item in value])
    if value is None:
        return ""
    if column in _NULLABLE_TEXT or column in _TEXT:
        if column in _NULLABLE_TEXT and (value == "" or value.startswith('"')):
            return _json_cell(value)
        return str(value)
    if column in _NUMBERS:
        return repr(value)
    if column in _OBJECT_LISTS and not value:
        return ""
    return _json_cell(value)


def _row(data: dict[str, Any]) -> list[str]:
    row = [_cell(column, data[column]) if column in data else "" for column in COLUMNS[:-1]]
    extra = {key: value for key, value in data.items() if key not in _FIXED}
    row.append(_json_cell(extra) if extra else "")
    return row


def iter_dump(events: Iterable[Event], /) -> Iterator[str]:
    """Yield the header line, then rows of events in chunks, reading *events* lazily."""
    if isinstance(events, Event):
        to_dicts(events)  # raises the TypeError for a single event
    buffer = io.StringIO()
    writer = _csv.writer(
        buffer, lineterminator="\r\n"
    )  # RFC 4180; "\n" alone would leave a lone "\r" unquoted
    writer.writerow(COLUMNS)
    yield buffer.getvalue()
    batch: list[Event] = []

    def flush() -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerows([_row(data) for data in to_dicts(batch)])
        batch.clear()
        return buffer.getvalue()

    for event in events:
        batch.append(event)
        if len(batch) == _BATCH:
            yield flush()
    if batch:
        yield flush()


def dumps(events: Iterable[Event], /) -> str:
    """The CSV text of *events*: the header, then one row per event."""
    return "".join(iter_dump(events))


def dump(events: Iterable[Event], fp: IO[str], /) -> None:
    """Write *events* to the text file *fp* (open it with ``newline=""``)."""
    for chunk in iter_dump(events):
        fp.write(chunk)


def dump_path(events: Iterable[Event], path: str | os.PathLike[str], /) -> None:
    """Write *events* to *path*, all or nothing: a failure leaves any old file intact."""
    write_atomic(path, iter_dump(events))


# -- reading -------------------------------------------------------------------


def _split(cell: str, path: str, lineno: int) -> list[str]:
    if cell == "":
        return []
    if "\\" not in cell:
        return cell.split("|")
    items: list[str] = []
    current: list[str] = []
    pos = 0
    while pos < len(cell):
        char = cell[pos]
        if char == "\\":
            escaped = cell[pos + 1 : pos + 2]
            if escaped not in ("\\", "|"):
                raise LoadError(
                    f"invalid escape {cell[pos : pos + 2]!r} at character {pos + 1} "
                    "(only \\\\ and \\| are escapes)",
                    path,
                    lineno=lineno,
                )
            current.append(escaped)
            pos += 2
            continue
        if char == "|":
            items.append("".join(current))
            current = []
        else:
            current.append(char)
        pos += 1
    items.append("".join(current))
    return items


def _json_value(cell: str, path: str, lineno: int) -> Any:
    try:
        return _json.loads(cell)
    except ValueError as exc:
        raise LoadError(f"invalid JSON in the cell: {exc}", path, lineno=lineno) from None


def _value(column: str, cell: str, path: str, lineno: int) -> Any:
    if column in _STRINGS:
        return _split(cell, path, lineno)
    if column in _TEXT:
        return cell
    if cell == "":
        return [] if column in _OBJECT_LISTS else None
    if column in _NULLABLE_TEXT:
        return _json_value(cell, path, lineno) if cell.startswith('"') else cell
    if column in _NUMBERS:
        return float(cell) if _NUMBER.fullmatch(cell) else cell
    return _json_value(cell, path, lineno)


def _fields_of(tag: str) -> frozenset[str] | None:
    cls = registry.event_types().get(tag)
    return None if cls is None else frozenset(f.name for f in attrs.fields(cls))


def iter_load(lines: Iterable[str], /, *, max_bytes: int | None = None) -> Iterator[Event]:
    """Yield the event of each row of a CSV text file (open it with ``newline=""``)
    or any iterable of lines, as it is read. The first row must be the header.

    Cells of any size are read (the csv module's own limit is lifted while a row
    is read). A :class:`~tradeevents.errors.LoadError` is raised at the line that
    takes the text read past *max_bytes* bytes of UTF-8 (``None``: no limit)."""
    if isinstance(lines, (str, bytes)):
        raise TypeError("iter_load reads a file or an iterable of lines; use loads for a string")
    _limits.check_limit(max_bytes)
    reader = _csv.reader(_limits.counted(lines, max_bytes), strict=True)
    try:
        header = _next_row(reader)
        if header is None:
            raise LoadError(
                f"empty document: expected the header {','.join(COLUMNS)}", "$", lineno=1
            )
        if tuple(header) != COLUMNS:
            raise LoadError(f"expected the header {','.join(COLUMNS)}", "$", lineno=1)
        index = 0
        while True:
            lineno = reader.line_num + 1
            row = _next_row(reader)
            if row is None:
                return
            if not row:
                continue  # a blank line
            yield _event(row, index, lineno)
            index += 1
    except _csv.Error as exc:
        raise LoadError(f"invalid CSV: {exc}", "$", lineno=reader.line_num) from None
    except _limits.Exceeded as exc:
        raise LoadError(_limits.message(max_bytes), "$", lineno=exc.lineno) from None


def _event(row: list[str], index: int, lineno: int) -> Event:
    path = f"$[{index}]"
    if len(row) != len(COLUMNS):
        raise LoadError(f"expected {len(COLUMNS)} cells, found {len(row)}", path, lineno=lineno)
    known = _fields_of(row[1])
    data: dict[str, Any] = {}
    for column, cell in zip(COLUMNS[:-1], row[:-1], strict=True):
        if known is not None and column not in known and column not in ("id", "type"):
            if cell != "":
                raise LoadError(
                    f"must be empty: {row[1]} events have no {column}",
                    f"{path}.{column}",
                    lineno=lineno,
                )
            continue
        data[column] = _value(column, cell, f"{path}.{column}", lineno)
    if row[-1]:
        extra = _json_value(row[-1], f"{path}.extra", lineno)
        if type(extra) is not dict:
            raise LoadError(
                f"expected a JSON object, not {describe(extra)}", f"{path}.extra", lineno=lineno
            )
        for key, value in extra.items():
            if key in _FIXED:
                raise LoadError(f"{key!r} has its own column", f"{path}.extra.{key}", lineno=lineno)
            data[key] = value
    return from_dict(data, path, lineno=lineno)


def loads(text: str, /, *, max_bytes: int | None = None) -> list[Event]:
    """The events of a CSV text (refused if larger than *max_bytes* bytes of UTF-8)."""
    if not isinstance(text, str):
        raise TypeError(f"loads needs str, not {type(text).__qualname__}")
    _limits.check_limit(max_bytes)
    if _limits.exceeds(text, max_bytes):
        raise LoadError(_limits.message(max_bytes), "$")
    with paused():
        return _settled(list(iter_load(io.StringIO(text, newline=""))))


def load(fp: IO[str], /, *, max_bytes: int | None = None) -> list[Event]:
    """The events of the CSV file *fp* (opened with ``newline=""``), read no further
    than *max_bytes*."""
    with paused():
        return _settled(list(iter_load(fp, max_bytes=max_bytes)))


def load_path(path: str | os.PathLike[str], /, *, max_bytes: int | None = None) -> list[Event]:
    """The events of the CSV file *path* (UTF-8), read no further than *max_bytes*."""
    with open(path, encoding="utf-8-sig", newline="") as fp, paused():
        return _settled(list(iter_load(fp, max_bytes=max_bytes)))


def _settled(events: list[Event]) -> list[Event]:
    _backend.settle()  # see there: the events go straight to the oldest generation
    return events
