"""The canonical plain-text event format: line-oriented, strict, diffable.

A document is a magic first line, then one block per event: a header line
naming the event type, then one ``key: value`` line per field that differs
from its default::

    # tradeevents text 1

    [tariff]
    status: in-effect
    parties: [CN, US]
    date: 2018-07-06
    instruments: [section-301]
    rates: [{value: 25.0}]

:func:`loads`, :func:`load` and :func:`load_path` read a document, :func:`dumps`, :func:`dump`,
:func:`dump_path` (atomic) and :func:`iter_dump` write one. ``loads(dumps(events)) == events`` for every
list of events the model can hold, user-registered event types included.
Malformed input of any kind raises :class:`~tradeevents.errors.TextFormatError`
naming the line and column. The format is specified in ``docs/text-format.md``.

The reader is a set of pure functions of ``(src, pos)`` over a table of named
regular expressions (:data:`_RULES`), in the manner of packaging's tokenizer
and tomli's parser; each ``_parse_*`` docstring holds its grammar rule. Field
values have a fast path (one precompiled ``fullmatch`` against the rest of the
line) and fall back to the general, error-reporting parser. A document laid out
exactly as :func:`dumps` writes it is first read an event at a time by the block
reader (:func:`_read_blocks`), which goes back to those at the first doubt.
"""

from __future__ import annotations

import enum
import functools
import gc
import io
import itertools
import operator
import os
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, Any, Final, NoReturn

import attrs

from . import _limits, registry
from ._gc import paused
from ._io import write_atomic
from .dates import EventDate
from .errors import TextFormatError
from .model import Event, Evidence, _check_offset, _field_kind, _is_trusted_buildable, _trusted_new

__all__ = [
    "FORMAT_VERSION",
    "MAGIC",
    "dump",
    "dump_path",
    "dumps",
    "iter_dump",
    "load",
    "load_path",
    "loads",
]

#: The version of the format that this module reads and writes.
FORMAT_VERSION: Final = 1
#: The first line of every document.
MAGIC: Final = f"# tradeevents text {FORMAT_VERSION}"

# -- tokens --------------------------------------------------------------------

_WORD = r"[A-Za-z][A-Za-z0-9_]*(?:[-.][A-Za-z0-9_]+)*"
_SIMPLE_STRING = r'"[^"\\\x00-\x1f\x7f]*"'
_ESCAPE = r'\\(?:["\\bfnrt]|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})'
_DATE = r"[0-9]{4}(?:-(?:[0-9]{2}(?:-[0-9]{2})?|Q[0-9]|H[0-9]))?"
_INTEGER = r"-?(?:0|[1-9][0-9]*)"
_FLOAT = r"-?(?:inf|nan|(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)"

#: The token table: every piece of the grammar the reader matches, by name.
_RULES: Final[dict[str, re.Pattern[str]]] = {
    "MAGIC": re.compile(r"# tradeevents text (?P<version>[0-9]+)"),
    "COMMENT": re.compile(r"#[^\x00-\x08\x0a-\x1f\x7f]*"),
    "HEADER": re.compile(r"\[(?P<tag>[a-z][a-z0-9]*(?:-[a-z0-9]+)*)\]"),
    "KEY": re.compile(r"[A-Za-z_][A-Za-z0-9_]*"),
    "COLON": re.compile(r": *"),
    "WORD": re.compile(_WORD),
    "STRING": re.compile(rf'"((?:[^"\\\x00-\x1f\x7f]|{_ESCAPE})*)"'),
    "STRING_PREFIX": re.compile(rf'"(?:[^"\\\x00-\x1f\x7f]|{_ESCAPE})*'),
    "INTEGER": re.compile(_INTEGER + r"(?![0-9.eE])"),
    "FLOAT": re.compile(_FLOAT + r"(?![0-9.eE])"),
    "DATE": re.compile(_DATE + r"(?![0-9A-Za-z-])"),
    "NONE": re.compile(r"none(?![A-Za-z0-9_.-])"),
    "BOOL": re.compile(r"(?:true|false)(?![A-Za-z0-9_.-])"),
    "LBRACKET": re.compile(r"\[ *"),
    "RBRACKET": re.compile(r" *\]"),
    "LBRACE": re.compile(r"\{ *"),
    "RBRACE": re.compile(r" *\}"),
    "COMMA": re.compile(r" *, *"),
    "SPACES": re.compile(r"[ \t]+"),
}

#: Whole-value patterns for the fast paths (matched against the rest of a line).
_FAST_WORD = re.compile(_WORD)
_FAST_STRING = re.compile(rf"({_WORD})|\"([^\"\\\x00-\x1f\x7f]*)\"")
_FAST_LIST = re.compile(
    rf"\[(?:(?:{_WORD}|{_SIMPLE_STRING})(?:, (?:{_WORD}|{_SIMPLE_STRING}))*)?\]"
)
_FAST_ITEMS = re.compile(rf"({_WORD})|\"([^\"\\\x00-\x1f\x7f]*)\"")
_FAST_DATE = re.compile(_DATE)
_FAST_INTEGER = re.compile(_INTEGER)
_FAST_FLOAT = re.compile(_FLOAT)
_FAST_SCALAR = rf'(?:{_SIMPLE_STRING}|[^,{{}}\[\]" ]+)'
_FAST_PAIR = re.compile(rf"([A-Za-z_][A-Za-z0-9_]*): ({_FAST_SCALAR})")
_FAST_OBJECT_SRC = rf"\{{(?:[A-Za-z_][A-Za-z0-9_]*: {_FAST_SCALAR}(?:, [A-Za-z_][A-Za-z0-9_]*: {_FAST_SCALAR})*)?\}}"
_FAST_OBJECT = re.compile(_FAST_OBJECT_SRC)
_FAST_OBJECT_LIST = re.compile(rf"\[(?:{_FAST_OBJECT_SRC}(?:, {_FAST_OBJECT_SRC})*)?\]")
_FAST_OBJECT_ITEMS = re.compile(_FAST_OBJECT_SRC)
#: The same with strings that have escapes (tried second: the wider pattern is slower).
_ESCAPED_SCALAR = rf'(?:"(?:[^"\\\x00-\x1f\x7f]|{_ESCAPE})*"|[^,{{}}\[\]" ]+)'
_ESCAPED_PAIR = re.compile(rf"([A-Za-z_][A-Za-z0-9_]*): ({_ESCAPED_SCALAR})")
_ESCAPED_OBJECT = re.compile(
    rf"\{{(?:[A-Za-z_][A-Za-z0-9_]*: {_ESCAPED_SCALAR}(?:, [A-Za-z_][A-Za-z0-9_]*: {_ESCAPED_SCALAR})*)?\}}"
)
#: The same for the block reader's patterns (a string's characters in runs: faster).
_INLINE_SCALAR = rf'(?:"[^"\\\x00-\x1f\x7f]*(?:{_ESCAPE}[^"\\\x00-\x1f\x7f]*)*"|[^,{{}}\[\]" ]+)'
_OFFSET = "0|[1-9][0-9]*"
_FIELD_START = re.compile(r"([A-Za-z_][A-Za-z0-9_]*): *")

