"""The errors tradeevents raises.

Every error the library raises on purpose derives from :class:`TradeEventsError`.
Errors about bad input also derive from the nearest builtin (:class:`ValueError`,
:class:`LookupError`), as attrs and cattrs do, so ``except ValueError`` keeps working.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "LoadError",
    "PluginError",
    "TextFormatError",
    "TradeEventsError",
    "UnknownJurisdictionError",
    "UnknownParserError",
    "VocabularyError",
]


class TradeEventsError(Exception):
    """The root of every error raised by tradeevents."""


class TextFormatError(TradeEventsError, ValueError):
    """Malformed input to the canonical text format.

    Carries the message, the whole document, the offset ``pos`` into it, and the
    1-based ``lineno`` and ``colno`` of the offending character. ``str()`` gives
    one line naming the place, followed by the offending line with a caret
    under the column (as tomli's ``TOMLDecodeError`` and packaging's
    ``ParserSyntaxError`` do).
    """

    def __init__(self, msg: str, doc: str, pos: int) -> None:
        pos = max(0, min(pos, len(doc)))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = doc.count("\n", 0, pos) + 1
        line_start = doc.rfind("\n", 0, pos) + 1
        self.colno = pos - line_start + 1
        line_end = doc.find("\n", pos)
        if line_end == -1:
            line_end = len(doc)
        self.line = doc[line_start:line_end]
        super().__init__(msg, doc, pos)

    @property
    def summary(self) -> str:
        """The one-line form: ``line L, column C: message``."""
        return f"line {self.lineno}, column {self.colno}: {self.msg}"

    def __str__(self) -> str:
        caret = " " * (self.colno - 1) + "^"
        return f"{self.summary}\n    {self.line}\n    {caret}"


class LoadError(TradeEventsError, ValueError):
    """Structured input (JSON, JSON Lines, CSV) that does not describe valid events.

    ``path`` names the bad field in JSONPath-like form (``$[3].date``); for line-
    or row-based formats ``lineno`` is the 1-based line or row number.
    """

    def __init__(self, msg: str, path: str = "$", *, lineno: int | None = None) -> None:
        self.msg = msg
        self.path = path
        self.lineno = lineno
        super().__init__(msg, path, lineno)

    def __reduce__(self) -> tuple[Any, ...]:
        # lineno is keyword-only: pickle (worker processes, distributed engines)
        # must rebuild it as such
        return (_rebuild_load_error, (self.msg, self.path, self.lineno))

    def __str__(self) -> str:
        where = self.path if self.lineno is None else f"line {self.lineno}: {self.path}"
        return f"{where}: {self.msg}"


def _rebuild_load_error(msg: str, path: str, lineno: int | None) -> LoadError:
    return LoadError(msg, path, lineno=lineno)


class UnknownJurisdictionError(TradeEventsError, LookupError):
    """A name that the jurisdiction table does not know."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(name)

    def __str__(self) -> str:
        return f"unknown jurisdiction: {self.name!r}"


class VocabularyError(TradeEventsError, ValueError):
    """A vocabulary or rules data file that does not validate.

    ``source`` names the file (or ``<api>``), ``where`` the entry within it.
    """

    def __init__(self, msg: str, source: str, where: str = "") -> None:
        self.msg = msg
        self.source = source
        self.where = where
        super().__init__(msg, source, where)

    def __str__(self) -> str:
        place = f"{self.source}: {self.where}" if self.where else self.source
        return f"{place}: {self.msg}"


class UnknownParserError(TradeEventsError, LookupError):
    """No parser is registered under the name asked for."""


class PluginError(TradeEventsError):
    """A third-party plugin failed to load or misbehaved; names the plugin."""
