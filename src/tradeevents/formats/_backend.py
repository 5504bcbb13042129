"""JSON text <-> Python values, with the stdlib or (when installed) orjson.

Both backends give the same values and, for the same input, the same errors:

* duplicate keys in an object are an error (the stdlib parser uses an
  ``object_pairs_hook``; with orjson, which keeps the last value silently, an
  exact count of the ``:`` separators in the text against those in a re-dump of
  the parsed value detects them, and the stdlib parser then reports where);
* ``NaN``, ``Infinity`` and ``-Infinity`` are not JSON and are refused;
* whatever orjson refuses or reads differently but the stdlib reads exactly
  (integers beyond 64 bits, which orjson turns into floats; lone surrogate
  escapes) is read by the stdlib parser, so both give the same values.

Output is compact (no spaces) with ``indent=None``, UTF-8 text unescaped
(``ensure_ascii=False``). The one difference: floats are spelled as each
library spells them (Python writes ``1e+16``, orjson ``1e16``); the values are equal.
"""

from __future__ import annotations

import gc
import json as _json
import re
from collections.abc import Callable
from typing import Any, Literal

from ..errors import LoadError

__all__: list[str] = []  # private module

Backend = Literal["auto", "json", "orjson"]

_orjson: Any
try:
    import orjson as _orjson
except ImportError:  # pragma: no cover - exercised where orjson is absent
    _orjson = None

#: orjson reads integers beyond 64 bits as floats: such texts go to the stdlib parser.
_LONG_DIGITS = re.compile(r"(?<![0-9.])[0-9]{19,}(?![0-9.eE])")
#: _LONG_DIGITS without a regex scan (sre retries every start inside a run of
#: digits, about 35 ms per 4 MB document): digits become "0", then bytes.find.
_DIGITS_TO_ZERO = bytes.maketrans(b"123456789", b"000000000")
_RUN = b"0" * 19


def _has_long_integer(data: bytes) -> bool:
    """Whether *data* has a match of :data:`_LONG_DIGITS` (an integer of 19+ digits)."""
    flat = data.translate(_DIGITS_TO_ZERO)
    pos = flat.find(_RUN)
    while pos >= 0:
        # the leftmost find starts a maximal run of digits; extend it to its end
        end = pos + len(_RUN)
        while flat[end : end + 1] == b"0":
            end += 1
        if (pos == 0 or flat[pos - 1] != 0x2E) and flat[end : end + 1] not in (b".", b"e", b"E"):
            return True
        pos = flat.find(_RUN, end)
    return False


#: An escaped colon (``\u003a``) would hide a key separator from the orjson duplicate check.
_ESCAPED_COLON = re.compile(r"u003[aA]")


def orjson_module() -> Any:
    """The orjson module (after :func:`resolve` said it is there)."""
    return _orjson


def resolve(backend: str) -> bool:
    """Whether *backend* means orjson; :class:`ValueError` for unknown names."""
    if backend == "auto":
        return _orjson is not None
    if backend == "orjson":
        if _orjson is None:
            raise ModuleNotFoundError(
                "the 'orjson' backend needs orjson: pip install 'tradeevents[orjson]'"
            )
        return True
    if backend == "json":
        return False
    raise ValueError(f"unknown JSON backend {backend!r}: use 'auto', 'json' or 'orjson'")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(key)


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


_decoder = _json.JSONDecoder(object_pairs_hook=_pairs, parse_constant=_constant)


def _position(text: str, pos: int) -> tuple[int, int]:
    lineno = text.count("\n", 0, pos) + 1
    return lineno, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _stdlib_loads(text: str, path: str, lineno: int | None) -> Any:
    try:
        return _decoder.decode(text)
    except _json.JSONDecodeError as exc:
        line = exc.lineno if lineno is None else lineno + exc.lineno - 1
        raise LoadError(
            f"invalid JSON: {exc.msg} (column {exc.colno})", path, lineno=line
        ) from None
    except _DuplicateKey as exc:
        # The hook knows the key, not where it is: name the key's second occurrence.
        raise LoadError(
            f"duplicate key {exc.key!r} in an object{_where_duplicate(text, exc.key)}",
            path,
            lineno=lineno,
        ) from None
    except ValueError as exc:  # NaN, Infinity
        raise LoadError(f"invalid JSON: {exc}", path, lineno=lineno) from None
    except RecursionError:
        raise LoadError("invalid JSON: nested too deeply", path, lineno=lineno) from None


def _where_duplicate(text: str, key: str) -> str:
    token = _json.dumps(key, ensure_ascii=False)
    first = text.find(token)
    second = text.find(token, first + 1) if first >= 0 else -1
    if second < 0:
        return ""
    line, col = _position(text, second)
    return f" (line {line}, column {col})"


def loads(text: str | bytes, *, orjson: bool, path: str = "$", lineno: int | None = None) -> Any:
    """Parse one JSON document; :class:`LoadError` for bad syntax, naming line and column."""
    if orjson:
        try:
            value = _orjson.loads(text)
        except _orjson.JSONDecodeError:
            pass  # the stdlib parser reads it, or says where it is wrong
        else:
            source = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
            colons = source.count(":")
            # a colon escaped as \u003a, or an integer orjson may have read as a float,
            # sends the text to the stdlib parser
            raw = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
            escaped = _ESCAPED_COLON.search(source) or _has_long_integer(raw)
            if not escaped and colons == _orjson.dumps(value).count(b":"):
                return value  # no key was given twice: the counts would differ
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise LoadError(f"not UTF-8 (byte {exc.start})", path, lineno=lineno) from None
    return _stdlib_loads(text, path, lineno)


def _stdlib_dumps(value: Any, indent: int | None) -> str:
    if indent is None:
        return _json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _json.dumps(value, ensure_ascii=False, indent=indent, allow_nan=False)


def dumps(value: Any, *, orjson: bool, indent: int | None = None) -> str:
    """Serialize a JSON-form value (dicts, lists, strings, numbers, booleans, ``None``)."""
    if indent is not None and (type(indent) is not int or indent < 0):
        raise ValueError(f"indent must be None or an integer >= 0, not {indent!r}")
    if orjson and indent in (None, 2):
        option = 0 if indent is None else _orjson.OPT_INDENT_2
        try:
            return _orjson.dumps(value, option=option).decode()  # type: ignore[no-any-return]
        except TypeError:
            pass  # lone surrogates, huge integers: the stdlib writes what it can
    try:
        return _stdlib_dumps(value, indent)
    except ValueError as exc:  # out-of-range floats
        raise TypeError(f"cannot write {exc}") from None


def dumps_line(orjson: bool) -> Callable[[Any], str]:
    """A fast compact serializer for one value, for line-oriented writers."""
    if orjson:
        dump = _orjson.dumps

        def line(value: Any) -> str:
            try:
                return dump(value).decode()  # type: ignore[no-any-return]
            except TypeError:
                return _stdlib_dumps(value, None)

        return line
    return _json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode


def settle() -> None:
    """Move every object the collector tracks to its oldest generation (``gc.freeze``
    then ``gc.unfreeze``), unless the application froze objects of its own.

    Called at the end of a whole-document load, while the collector is still
    paused (:func:`tradeevents._gc.paused`): without it, the first young
    collection after the load traverses every object the load built (0.2 s for
    100,000 events) only to find them all alive; surviving two collections would
    move them to the oldest generation anyway. The cost: cyclic garbage that was
    young when the load ended waits for the next full collection.
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