#: Words that a bare string may not be (they mean something else).
_RESERVED: Final = frozenset({"none", "true", "false"})
_SIMPLE_ESCAPES: Final = {
    '"': '"',
    "\\": "\\",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
}
_UNESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_NEEDS_ESCAPE = re.compile('["\\\\\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]')
_WRITE_ESCAPES: Final = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
}
_SNIPPET = re.compile(r"[^ ,\]\}\r\n]{1,20}|.", re.DOTALL)
_MISS: Final = object()


def _fail(msg: str, src: str, pos: int) -> NoReturn:
    raise TextFormatError(msg, src, pos)


def _found(src: str, pos: int, end: int) -> str:
    """What stands at *pos*, for "expected X, found Y" messages."""
    if pos >= len(src):
        return "end of input"
    if pos >= end or src[pos] in "\r\n":
        return "end of line"
    match = _SNIPPET.match(src, pos, end)
    assert match is not None  # the pattern matches any one character
    return repr(match.group())


def check(src: str, pos: int, name: str, end: int) -> re.Match[str] | None:
    """The match of token *name* at *pos* (not beyond *end*), or ``None``."""
    return _RULES[name].match(src, pos, end)


def expect(src: str, pos: int, name: str, end: int, *, expected: str) -> re.Match[str]:
    """The match of token *name* at *pos*; a :class:`TextFormatError` saying *expected* if absent."""
    match = _RULES[name].match(src, pos, end)
    if match is None:
        _fail(f"expected {expected}, found {_found(src, pos, end)}", src, pos)
    return match


# -- strings -------------------------------------------------------------------


def _unescape_one(match: re.Match[str]) -> str:
    simple = match.group(3)
    if simple is not None:
        return _SIMPLE_ESCAPES[simple]
    return chr(int(match.group(1) or match.group(2), 16))


def _parse_string(src: str, pos: int, end: int) -> tuple[int, str]:
    """string = DQUOTE *( unescaped / escape ) DQUOTE
    escape = "\\" ( DQUOTE / "\\" / "b" / "f" / "n" / "r" / "t" / "u" 4HEXDIG / "U" 8HEXDIG )
    """
    match = _RULES["STRING"].match(src, pos, end)
    if match is None:
        _fail_string(src, pos, end)
    body = match.group(1)
    if "\\" in body:
        for big in re.finditer(r"\\U([0-9A-Fa-f]{8})", body):
            if int(big.group(1), 16) > 0x10FFFF:
                _fail(
                    f"escape \\U{big.group(1)} is beyond the last code point U+10FFFF",
                    src,
                    pos + 1 + big.start(),
                )
        body = _UNESCAPE.sub(_unescape_one, body)
    return match.end(), body


def _escaped_string(src: str, pos: int, end: int) -> Any:
    """The string with escapes from *pos* to *end*, as :func:`_parse_string` reads it,
    or :data:`_MISS` (also for ``\\U`` escapes, whose range that function checks)."""
    if not src.startswith('"', pos):
        return _MISS
    match = _RULES["STRING"].fullmatch(src, pos, end)
    if match is None:
        return _MISS
    body = match.group(1)
    if "\\U" in body:
        return _MISS
    return _UNESCAPE.sub(_unescape_one, body)


def _escaped_pairs(src: str, pos: int, end: int) -> Iterator[re.Match[str]]:
    """The ``key: value`` pairs between the braces of an object that
    :data:`_ESCAPED_OBJECT` matched: one after the other, ``", "`` between them."""
    while pos < end:
        match = _ESCAPED_PAIR.match(src, pos, end)
        if match is None:  # pragma: no cover - the object's pattern matched
            return
        yield match
        pos = match.end() + 2


def _fail_string(src: str, pos: int, end: int) -> NoReturn:
    if not src.startswith('"', pos):
        _fail(f"expected a string, found {_found(src, pos, end)}", src, pos)
    prefix = _RULES["STRING_PREFIX"].match(src, pos, end)
    assert prefix is not None  # matches at least the opening quote
    stop = prefix.end()
    if stop >= end:
        _fail("unterminated string: a string ends on the line it starts on", src, pos)
    char = src[stop]
    if char == "\\":
        _fail(f"invalid escape sequence {src[stop : stop + 2]!r}", src, stop)
    _fail(f"control character U+{ord(char):04X} in a string must be escaped", src, stop)


def _escape_one(match: re.Match[str]) -> str:
    char = match.group()
    return _WRITE_ESCAPES.get(char) or f"\\u{ord(char):04x}"


def _quote(value: str) -> str:
    if _NEEDS_ESCAPE.search(value) is None:
        return f'"{value}"'
    return '"' + _NEEDS_ESCAPE.sub(_escape_one, value) + '"'


#: The written form of strings seen before (codes, products, topics repeat from event
#: to event); bounded, so that writing many distinct strings cannot grow it.
_written: dict[str, str] = {}
_WRITTEN_LIMIT = 4096


def _word_or_quoted(value: str) -> str:
    text = _written.get(value)
    if text is not None:
        return text
    if _FAST_WORD.fullmatch(value) is not None and value not in _RESERVED:
        text = str.__str__(value)
    else:
        text = _quote(value)
    if len(_written) < _WRITTEN_LIMIT and len(value) <= 64:
        _written[str.__str__(value)] = text
    return text


# -- codecs: one per field type, each reads and writes one value ----------------


class _Codec:
    """Reads and writes the values of one type.

    ``read`` is the general parser of a value starting at *pos* (never beyond
    *end*, the end of the line); ``fast`` tries the whole rest of a line at
    once and gives :data:`_MISS` when it cannot (the caller then uses ``read``,
    which reports the error).
    """

    expected = "a value"

    def read(self, src: str, pos: int, end: int) -> tuple[int, Any]:
        raise NotImplementedError

    def fast(self, src: str, pos: int, end: int) -> Any:
        return _MISS

    def write(self, value: Any) -> str:
        raise NotImplementedError

    def _refuse(self, value: Any) -> NoReturn:
        raise TypeError(f"cannot write {type(value).__name__} {value!r} as {self.expected}")


class _StrCodec(_Codec):
    expected = "a string"

    def read(self, src: str, pos: int, end: int) -> tuple[int, Any]:
        """str = word / string"""
        if src.startswith('"', pos):
            return _parse_string(src, pos, end)
        match = expect(src, pos, "WORD", end, expected="a string")
        return match.end(), match.group()

    def fast(self, src: str, pos: int, end: int) -> Any:
        match = _FAST_STRING.fullmatch(src, pos, end)
        if match is None:
            return _escaped_string(src, pos, end)
        word, quoted = match.groups()
        return quoted if word is None else word

    def write(self, value: Any) -> str:
        if type(value) is str:
            return _written.get(value) or _word_or_quoted(value)
        if not isinstance(value, str):
            self._refuse(value)
        return _word_or_quoted(str.__str__(value))


