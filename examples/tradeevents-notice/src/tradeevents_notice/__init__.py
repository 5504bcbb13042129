"""A tradeevents parser for government notices that list their measures as a table.

A notice is a few ``Key: value`` lines (``Issued by``, ``Date``, ``Subject``),
then a table after a ``LIST OF MEASURES`` line: a header row naming the
columns, and one measure per row, cells separated by ``|``::

    NOTICE OF ACTION 2019-0417
    Issued by: United States
    Date: 2019-05-09

    LIST OF MEASURES
    No. | Measure | Partner | Products        | Rate | Instrument  | Effective  | Status
    1   | tariff  | China   | steel; aluminum | 25%  | section-301 | 2019-05-10 | in-effect

Each row is one event: ``Measure`` is its type (any registered event type,
user-defined ones included), ``Status`` its status, and its parties are the
issuer and the partners. The table ends at the first blank line.

The parser is declared in this package's ``pyproject.toml``::

    [project.entry-points."tradeevents.parsers"]
    notice = "tradeevents_notice:NoticeParser"
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs

from tradeevents import jurisdictions, registry
from tradeevents.dates import EventDate
from tradeevents.errors import TradeEventsError
from tradeevents.model import Event, Evidence, Rate

__all__ = ["NoticeFormatError", "NoticeParser"]

_FIELD = re.compile(r"(?P<key>[A-Za-z][A-Za-z ]*?)\s*:\s*(?P<value>.*?)\s*")
_RATE = re.compile(r"(?P<value>[0-9]+(?:\.[0-9]+)?)\s*%")
_REQUIRED = ("measure", "status")


class NoticeFormatError(TradeEventsError, ValueError):
    """A notice that does not follow the layout; names the 1-based line."""

    def __init__(self, msg: str, lineno: int) -> None:
        self.msg = msg
        self.lineno = lineno
        super().__init__(msg, lineno)

    def __str__(self) -> str:
        return f"line {self.lineno}: {self.msg}"


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(1-based number, start offset, line without its ending) for each line of *text*."""
    found = []
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        found.append((number, start, line.rstrip("\r")))
        start += len(line) + 1
    return found


def _singular(word: str) -> str:
    # enough English for the products of notices: "solar panels" -> "solar panel"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@attrs.frozen
class NoticeParser:
    """Government notices that list their measures as a table, one measure per row.

    *issuer* is the imposing jurisdiction (a name or code) for notices without
    an ``Issued by`` line. Pure, and picklable as this configuration.
    """

    issuer: str | None = None

    def __call__(self, text: str, /, *, published: dt.date | None = None) -> list[Event]:
        """The events of the notice *text*; :class:`NoticeFormatError` for a malformed one.

        *published* is the date of measures whose row and notice give none.
        """
        lines = _lines(text)
        header: dict[str, str] = {}
        table_at = None
        for number, _, line in lines:
            if line.strip().upper() == "LIST OF MEASURES":
                table_at = number
                break
            match = _FIELD.fullmatch(line)
            if match is not None:
                header.setdefault(match["key"].strip().lower(), match["value"])
        if table_at is None:
            raise NoticeFormatError("no 'LIST OF MEASURES' line", len(lines))
        issuer_name = header.get("issued by", self.issuer)
        if issuer_name is None:
            raise NoticeFormatError("no 'Issued by:' line names the issuing jurisdiction", 1)
        issuer = self._code(issuer_name, 1)
        date = published
        if "date" in header:
            try:
                date = dt.date.fromisoformat(header["date"])
            except ValueError:
                raise NoticeFormatError(f"invalid date {header['date']!r}", 1) from None
        subject = header.get("subject") or None
        return list(self._rows(lines[table_at:], issuer, date, subject))

    def _rows(
        self,
        lines: list[tuple[int, int, str]],
        issuer: str,
        date: dt.date | None,
        subject: str | None,
    ) -> list[Event]:
        if not lines or "|" not in lines[0][2]:
            raise NoticeFormatError("expected the header row of the table", lines[0][0] - 1)
        columns = [cell.strip().lower() for cell in lines[0][2].split("|")]
        for name in _REQUIRED:
            if name not in columns:
                raise NoticeFormatError(f"the table has no {name!r} column", lines[0][0])
        events = []
        for number, start, line in lines[1:]:
            if not line.strip():
                break
            cells = [cell.strip() for cell in line.split("|")]
            if len(cells) != len(columns):
                raise NoticeFormatError(
                    f"expected {len(columns)} cells, found {len(cells)}", number
                )
            row = dict(zip(columns, cells, strict=True))
            evidence = Evidence(line, start, start + len(line))
            events.append(self._event(row, number, issuer, date, subject, evidence))
        return events

    def _event(
        self,
        row: dict[str, str],
        number: int,
        issuer: str,
        date: dt.date | None,
        subject: str | None,
        evidence: Evidence,
    ) -> Event:
        try:
            cls = registry.event_class(row["measure"])
        except KeyError:
            raise NoticeFormatError(f"unknown measure {row['measure']!r}", number) from None
        fields = attrs.fields_dict(cls)
        partners = [self._code(p, number) for p in _items(row.get("partner", ""))]
        values: dict[str, Any] = {
            "status": row["status"],
            "parties": [issuer, *partners],
            "products": [_singular(p.lower()) for p in _items(row.get("products", ""))],
            "instruments": _items(row.get("instrument", "")),
            "topics": [subject] if subject else [],
            "evidence": evidence,
        }
        effective = None
        if row.get("effective"):
            try:
                effective = EventDate.parse(row["effective"])
            except ValueError as exc:
                raise NoticeFormatError(str(exc), number) from None
        values["date"] = effective or (None if date is None else EventDate.from_date(date))
        if "effective" in fields and effective is not None:
            values["effective"] = effective
        if row.get("rate"):
            rate = _RATE.fullmatch(row["rate"])
            if rate is None or "rates" not in fields:
                raise NoticeFormatError(f"invalid rate {row['rate']!r}", number)
            values["rates"] = [Rate(float(rate["value"]))]
        try:
            return cls(**values)
        except (TypeError, ValueError) as exc:
            raise NoticeFormatError(str(exc), number) from None

    @staticmethod
    def _code(name: str, number: int) -> str:
        if jurisdictions.is_code(name):
            return name
        code = jurisdictions.find(name)
        if code is None:
            raise NoticeFormatError(f"unknown jurisdiction {name!r}", number)
        return code


def _items(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(";") if item.strip()]
