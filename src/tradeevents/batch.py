"""Many texts at once: partition-level entry points for worker pools and distributed engines.

Distributed engines (dask, Spark, Ray) hand a function one *partition* at a
time: an iterable of records. :func:`extract_partition` turns one into events,
:func:`extract_partition_jsonl` into JSON Lines strings, which cost far less to
ship back to the driver than pickled event objects::

    import dask.bag as db
    from tradeevents.batch import extract_partition_jsonl

    bag = db.from_sequence(records, npartitions=64)
    bag.map_partitions(extract_partition_jsonl, parser="news").to_textfiles("out/*.jsonl")

A record is a text (``str``), a ``(source, text)`` or ``(source, text,
published)`` tuple, or a mapping with ``"text"`` and optionally ``"source"``
(or ``"id"``) and ``"published"`` — the shape of an annotated corpus file or
of a JSON Lines corpus read with :func:`json.loads`. A record's own
``published`` wins over the ``published`` given for the whole partition; its
source fills the ``source`` field of the events that the parser left unset.

Both functions are generators: they read one record at a time and keep nothing
once its events are out, so memory stays flat however long the partition.
The parser is a name or a picklable parser object (:mod:`tradeevents.parsers`),
built lazily in each worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple, Union

from .model import Event
from .parsers import Parser, coerce_published, get_parser, run_parser

__all__ = [
    "Record",
    "TextRecord",
    "as_record",
    "extract_partition",
    "extract_partition_jsonl",
    "extract_record",
]


class TextRecord(NamedTuple):
    """One text to parse: where it comes from (or ``None``), the text, and its publication date."""

    source: str | None
    text: str
    published: dt.date | None = None


#: What the partition functions accept for one text.
Record = Union[
    str,
    TextRecord,
    "tuple[str | None, str]",
    "tuple[str | None, str, str | dt.date | None]",
    Mapping[str, Any],
]


def as_record(item: Any, /, *, published: dt.date | None = None) -> TextRecord:
    """*item* (see :data:`Record`) as a :class:`TextRecord`; *published* is the default date.

    Raises :class:`TypeError` for anything else, naming what it got.
    """
    if isinstance(item, str):
        return TextRecord(None, item, published)
    if isinstance(item, Mapping):
        if "text" not in item:
            raise TypeError(f"a record mapping needs a 'text' key; it has {sorted(item)}")
        source = item.get("source", item.get("id"))
        return _record(source, item["text"], item.get("published"), published)
    if isinstance(item, tuple) and len(item) in (2, 3):
        return _record(item[0], item[1], item[2] if len(item) == 3 else None, published)
    raise TypeError(
        "a record is a str, a (source, text[, published]) tuple or a mapping with 'text', "
        f"not {type(item).__qualname__}"
    )


def _record(source: Any, text: Any, own: Any, default: dt.date | None) -> TextRecord:
    if not isinstance(text, str):
        raise TypeError(f"a record's text must be a str, not {type(text).__qualname__}")
    if source is not None and not isinstance(source, str):
        source = str(source)  # numeric ids
    date = default if own is None else coerce_published(own)
    return TextRecord(source, text, date)


def extract_record(record: TextRecord, /, parser: Parser) -> list[Event]:
    """The events of one record, read by *parser*, with ``source`` set from the record
    where the parser left it unset."""
    events = run_parser(parser, record.text, record.published)
    source = record.source
    if source is None:
        return events
    return [event if event.source is not None else event.replace(source=source) for event in events]


def extract_partition(
    records: Iterable[Record],
    /,
    *,
    published: str | dt.date | None = None,
    parser: str | Parser | None = None,
) -> Iterator[Event]:
    """The events of every record of *records*, in order, one record at a time.

    *published* is the publication date of records that carry none; *parser* a
    parser name (default ``news``) or a parser object.
    """
    date = coerce_published(published)
    chosen = get_parser(parser)
    for item in records:
        yield from extract_record(as_record(item, published=date), chosen)


def extract_partition_jsonl(
    records: Iterable[Record],
    /,
    *,
    published: str | dt.date | None = None,
    parser: str | Parser | None = None,
    backend: str = "auto",
) -> Iterator[str]:
    """Like :func:`extract_partition`, but each event as one line of JSON Lines.

    The strings have no final newline (text writers such as dask's
    ``to_textfiles`` and Spark's ``saveAsTextFile`` add one). *backend* is the
    JSON backend of :mod:`tradeevents.formats.jsonl`.
    """
    from .formats import jsonl

    date = coerce_published(published)
    chosen = get_parser(parser)
    for item in records:
        events = extract_record(as_record(item, published=date), chosen)
        if events:
            # JSON escapes "\n" inside strings, so the text splits into its lines exactly
            # (not str.splitlines: it also splits at U+2028 and U+0085, which JSON keeps raw)
            yield from jsonl.dumps(events, backend=backend).split("\n")[:-1]