class _BoolCodec(_Codec):
    expected = "true or false"

    def read(self, src: str, pos: int, end: int) -> tuple[int, Any]:
        """bool = "true" / "false" """
        match = expect(src, pos, "BOOL", end, expected=self.expected)
        return match.end(), match.group() == "true"

    def fast(self, src: str, pos: int, end: int) -> Any:
        return {"true": True, "false": False}.get(src[pos:end], _MISS)

    def write(self, value: Any) -> str:
        if type(value) is not bool:
            self._refuse(value)
        return "true" if value else "false"


class _IntCodec(_Codec):
    expected = "an integer"

    def read(self, src: str, pos: int, end: int) -> tuple[int, Any]:
        """int = [ "-" ] ( "0" / %x31-39 *DIGIT )"""
        match = expect(src, pos, "INTEGER", end, expected=self.expected)
        try:
            return match.end(), int(match.group())
        except ValueError:  # beyond sys.get_int_max_str_digits()
            _fail("integer too long", src, pos)

    def fast(self, src: str, pos: int, end: int) -> Any:
        if end - pos > 4000 or _FAST_INTEGER.fullmatch(src, pos, end) is None:
            return _MISS
        return int(src[pos:end])

    def write(self, value: Any) -> str:
        if not isinstance(value, int) or isinstance(value, bool):
            self._refuse(value)
        return str(int(value))


class _FloatCodec(_Codec):
    expected = "a number"

    def read(self, src: str, pos: int, end: int) -> tuple[int, Any]:
        """float = [ "-" ] ( "inf" / "nan" / int-part [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "+" / "-" ] 1*DIGIT ] )"""
        match = expect(src, pos, "FLOAT", end, expected=self.expected)
        return match.end(), float(match.group())

    def fast(self, src: str, pos: int, end: int) -> Any:
        if _FAST_FLOAT.fullmatch(src, pos, end) is None:
            return _MISS
        return float(src[pos:end])

    def write(self, value: Any) -> str:
        if not isinstance(value, float):
            self._refuse(value)
        return repr(float(value))


@functools.lru_cache(maxsize=4096)
def _date(text: str) -> EventDate:
    return EventDate.parse(text)


class _DateCodec(_Codec):
    expected = "a date such as 2021-11-17, 2021-11, 2022-Q1, 2022-H1 or 2019"

    def read(self, src: str, pos: int, end: int) -> tuple[int, Any]:
        """date = 4DIGIT [ "-" ( 2DIGIT [ "-" 2DIGIT ] / "Q" DIGIT / "H" DIGIT ) ]"""
        match = expect(src, pos, "DATE", end, expected=self.expected)
        try:
            return match.end(), _date(match.group())
        except ValueError as exc:
            _fail(str(exc), src, pos)

    def fast(self, src: str, pos: int, end: int) -> Any:
        if _FAST_DATE.fullmatch(src, pos, end) is None:
            return _MISS
        try:
            return _date(src[pos:end])
        except ValueError:
            return _MISS

    def write(self, value: Any) -> str:
        if not isinstance(value, EventDate):
            self._refuse(value)
        return str(value)


class _EnumCodec(_Codec):
    def __init__(self, cls: type[enum.Enum]) -> None:
        self.cls = cls
        self.members: dict[Any, enum.Enum] = {}
        for member in cls:
            if type(member.value) not in (str, int):
                raise TypeError(
                    f"enumeration {cls.__qualname__} has values that are neither str nor int"
                )
            self.members[member.value] = member
        # The fast path takes only what the grammar allows bare: words.
        self.words = {
            v: m for v, m in self.members.items() if isinstance(v, str) and _FAST_WORD.fullmatch(v)
        }
        choices = ", ".join(str(v) for v in self.members)
        self.expected = f"one of {choices}"

    def read(self, src: str, pos: int, end: int) -> tuple[int, Any]:
        """enum-value = word / string / int"""
        value: str | int
        if src.startswith('"', pos):
            new_pos, value = _parse_string(src, pos, end)
        else:
            match = check(src, pos, "WORD", end) or check(src, pos, "INTEGER", end)
            if match is None:
                _fail(f"expected {self.expected}, found {_found(src, pos, end)}", src, pos)
            new_pos = match.end()
            value = int(match.group()) if match.re is _RULES["INTEGER"] else match.group()
        member = self.members.get(value)
        if member is None or type(member.value) is not type(value):
            _fail(f"unknown {self.cls.__name__} {value!r}: expected {self.expected}", src, pos)
        return new_pos, member

    def fast(self, src: str, pos: int, end: int) -> Any:
        return self.words.get(src[pos:end], _MISS)

    def write(self, value: Any) -> str:
        if type(value) is self.cls:
            return self.texts[value]
        if not isinstance(value, self.cls):
            self._refuse(value)
        raw = value.value
        return str(raw) if type(raw) is int else _word_or_quoted(raw)

    @functools.cached_property
    def texts(self) -> dict[enum.Enum, str]:
        """The written form of each member."""
        return {
            m: str(m.value) if type(m.value) is int else _word_or_quoted(m.value) for m in self.cls
        }


class _OptionalCodec(_Codec):
    def __init__(self, inner: _Codec) -> None:
        self.inner = inner
        self.expected = f"{inner.expected} or none"

    def read(self, src: str, pos: int, end: int) -> tuple[int, Any]:
        """optional = "none" / value"""
        match = check(src, pos, "NONE", end)
        if match is not None:
            return match.end(), None
        try:
            return self.inner.read(src, pos, end)
        except TextFormatError as exc:
            if exc.pos == pos and exc.msg.startswith("expected "):
                _fail(f"expected {self.expected}, found {_found(src, pos, end)}", src, pos)
            raise

    def fast(self, src: str, pos: int, end: int) -> Any:
        if end - pos == 4 and src.startswith("none", pos):
            return None
        return self.inner.fast(src, pos, end)

    def write(self, value: Any) -> str:
        return "none" if value is None else self.inner.write(value)


