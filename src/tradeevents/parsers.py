"""Parsers: named ways of turning a text into events, and how users add their own.

A parser is any callable that takes a text (and, keyword-only, its publication
date) and returns the events in it (:class:`Parser`)::

    def notice(text: str, /, *, published: datetime.date | None = None) -> list[Event]:
        ...

Two parsers are built in: ``news`` (the default, :mod:`tradeevents.extraction`)
and ``text`` (the canonical text format, :func:`tradeevents.text.loads`).
Others come from two places:

* code: ``register_parser("notice", notice)``, for this process only;
* packages: an entry point in the group ``tradeevents.parsers`` of the
  package's metadata (``notice = "tradeevents_notice:NoticeParser"``). Entry
  points are imported lazily, the first time their name is asked for; a class
  is instantiated without arguments. Setting the environment variable
  ``TRADEEVENTS_DISABLE_PLUGINS=1`` ignores them all.

A parser may also be passed directly, as an object, wherever a name is accepted.
A plugin that fails to import, is not a parser, or raises while parsing gives
a :class:`~tradeevents.errors.PluginError` naming the plugin and its
distribution; the other parsers keep working.

Parsers must be pure functions of their input, and picklable as their
configuration (a function defined at module level, or an attrs class whose
fields are settings and which builds its compiled state lazily), so that they
run in worker processes and on distributed engines (:mod:`tradeevents.batch`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from importlib import metadata
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs

from .dates import coerce_date
from .errors import PluginError, TradeEventsError, UnknownParserError
from .model import Event

if TYPE_CHECKING:
    from .extraction import Extractor

__all__ = [
    "DEFAULT_PARSER",
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "NewsParser",
    "Parser",
    "ParserInfo",
    "TextFormatParser",
    "available_parsers",
    "coerce_published",
    "extract",
    "get_parser",
    "parser_info",
    "plugins_disabled",
    "register_parser",
    "run_parser",
    "unregister_parser",
]

#: The entry-point group that third-party packages declare their parsers in.
ENTRY_POINT_GROUP = "tradeevents.parsers"
#: Set this environment variable to ``1`` to ignore every third-party entry point.
DISABLE_ENV = "TRADEEVENTS_DISABLE_PLUGINS"
#: The parser used when none is named.
DEFAULT_PARSER = "news"


@runtime_checkable
class Parser(Protocol):
    """Text in, events out: ``parser(text, published=date) -> Iterable[Event]``.

    *published* is the publication date of the text (``None`` when unknown),
    against which relative dates are resolved; parsers for which it means
    nothing ignore it. Options specific to a parser are its own configuration
    (fields of a parser object), not arguments of the call. A parser returns
    (or yields) events, never raises on text it merely finds nothing in, and
    raises a :class:`~tradeevents.errors.TradeEventsError` subclass (such as
    :class:`~tradeevents.errors.TextFormatError`) for input it rejects.
    """

    def __call__(self, text: str, /, *, published: dt.date | None = None) -> Iterable[Event]: ...


# -- built-in parsers --------------------------------------------------------------


@attrs.frozen
class NewsParser:
    """News articles in English, read by the rule-based event extractor (the default).

    *extractor* defaults to :meth:`tradeevents.extraction.Extractor.default`. Pickles as its configuration: the extractor's stages and vocabulary
    directory, whose compiled rules are rebuilt lazily in each process.
    """

    extractor: Extractor | None = None

    def __call__(self, text: str, /, *, published: dt.date | None = None) -> list[Event]:
        """The events of the news text *text* (see :func:`tradeevents.extraction.extract`)."""
        if self.extractor is None:
            from .extraction import extract

            return extract(text, published=published)
        return self.extractor.extract(text, published=published)


@attrs.frozen
class TextFormatParser:
    """Event files in the canonical text format (``.events``); *published* is not used."""

    def __call__(self, text: str, /, *, published: dt.date | None = None) -> list[Event]:
        """The events written in *text* (see :func:`tradeevents.text.loads`)."""
        from .text import loads

        return loads(text)


_BUILTIN: dict[str, Parser] = {"news": NewsParser(), "text": TextFormatParser()}


# -- the registry -----------------------------------------------------------------


@attrs.frozen
class ParserInfo:
    """Where a parser name comes from, known without importing any plugin.

    ``origin`` is ``"builtin"``, ``"registered"`` (in code) or ``"plugin"``
    (an entry point); ``target`` the object or entry point it names
    (``"tradeevents_notice:NoticeParser"``); ``distribution`` the installed
    package that declares a plugin, with its version.
    """

    name: str
    origin: str
    target: str
    distribution: str | None = None


_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*")
_registered: dict[str, Parser] = {}
#: Entry points already imported (or failed), by name: the parser or the error.
_loaded: dict[str, Parser | PluginError] = {}


def plugins_disabled() -> bool:
    """Whether ``TRADEEVENTS_DISABLE_PLUGINS`` asks to ignore third-party entry points."""
    value = os.environ.get(DISABLE_ENV, "").strip().lower()
    return value not in ("", "0", "false", "no", "off")


def _entry_points() -> tuple[metadata.EntryPoint, ...]:
    return tuple(metadata.entry_points(group=ENTRY_POINT_GROUP))


#: The entry points of the group, read once per process (the metadata scan is the costly part).
_discovered: tuple[metadata.EntryPoint, ...] | None = None


def _distribution(ep: metadata.EntryPoint) -> str | None:
    dist = getattr(ep, "dist", None)
    if dist is None:
        return None
    return f"{dist.metadata['Name']} {dist.version}"


def _plugin_entry_points() -> dict[str, list[metadata.EntryPoint]]:
    if plugins_disabled():
        return {}
    global _discovered
    if _discovered is None:
        _discovered = _entry_points()
    found: dict[str, list[metadata.EntryPoint]] = {}
    for ep in _discovered:
        if ep.name in _BUILTIN:
            continue  # a plugin cannot take a built-in name
        found.setdefault(ep.name, []).append(ep)
    return found


def _target(parser: object) -> str:
    cls = parser if isinstance(parser, type) else type(parser)
    name = getattr(parser, "__qualname__", None) or cls.__qualname__
    return f"{getattr(parser, '__module__', cls.__module__)}:{name}"


def _describe_plugin(name: str, ep: metadata.EntryPoint) -> str:
    dist = _distribution(ep)
    origin = f" from {dist}" if dist else ""
    return f"plugin parser {name!r} ({ep.value}{origin})"


def _check_parser(parser: object, what: str) -> None:
    if not callable(parser):
        raise TypeError(f"{what} is not a parser: {type(parser).__qualname__} is not callable")


def register_parser(name: str, parser: Parser, /, *, replace: bool = False) -> Parser:
    """Make *parser* available under *name* in this process; returns *parser*.

    *name* is a short identifier (``"notice"``). A name already registered in
    code, or a built-in name, is refused unless ``replace=True``; a name
    registered in code hides a plugin of the same name.
    """
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ValueError(f"parser names are short identifiers such as 'notice', not {name!r}")
    _check_parser(parser, f"the object registered as {name!r}")
    if not replace and (name in _registered or name in _BUILTIN):
        raise ValueError(f"a parser named {name!r} exists already; pass replace=True to replace it")
    _registered[name] = parser
    return parser


def unregister_parser(name: str, /) -> None:
    """Forget a parser registered in code (:class:`KeyError` if there is none)."""
    del _registered[name]


def available_parsers() -> dict[str, ParserInfo]:
    """Every parser name that can be used, sorted, without importing any plugin.

    Names registered in code come first in precedence, then built-ins, then
    plugins (ignored when ``TRADEEVENTS_DISABLE_PLUGINS`` is set).
    """
    found: dict[str, ParserInfo] = {}
    for name, eps in _plugin_entry_points().items():
        ep = eps[0]
        found[name] = ParserInfo(name, "plugin", ep.value, _distribution(ep))
    for name, parser in _BUILTIN.items():
        found[name] = ParserInfo(name, "builtin", _target(parser), "tradeevents")
    for name, parser in _registered.items():
        found[name] = ParserInfo(name, "registered", _target(parser))
    return dict(sorted(found.items()))


def parser_info(name: str, /) -> ParserInfo:
    """The :class:`ParserInfo` of *name*; :class:`UnknownParserError` if there is none."""
    info = available_parsers().get(name)
    if info is None:
        raise _unknown(name)
    return info


def _unknown(name: str) -> UnknownParserError:
    known = ", ".join(available_parsers())
    hint = " (plugins are disabled by TRADEEVENTS_DISABLE_PLUGINS)" if plugins_disabled() else ""
    return UnknownParserError(f"unknown parser {name!r}; available: {known}{hint}")


def _load_plugin(name: str, eps: list[metadata.EntryPoint]) -> Parser:
    done = _loaded.get(name)
    if isinstance(done, PluginError):
        raise done
    if done is not None:
        return done
    try:
        if len(eps) > 1:
            sources = " and ".join(_describe_plugin(name, ep) for ep in eps)
            raise PluginError(f"parser name {name!r} is declared twice: {sources}")
        (ep,) = eps
        what = _describe_plugin(name, ep)
        try:
            obj = ep.load()
        except Exception as exc:
            raise PluginError(f"{what} failed to load: {type(exc).__name__}: {exc}") from exc
        if isinstance(obj, type):
            try:
                obj = obj()
            except Exception as exc:
                raise PluginError(
                    f"{what} could not be created: {type(exc).__name__}: {exc}"
                ) from exc
        if not callable(obj):
            raise PluginError(f"{what} is not a parser: {type(obj).__qualname__} is not callable")
    except PluginError as exc:
        _loaded[name] = exc
        raise
    parser: Parser = obj
    _loaded[name] = parser
    return parser


def get_parser(parser: str | Parser | None = None, /) -> Parser:
    """The parser named *parser* (``None`` for the default, ``news``), or *parser* itself
    when it is already a parser object.

    Raises :class:`~tradeevents.errors.UnknownParserError` for a name nothing
    provides, and :class:`~tradeevents.errors.PluginError` naming the plugin
    when its entry point cannot be loaded.
    """
    if parser is None:
        parser = DEFAULT_PARSER
    if not isinstance(parser, str):
        _check_parser(parser, repr(parser))
        return parser
    found = _registered.get(parser) or _BUILTIN.get(parser)
    if found is not None:
        return found
    eps = _plugin_entry_points().get(parser)
    if eps is None:
        raise _unknown(parser)
    return _load_plugin(parser, eps)


def _is_trusted(parser: object) -> bool:
    # the built-in parsers' failures are bugs of this package, not of a plugin
    return any(parser is builtin for builtin in _BUILTIN.values())


def _name_of(parser: object) -> str:
    for name, known in [*_registered.items(), *_loaded.items(), *_BUILTIN.items()]:
        if known is parser:
            return repr(name)
    return _target(parser)


def coerce_published(published: str | dt.date | None, /) -> dt.date | None:
    """*published* as a :class:`datetime.date` (see :func:`tradeevents.dates.coerce_date`)."""
    return coerce_date(published)


def run_parser(parser: Parser, text: str, published: dt.date | None) -> list[Event]:
    """Call *parser* and check what it returns; a third-party parser's failure becomes a
    :class:`~tradeevents.errors.PluginError` naming it. (Used by :mod:`tradeevents.batch`.)"""
    if _is_trusted(parser):
        return list(parser(text, published=published))
    try:
        events = list(parser(text, published=published))
    except TradeEventsError:
        raise  # the parser's own, deliberate report on the input
    except Exception as exc:
        raise PluginError(f"parser {_name_of(parser)} failed: {type(exc).__name__}: {exc}") from exc
    for event in events:
        if not isinstance(event, Event):
            raise PluginError(
                f"parser {_name_of(parser)} returned {type(event).__qualname__}, not an event"
            )
    return events


def extract(
    text: str, /, *, published: str | dt.date | None = None, parser: str | Parser | None = None
) -> list[Event]:
    """The events of *text*, read by the parser named *parser* (default ``news``).

    *published* is a :class:`datetime.date` or a date string. This is what
    :func:`tradeevents.extract` does.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return run_parser(get_parser(parser), text, coerce_published(published))


def _reset_plugins() -> None:
    """Forget the entry points seen and loaded (for tests that change what is installed)."""
    global _discovered
    _discovered = None
    _loaded.clear()