class _TupleCodec(_Codec):
    def __init__(self, inner: _Codec) -> None:
        self.inner = inner
        self.expected = "a list such as [a, b]"
        # Lists of bare words and simple strings have a fast path.
        self.simple = isinstance(inner, (_StrCodec, _EnumCodec))
        #: The texts of lists of strings written before (parties, products recur); bounded.
        self.strings = isinstance(inner, _StrCodec)
        self.written: dict[tuple[Any, ...], str] = {}

    def read(self, src: str, pos: int, end: int) -> tuple[int, Any]:
        """list = "[" *SP [ value *( *SP "," *SP value ) ] *SP "]" """
        pos, items, _ = self.read_items(src, pos, end)
        return pos, tuple(items)

    def read_items(self, src: str, pos: int, end: int) -> tuple[int, list[Any], list[int]]:
        """The end of the list at *pos*, its items and where each starts."""
        pos = expect(src, pos, "LBRACKET", end, expected=self.expected).end()
        items: list[Any] = []
        starts: list[int] = []
        match = check(src, pos, "RBRACKET", end)
        if match is not None:
            return match.end(), items, starts
        while True:
            starts.append(pos)
            pos, item = self.inner.read(src, pos, end)
            items.append(item)
            match = check(src, pos, "COMMA", end)
            if match is not None:
                pos = match.end()
                continue
            match = expect(src, pos, "RBRACKET", end, expected="',' or ']'")
            return match.end(), items, starts

    def fast(self, src: str, pos: int, end: int) -> Any:
        memo = self.read_before
        if memo is None:
            return self._fast(src, pos, end)
        text = src[pos:end]
        value = memo.get(text)
        if value is None:
            value = self._fast(src, pos, end)
            if value is not _MISS and len(memo) < _WRITTEN_LIMIT and len(text) <= 256:
                memo[text] = value
        return value

    @functools.cached_property
    def read_before(self) -> dict[str, tuple[Any, ...]] | None:
        """The values of lists read before, by their text (the same parties, products and
        officials recur): the same text gives the same tuple, which is immutable when its
        items are strings, enumeration members or frozen attrs instances. Bounded."""
        inner = self.inner
        if isinstance(inner, (_StrCodec, _EnumCodec)):
            return {}
        if isinstance(inner, _ObjectCodec) and _is_frozen(inner.cls):
            return {}
        return None

    def _fast(self, src: str, pos: int, end: int) -> Any:
        if isinstance(self.inner, _ObjectCodec):
            if _FAST_OBJECT_LIST.fullmatch(src, pos, end) is None:
                return _MISS
            inner_fast = self.inner.fast
            items = []
            for match in _FAST_OBJECT_ITEMS.finditer(src, pos + 1, end - 1):
                item = inner_fast(src, match.start(), match.end())
                if item is _MISS:
                    return _MISS
                items.append(item)
            return tuple(items)
        if not self.simple or _FAST_LIST.fullmatch(src, pos, end) is None:
            return _MISS
        if isinstance(self.inner, _StrCodec):
            return tuple(w or q for w, q in _FAST_ITEMS.findall(src, pos + 1, end - 1))
        members = self.inner.members if isinstance(self.inner, _EnumCodec) else {}
        try:
            return tuple(members[w or q] for w, q in _FAST_ITEMS.findall(src, pos + 1, end - 1))
        except KeyError:
            return _MISS

    def write(self, value: Any) -> str:
        if not isinstance(value, tuple):
            self._refuse(value)
        if self.strings:
            text = self.written.get(value)
            if text is not None:
                try:
                    "".join(value)  # every item a str (equal objects of other types are refused)
                except TypeError:
                    text = None
            if text is None:
                write = self.inner.write
                text = "[" + ", ".join([write(item) for item in value]) + "]"
                if len(self.written) < _WRITTEN_LIMIT:
                    self.written[value] = text
            return text
        write = self.inner.write
        return "[" + ", ".join([write(item) for item in value]) + "]"


@attrs.frozen
class _Field:
    key: str  # the name in the text (the attrs alias: the __init__ argument)
    name: str  # the attribute name
    codec: _Codec
    default: Any  # _MISS when required or computed from the instance


class _ObjectPlan:
    """How to read and write the fields of one attrs class."""

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.fields: dict[str, _Field] = {}
        try:
            hints = typing.get_type_hints(cls)
        except (NameError, TypeError, AttributeError, SyntaxError) as exc:
            raise TypeError(
                f"cannot resolve the field types of {cls.__qualname__}: {exc}"
            ) from None
        for attribute in attrs.fields(cls):
            if not attribute.init:
                continue
            key = attribute.alias or attribute.name
            try:
                codec = _codec_for(hints.get(attribute.name, attribute.type))
            except TypeError as exc:
                raise TypeError(f"field {key!r} of {cls.__qualname__}: {exc}") from None
            default = attribute.default
            if default is attrs.NOTHING:
                default = _MISS
            elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = _MISS if default.takes_self else default.factory()
            self.fields[key] = _Field(key, attribute.name, codec, default)
        self.hints = hints
        self.required = [
            attribute.alias or attribute.name
            for attribute in attrs.fields(cls)
            if attribute.init and attribute.default is attrs.NOTHING
        ]

    def _block(self, *, inline: bool) -> _Block | None:
        try:
            return _Block(self, inline=inline)
        except (TypeError, ValueError, LookupError):
            return None  # a class the block reader cannot read: the line reader does

    @functools.cached_property
    def block(self) -> _Block | None:
        """How the block reader reads this class's field lines; ``None`` if it cannot."""
        return self._block(inline=False)

    @functools.cached_property
    def inline(self) -> _Block | None:
        """How the block reader reads this class inline (``{key: value, ...}``), or ``None``."""
        return self._block(inline=True)

    @functools.cached_property
    def _writing(self) -> list[tuple[str, str, Callable[[Any], str], Any]]:
        return [
            (field.name, f"{field.key}: ", field.codec.write, field.default)
            for field in self.fields.values()
        ]

    def lines(self, obj: Any) -> list[str]:
        """``key: value text`` for every field that differs from its default, in field order."""
        out = []
        for name, key, write, default in self._writing:
            value = getattr(obj, name)
            if default is not _MISS and type(value) is type(default) and value == default:
                continue
            out.append(key + write(value))
        return out

    def build(
        self, src: str, anchor: int, values: dict[str, Any], places: dict[str, int], what: str
    ) -> Any:
        """An instance from the field *values* read, or an error at the field that is wrong."""
        try:
            return self.cls(**values)
        except (ValueError, TypeError, LookupError) as exc:
            error = exc
        for key in self.required:
            if key not in values:
                _fail(f"missing required field {key!r} in {what}", src, anchor)
        self._blame(src, values, places)
        _fail(f"{what} is invalid: {_message(error)}", src, anchor)

    def _blame(self, src: str, values: dict[str, Any], places: dict[str, int]) -> None:
        """Run each field's converter and validator on its own, to point at the first bad value."""
        shell: Any = object.__new__(self.cls)
        for attribute in attrs.fields(self.cls):
            key = attribute.alias or attribute.name
            if key in values:
                value = values[key]
            elif key in self.fields and self.fields[key].default is not _MISS:
                value = self.fields[key].default
            else:
                continue
            try:
                if key in values:
                    value = _convert_and_validate(shell, attribute, value)
            except (ValueError, TypeError, LookupError) as exc:
                pos = places[key]
                codec = self.fields[key].codec
                if isinstance(codec, _TupleCodec):
                    pos = _blame_item(src, pos, codec, shell, attribute)
                _fail(f"invalid value for {key!r}: {_message(exc, key)}", src, pos)
            except AttributeError:  # a validator reading a field that is not set on the shell
                pass
            object.__setattr__(shell, attribute.name, value)


def _convert_and_validate(shell: Any, attribute: attrs.Attribute[Any], value: Any) -> Any:
    converter = attribute.converter
    if isinstance(converter, attrs.Converter):
        # attrs' stubs do not declare these attributes of Converter.
        args = [value]
        if getattr(converter, "takes_self", False):
            args.append(shell)
        if getattr(converter, "takes_field", False):
            args.append(attribute)
        value = getattr(converter, "converter")(*args)  # noqa: B009
    elif converter is not None:
        value = converter(value)
    if attribute.validator is not None:
        attribute.validator(shell, attribute, value)
    return value


def _blame_item(
    src: str, pos: int, codec: _TupleCodec, shell: Any, attribute: attrs.Attribute[Any]
) -> int:
    """Where the first item of the list at *pos* that fails validation on its own starts."""
    _, items, starts = codec.read_items(src, pos, _line_end(src, pos))
    for item, start in zip(items, starts, strict=True):
        try:
            _convert_and_validate(shell, attribute, (item,))
        except (ValueError, TypeError, LookupError, AttributeError):
            return start
    return pos


def _message(exc: BaseException, key: str | None = None) -> str:
    text = str(exc) or type(exc).__name__
    if key is not None and text.startswith(f"{key}: "):
        text = text[len(key) + 2 :]
    return text.splitlines()[0] if text else text


def _is_frozen(cls: type) -> bool:
    """Whether *cls* is a frozen attrs class (they all share attrs' refusing ``__setattr__``)."""
    return attrs.has(cls) and getattr(cls, "__setattr__", None) is _FROZEN_SETATTR


_FROZEN_SETATTR = Evidence.__setattr__


class _ObjectCodec(_Codec):
    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.expected = f"an inline {cls.__name__} such as {{key: value}}"
        self._plan: _ObjectPlan | None = None

    @property
    def plan(self) -> _ObjectPlan:
        if self._plan is None:
            self._plan = _plan_for(self.cls)
        return self._plan

    def read(self, src: str, pos: int, end: int) -> tuple[int, Any]:
        """object = "{" *SP [ pair *( *SP "," *SP pair ) ] *SP "}"
        pair = key ":" *SP value
        """
        anchor = pos
        pos = expect(src, pos, "LBRACE", end, expected=self.expected).end()
        plan = self.plan
        values: dict[str, Any] = {}
        places: dict[str, int] = {}
        match = check(src, pos, "RBRACE", end)
        while match is None:
            key_match = expect(src, pos, "KEY", end, expected=f"a field of {self.cls.__name__}")
            key = key_match.group()
            field = plan.fields.get(key)
            if field is None:
                _fail(f"unknown field {key!r} for {self.cls.__name__}", src, pos)
            if key in values:
                _fail(f"duplicate field {key!r}", src, pos)
            pos = expect(
                src, key_match.end(), "COLON", end, expected="':' after the field name"
            ).end()
            places[key] = pos
            pos, values[key] = field.codec.read(src, pos, end)
            comma = check(src, pos, "COMMA", end)
            if comma is not None:
                pos = comma.end()
                continue
            match = expect(src, pos, "RBRACE", end, expected="',' or '}'")
        return match.end(), plan.build(src, anchor, values, places, f"this {self.cls.__name__}")

    def fast(self, src: str, pos: int, end: int) -> Any:
        inline = self.plan.inline
        if inline is not None:
            match = inline.pattern.fullmatch(src, pos, end)
            if match is not None:
                try:
                    return inline.build(match.groups())
                except _REFUSALS:
                    pass  # the reading below, through the public constructor, decides
        if _FAST_OBJECT.fullmatch(src, pos, end) is not None:
            pairs: Iterable[re.Match[str]] = _FAST_PAIR.finditer(src, pos + 1, end - 1)
        elif _ESCAPED_OBJECT.fullmatch(src, pos, end) is not None:
            pairs = _escaped_pairs(src, pos + 1, end - 1)
        else:
            return _MISS
        fields = self.plan.fields
        values: dict[str, Any] = {}
        for match in pairs:
            key = match.group(1)
            field = fields.get(key)
            if field is None or key in values:
                return _MISS
            value = field.codec.fast(src, match.start(2), match.end(2))
            if value is _MISS:
                return _MISS
            values[key] = value
        try:
            return self.cls(**values)
        except (ValueError, TypeError, LookupError):
            return _MISS  # the general reader reports the error at its place

    def write(self, value: Any) -> str:
        if not isinstance(value, self.cls):
            self._refuse(value)
        return "{" + ", ".join(self.plan.lines(value)) + "}"


# -- the block reader: checked values, remembered, and trusted construction -----
#
# A document in the layout dumps writes is read an event at a time: one regular
# expression per class takes the event's field lines in field order (each line
# optional), and one reader per field turns the text of each value into the value
# the attrs __init__ would store: the codec's reading, then the field's converter
# and validator, run once (tradeevents.model._FIELD_KINDS names the fields whose
# checks need nothing but the value). Values whose text was read before come from
# a bounded table (most fields recur from event to event: status, parties, dates,
# products, officials, rates), a dict subclass whose lookups stay in C. The event
# is then built through the model's trusted constructor, as the JSON reader does
# (tradeevents.formats._fast). Anything else (another layout, a class with fields
# of its own, any refusal) goes back to the line reader and the general parser.


class _Refused(Exception):
    """The block reader does not take this value; the general parser decides."""


#: What the block reader catches: a refusal of its own, or of a codec, converter or validator.
_REFUSALS: Final = (_Refused, TextFormatError, ValueError, TypeError, LookupError)


def _call_one(fn: Callable[[Any], Any], value: Any) -> Any:
    return fn(value)


#: ``fn(value)`` as a C function for ``map`` (``operator.call`` is Python 3.11+).
_call: Callable[[Callable[[Any], Any], Any], Any] = getattr(operator, "call", _call_one)


class _Remembered(dict[Any, Any]):
    """Values by the text they were read from: a miss reads the text (``compute``)
    and remembers the value, up to :data:`_WRITTEN_LIMIT` texts of at most 256
    characters. ``None`` (the field is absent) is the key of the field's default."""

    __slots__ = ("compute",)

    def __init__(self, compute: Callable[[str | None], Any]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, text: str | None) -> Any:
        value = self.compute(text)
        if text is not None and len(self) < _WRITTEN_LIMIT and len(text) <= 256:
            self[text] = value
        return value


#: The tables of values read before, shared by the fields that read and check alike.
_remembered: dict[tuple[Any, Any, Any], _Remembered] = {}
#: What an absent required field reads as: refused.
_REQUIRED: Final = object()


def _value_reader(
    codec: _Codec, hint: Any, attribute: attrs.Attribute[Any], kind: str, default: Any
) -> Callable[[str | None], Any]:
    """The reader of one field's value text (``None`` when the line is absent): the
    value as the public constructor would store it, or an exception."""
    validator = _check_offset if kind == "end" else attribute.validator  # end >= start: build
    converter = _plain_converter(attribute)

    def compute(text: str | None) -> Any:
        if text is None:
            raise _Refused  # a required field: the parser names it
        end = len(text)
        value = codec.fast(text, 0, end)
        if value is _MISS:
            if text.startswith(" "):
                raise _Refused  # the parser's ": *" takes more spaces than one
            after, value = codec.read(text, 0, end)
            _after_value(text, after, end)
        if converter is not None:
            value = converter(value)
        if validator is not None:
            validator(None, attribute, value)
        return value

    inner = codec.inner if isinstance(codec, _OptionalCodec) else codec
    inline = inner.plan.inline if isinstance(inner, _ObjectCodec) else None
    if inline is not None:  # objects seldom recur (evidence spans): read each time
        fullmatch = inline.pattern.fullmatch
        build = inline.build

        def read_object(text: str | None) -> Any:
            if text is None:
                if default is _REQUIRED:
                    raise _Refused
                return default
            match = fullmatch(text)
            if match is None:
                return compute(text)
            value = build(match.groups())
            if validator is not None:
                validator(None, attribute, value)
            return value

        return read_object
    if not _shareable(codec):  # values that events must not share: read each time

        def read_each(text: str | None) -> Any:
            if text is None and default is not _REQUIRED:
                return default
            return compute(text)

        return read_each
    key = None if hint is None else (hint, validator, converter)
    try:
        table = None if key is None else _remembered.get(key)
    except TypeError:  # an unhashable annotation: a table of its own
        key = None
        table = None
    if table is None:
        table = _Remembered(compute)
        if key is not None:
            _remembered[key] = table
    if default is not _REQUIRED and None not in table:
        dict.__setitem__(table, None, default)
    return table.__getitem__


class _Block:
    """How the block reader reads one attrs class: the pattern of its field lines
    (or inline pairs), a reader per field, and the trusted constructor."""

    def __init__(self, plan: _ObjectPlan, *, inline: bool) -> None:
        cls = plan.cls
        if not _is_trusted_buildable(cls):
            raise TypeError(f"{cls.__qualname__} is not built by the block reader")
        attributes = attrs.fields(cls)
        readers: list[Callable[[Any], Any]] = []
        pieces: list[str] = []
        self.span: tuple[int, int] | None = None
        for index, (field, attribute) in enumerate(
            zip(plan.fields.values(), attributes, strict=True)
        ):
            kind = _field_kind(attribute)
            if kind is None:
                raise TypeError(f"field {field.key!r} has checks of its own")
            if kind == "end":
                if index == 0 or attributes[index - 1].name != "start":
                    raise TypeError(f"field {field.key!r} has checks of its own")
                self.span = (index - 1, index)
            default = _REQUIRED if field.default is _MISS else field.default
            if isinstance(attribute.default, attrs.Factory) and not (  # type: ignore[arg-type]
                default == () and type(default) is tuple
            ):
                raise TypeError(f"field {field.key!r}: a factory's values would be shared")
            if default is not _REQUIRED:
                # the default as the constructor stores it (converted, checked)
                converter = _plain_converter(attribute)
                converted = default if converter is None else converter(default)
                if attribute.validator is not None and kind != "end":
                    attribute.validator(None, attribute, converted)
                if type(converted) is not type(default) or converted != default:
                    raise TypeError(f"field {field.key!r}: a default the converter changes")
            value = _INLINE_SCALAR if inline else r"[^\n]*"
            if kind in ("offset", "end") and type(field.codec) is _IntCodec:
                # offsets seldom recur (evidence spans): the pattern takes the grammar's
                # integers >= 0 (what _check_offset accepts), which int() reads alike
                value = _OFFSET
                readers.append(int)
            else:
                readers.append(
                    _value_reader(
                        field.codec, plan.hints.get(attribute.name), attribute, kind, default
                    )
                )
            key = re.escape(field.key)
            if inline:
                if not _is_scalar(field.codec):
                    raise TypeError(f"field {field.key!r} holds no scalar")
                pieces.append(rf"(?:(?:(?<=\{{)|(?<!\{{), ){key}: ({value}))?")
            else:
                pieces.append(rf"(?:{key}: ({value})\n)?")
        self.pattern = re.compile("\\{" + "".join(pieces) + "\\}" if inline else "".join(pieces))
        self.build = _builder(readers, _trusted_new(cls), self.span)


def _builder(
    readers: list[Callable[[Any], Any]],
    new: Callable[[list[Any]], Any],
    span: tuple[int, int] | None,
) -> Callable[[Iterable[str | None]], Any]:
    """The function building an instance from the texts of its values (``None`` for
    an absent field), through the trusted constructor *new*."""
    call = _call
    if span is None:

        def build(texts: Iterable[str | None]) -> Any:
            return new(list(map(call, readers, texts)))

        return build
    start, end = span

    def build_span(texts: Iterable[str | None]) -> Any:
        values = list(map(call, readers, texts))
        if values[end] < values[start]:
            raise _Refused  # _check_end's own check
        return new(values)

    return build_span


def _plain_converter(attribute: attrs.Attribute[Any]) -> Callable[[Any], Any] | None:
    """The converter of *attribute*, a plain function of the value (those of the model's
    known fields are); :class:`TypeError` for an ``attrs.Converter``."""
    converter = attribute.converter
    if isinstance(converter, attrs.Converter):
        raise TypeError(f"field {attribute.name!r} has a converter of its own")
    return converter


def _shareable(codec: _Codec) -> bool:
    """Whether the values of *codec* may be shared by events (remembered by their text):
    strings, numbers, dates, members, and tuples of them or of frozen attrs instances
    (the criterion of :attr:`_TupleCodec.read_before`). Single objects are not
    remembered (they seldom recur)."""
    if isinstance(codec, _OptionalCodec):
        return _shareable(codec.inner)
    if isinstance(codec, _TupleCodec):
        inner = codec.inner
        return not isinstance(inner, _ObjectCodec) or _is_frozen(inner.cls)
    return not isinstance(codec, _ObjectCodec)


def _is_scalar(codec: _Codec) -> bool:
    if isinstance(codec, _OptionalCodec):
        codec = codec.inner
    return not isinstance(codec, (_TupleCodec, _ObjectCodec))


def _header_class(header: str, known: Mapping[str, type[Event]]) -> type[Event] | None:
    """The event class a block header (``[tariff]``) names, or ``None`` for a line that
    is no header or names no known type (the fast readers then leave the document to
    the parser, which says what is wrong)."""
    match = _RULES["HEADER"].fullmatch(header)
    return None if match is None else known.get(match.group("tag"))


def _read_blocks(src: str, known: Mapping[str, type[Event]]) -> list[Event] | None:
    """The events of *src* when it is laid out exactly as :func:`dumps` writes it (the
    magic line, then for each event a blank line, its header and its field lines in
    field order, each ending in LF), of classes the block reader builds; ``None`` for
    anything else and at the first doubt (the line reader and the parser decide)."""
    if not src.startswith(MAGIC + "\n") or "\r" in src:
        return None
    blocks: dict[str, _Block] = {}
    events: list[Event] = []
    append = events.append
    find = src.find
    startswith = src.startswith
    pos = len(MAGIC) + 1
    length = len(src)
    try:
        while pos < length:
            if not startswith("\n[", pos):
                return None
            pos += 1
            end = find("\n", pos)
            if end == -1:
                return None
            header = src[pos:end]
            block = blocks.get(header)
            if block is None:
                cls = _header_class(header, known)
                if cls is None:
                    return None
                found = _plan_for(cls).block
                if found is None:
                    return None
                block = blocks[header] = found
            lines = block.pattern.match(src, end + 1)
            assert lines is not None  # every line of the pattern is optional
            append(block.build(lines.groups()))
            pos = lines.end()
    except _REFUSALS:
        return None
    return events


_SCALARS: Final[dict[Any, Callable[[], _Codec]]] = {
    str: _StrCodec,
    bool: _BoolCodec,
    int: _IntCodec,
    float: _FloatCodec,
    EventDate: _DateCodec,
}


def _codec_for(tp: Any) -> _Codec:
    """The codec for the annotation *tp*; :class:`TypeError` for types the format cannot hold."""
    if isinstance(tp, type):
        if issubclass(tp, enum.Enum):
            return _EnumCodec(tp)
        scalar = _SCALARS.get(tp)
        if scalar is not None:
            return scalar()
        if attrs.has(tp):
            return _ObjectCodec(tp)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Union or origin is types.UnionType:
        others = [arg for arg in args if arg is not type(None)]
        if len(others) == 1 and len(args) == 2:
            return _OptionalCodec(_codec_for(others[0]))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _TupleCodec(_codec_for(args[0]))
    raise TypeError(f"the text format cannot hold values of type {tp!r}")


_plans: dict[type, _ObjectPlan] = {}


def _plan_for(cls: type) -> _ObjectPlan:
    plan = _plans.get(cls)
    if plan is None:
        plan = _plans[cls] = _ObjectPlan(cls)
    return plan


# -- reading -------------------------------------------------------------------


def _parse_magic(src: str) -> int:
    """magic = "# tradeevents text" SP version newline"""
    end = _line_end(src, 0)
    match = check(src, 0, "MAGIC", end)
    if match is None or match.end() != end:
        _fail(f"expected {MAGIC!r} on the first line", src, 0)
    version = int(match.group("version"))
    if version != FORMAT_VERSION:
        _fail(
            f"unsupported format version {version} (this library reads version {FORMAT_VERSION})",
            src,
            match.start("version"),
        )
    return _next_line(src, end)


def _line_end(src: str, pos: int) -> int:
    """The end of the line at *pos*, before its ``\\n`` or ``\\r\\n``."""
    end = src.find("\n", pos)
    if end == -1:
        return len(src)
    if end > pos and src[end - 1] == "\r":
        return end - 1
    return end


def _next_line(src: str, end: int) -> int:
    if end < len(src) and src[end] == "\r":
        end += 1
    return end + 1


def _after_value(src: str, pos: int, end: int) -> None:
    if pos == end:
        return
    spaces = check(src, pos, "SPACES", end)
    if spaces is not None and spaces.end() == end:
        _fail("trailing whitespace", src, pos)
    if src[pos] == "\r":
        _fail("carriage return without line feed", src, pos)
    _fail(f"expected end of line, found {_found(src, pos, end)}", src, pos)


def _parse_document(src: str, known: Mapping[str, type[Event]]) -> list[Event]:
    """document = magic *( blank / comment / event )
    event = header newline *( blank / comment / field-line )
    blank = newline
    comment = "#" *non-control newline
    header = "[" type-tag "]"
    field-line = key ":" *SP value newline
    newline = LF / CR LF / end of input
    """
    pos = _parse_magic(src)
    events: list[Event] = []
    length = len(src)
    plan: _ObjectPlan | None = None
    anchor = 0
    what = ""
    values: dict[str, Any] = {}
    places: dict[str, int] = {}
    field_start = _FIELD_START.match
    while pos < length:
        end = _line_end(src, pos)
        char = src[pos]
        if pos == end:
            pass
        elif char == "#":
            _parse_comment(src, pos, end)
        elif char == "[":
            if plan is not None:
                events.append(plan.build(src, anchor, values, places, what))
            plan, what = _parse_header(src, pos, end, known)
            anchor = pos
            values = {}
            places = {}
        else:
            match = field_start(src, pos, end)
            if match is None or plan is None:
                _fail_field_line(src, pos, end, plan)
            key = match.group(1)
            field = plan.fields.get(key)
            if field is None:
                _fail(f"unknown field {key!r} in {what}", src, pos)
            if key in values:
                _fail(f"duplicate field {key!r} in {what}", src, pos)
            value_pos = match.end()
            value = field.codec.fast(src, value_pos, end)
            if value is _MISS:
                after, value = field.codec.read(src, value_pos, end)
                _after_value(src, after, end)
            values[key] = value
            places[key] = value_pos
        pos = _next_line(src, end)
    if plan is not None:
        events.append(plan.build(src, anchor, values, places, what))
    return events


def _read_plain_document(src: str, known: Mapping[str, type[Event]]) -> list[Event] | None:
    """The events of *src* when it keeps to the plain layout that :func:`dumps` writes
    (LF line ends, the magic line as written, ``key: value`` with one space), read
    line by line from ``str.split``; ``None`` for anything else, and at the first
    doubt (an unknown field, a value refused, an event the model refuses).

    Every value goes through the same codecs as in :func:`_parse_document`, so the
    events are the same; on ``None`` that parser reads the document again and
    reports any error with its line and column.
    """
    if "\r" in src:
        return None  # CR LF line ends: the general parser
    lines = src.split("\n")
    if lines[0] != MAGIC:
        return None
    events: list[Event] = []
    append = events.append
    headers: dict[str, _ObjectPlan] = {}
    comment = _RULES["COMMENT"].fullmatch
    plan: _ObjectPlan | None = None
    fields: dict[str, _Field] = {}
    values: dict[str, Any] = {}
    try:
        for line in itertools.islice(lines, 1, None):
            if not line:
                continue
            char = line[0]
            if char == "[":
                if plan is not None:
                    append(plan.cls(**values))
                plan = headers.get(line)
                if plan is None:
                    cls = _header_class(line, known)
                    if cls is None:
                        return None
                    plan = headers[line] = _plan_for(cls)
                fields = plan.fields
                values = {}
            elif char == "#":
                if comment(line) is None:
                    return None
            else:
                key, colon, _ = line.partition(": ")
                field = fields.get(key)
                if field is None or not colon or key in values:
                    return None
                start = len(key) + 2
                end = len(line)
                value = field.codec.fast(line, start, end)
                if value is _MISS:
                    if line.startswith(" ", start):
                        return None
                    after, value = field.codec.read(line, start, end)
                    _after_value(line, after, end)
                values[key] = value
        if plan is not None:
            append(plan.cls(**values))
    except (TextFormatError, ValueError, TypeError, LookupError):
        return None  # the general parser says what and where
    return events


def _parse_comment(src: str, pos: int, end: int) -> None:
    """comment = "#" *( %x09 / %x20-7E / %x80-10FFFF )"""
    match = check(src, pos, "COMMENT", end)
    assert match is not None  # the line starts with "#"
    if match.end() != end:
        char = src[match.end()]
        if char == "\r":
            _fail("carriage return without line feed", src, match.end())
        _fail(f"control character U+{ord(char):04X} in a comment", src, match.end())


def _parse_header(
    src: str, pos: int, end: int, known: Mapping[str, type[Event]]
) -> tuple[_ObjectPlan, str]:
    """header = "[" type-tag "]"
    type-tag = ALPHA-lower *( lower / DIGIT ) *( "-" 1*( lower / DIGIT ) )
    """
    match = expect(src, pos, "HEADER", end, expected="an event header such as [agreement]")
    _after_value(src, match.end(), end)
    tag = match.group("tag")
    cls = known.get(tag)
    if cls is None:
        _fail(f"unknown event type {tag!r}", src, pos + 1)
    try:
        plan = _plan_for(cls)
    except TypeError as exc:
        _fail(f"event type {tag!r} cannot be read from text: {exc}", src, pos + 1)
    return plan, f"this {tag} event"


def _fail_field_line(src: str, pos: int, end: int, plan: _ObjectPlan | None) -> NoReturn:
    char = src[pos]
    if char in " \t":
        _fail("unexpected whitespace at the start of a line", src, pos)
    if char == "\r":
        _fail("carriage return without line feed", src, pos)
    if plan is None:
        _fail(
            f"expected an event header such as [agreement], found {_found(src, pos, end)}", src, pos
        )
    key = expect(src, pos, "KEY", end, expected="a field name or an event header")
    expect(src, key.end(), "COLON", end, expected="':' after the field name")
    raise AssertionError("unreachable: the field line matched")  # pragma: no cover


def _known_types(event_types: Mapping[str, type[Event]] | None) -> Mapping[str, type[Event]]:
    return registry.event_types() if event_types is None else event_types


def loads(
    s: str,
    /,
    *,
    event_types: Mapping[str, type[Event]] | None = None,
    max_bytes: int | None = None,
) -> list[Event]:
    """The events of the text-format document *s*.

    *event_types* maps type tags to event classes; by default the types
    registered in :mod:`tradeevents.registry` at the time of the call. A
    document larger than *max_bytes* bytes of UTF-8 is refused (``None``: no limit).

    :raises TextFormatError: for malformed input of any kind, naming the line
        and column (also for values the model rejects, such as an unknown
        jurisdiction code or the date ``2021-02-30``).
    :raises TypeError: if *s* is not a :class:`str`.
    """
    if not isinstance(s, str):
        raise TypeError(f"loads() needs a str, not {type(s).__name__}; use load() for files")
    _limits.check_limit(max_bytes)
    if _limits.exceeds(s, max_bytes):
        raise TextFormatError(_limits.message(max_bytes), s, 0)
    known = _known_types(event_types)
    with paused():  # many small surviving objects: no collections half-way
        events = _read_blocks(s, known)
        if events is None:
            events = _read_plain_document(s, known)
        if events is None:
            events = _parse_document(s, known)
        _settle()
        return events


def _settle() -> None:
    """Move every object the collector tracks to its oldest generation, as the JSON
    loaders do (see ``tradeevents.formats._backend.settle``): the first collection
    after the load then does not traverse every object the load built."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def load(
    fp: IO[str] | IO[bytes],
    /,
    *,
    event_types: Mapping[str, type[Event]] | None = None,
    max_bytes: int | None = None,
) -> list[Event]:
    """The events of the text-format document read from *fp*, a text or binary file.

    Bytes are decoded as UTF-8; invalid UTF-8 is reported as a
    :class:`TextFormatError` at the first bad byte. The file is read no further
    than *max_bytes*.
    """
    _limits.check_limit(max_bytes)
    data = _limits.read(fp, max_bytes)
    if isinstance(data, (bytes, bytearray)) and _limits.exceeds(data, max_bytes):
        raise TextFormatError(_limits.message(max_bytes), "", 0)
    if isinstance(data, (bytes, bytearray)):
        data = _decode(bytes(data))
    elif not isinstance(data, str):
        raise TypeError(f"load() needs a file that reads str or bytes, not {type(data).__name__}")
    return loads(data, event_types=event_types, max_bytes=max_bytes)


def load_path(
    path: str | os.PathLike[str],
    /,
    *,
    event_types: Mapping[str, type[Event]] | None = None,
    max_bytes: int | None = None,
) -> list[Event]:
    """The events of the text-format file *path* (UTF-8), read no further than *max_bytes*."""
    with open(path, "rb") as fp:
        return load(fp, event_types=event_types, max_bytes=max_bytes)


def dump_path(
    events: Iterable[Event],
    path: str | os.PathLike[str],
    /,
    *,
    event_types: Mapping[str, type[Event]] | None = None,
) -> None:
    """Write the text form of *events* to *path*, all or nothing: the text goes to a
    temporary file renamed over *path* once complete, so a failure (a value that
    cannot be written, a full disk) leaves any old file intact."""
    write_atomic(path, iter_dump(events, event_types=event_types))


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        doc = data.decode("utf-8", errors="replace")
        pos = len(data[: exc.start].decode("utf-8"))
        raise TextFormatError(
            f"invalid UTF-8: {exc.reason} (byte 0x{data[exc.start]:02x})", doc, pos
        ) from None


# -- writing -------------------------------------------------------------------


def iter_dump(
    events: Iterable[Event], /, *, event_types: Mapping[str, type[Event]] | None = None
) -> Iterator[str]:
    """The text form of *events* as chunks: the magic line, then one chunk per event.

    :raises TypeError: for an object that is not an event of a registered type
        (or of *event_types*), or a field value of a type the format cannot hold.
    """
    known = _known_types(event_types)
    yield MAGIC + "\n"
    for event in events:
        cls = type(event)
        tag = getattr(cls, "type", None)
        if not isinstance(event, Event) or not isinstance(tag, str) or known.get(tag) is not cls:
            raise TypeError(
                f"cannot write {cls.__qualname__}: not an event of a registered type "
                "(see tradeevents.registry.register_event_type)"
            )
        plan = _plan_for(cls)
        lines = plan.lines(event)
        yield f"\n[{tag}]\n" + "\n".join(lines) + "\n" if lines else f"\n[{tag}]\n"


def dumps(
    events: Iterable[Event], /, *, event_types: Mapping[str, type[Event]] | None = None
) -> str:
    """The text form of *events*: ``"".join(iter_dump(events))``."""
    return "".join(iter_dump(events, event_types=event_types))


def dump(
    events: Iterable[Event],
    fp: IO[str] | IO[bytes],
    /,
    *,
    event_types: Mapping[str, type[Event]] | None = None,
) -> None:
    """Write the text form of *events* to *fp*: a binary file (as UTF-8) or a text file."""
    binary = not isinstance(fp, io.TextIOBase) and "b" in getattr(fp, "mode", "b")
    for chunk in iter_dump(events, event_types=event_types):
        fp.write(chunk.encode("utf-8") if binary else chunk)  # type: ignore[arg-type]
