"""Per-class fast paths for reading and writing events: values checked once, no dicts
made only to be thrown away.

The converter's cattrs hooks (:mod:`._converter`) stay the reference; this
module builds, once per class, functions that do the same work faster for the
fields whose checks it knows (:data:`tradeevents.model._FIELD_KINDS`). Nothing
here generates source code (the package runs no ``exec``): each class gets a
table of small per-field functions run through ``map``.

* :func:`reader` checks the JSON-form dict of a class the way the model's
  converters and validators do, and builds the instance through the model's
  trusted constructor (:func:`tradeevents.model._trusted_new`), so that each
  value is checked once instead of twice. It accepts only exact types (``str``,
  ``list``, ...): anything else, or any failed check, raises, and the caller
  goes back to the reference path (the public constructor and the error
  explainers), which decides, so errors and their paths do not change;
* :func:`field_dict` serves orjson's ``default=``: each event or value becomes
  a dict of its fields as they are (tuples, string enumerations and floats,
  which orjson writes natively), giving the bytes of the reference dicts;
* :func:`text_writer` writes an event's compact JSON text directly, the bytes
  the stdlib encoder gives for its reference dict.

Each gives ``None`` for a class it cannot handle (a user-defined field with its
own validator or converter, say); the reference path then serves that class.
"""

from __future__ import annotations

import enum
import json as json_module
import json.encoder as json_encoder
import math
import operator
import typing
from collections.abc import Callable
from typing import Any

import attrs

from ..dates import EventDate
from ..model import (
    _STR_SET_CHECKS,
    Event,
    _content_id,
    _field_kind,
    _is_phrase,
    _is_trusted_buildable,
    _known_codes,
    _official_set,
    _rate_set,
    _str_set,
    _trusted_new,
)
from ._typehints import optional_of as _optional_of
from ._typehints import sequence_of as _sequence_of

__all__: list[str] = []  # private module

_INF = math.inf
#: What a required field that is missing reads as: every reader refuses it.
_REQUIRED = object()
_EMPTY_LIST: list[Any] = []  # the JSON form of a missing set-like field; never changed


def _call_one(fn: Callable[[Any], Any], value: Any) -> Any:
    return fn(value)


#: ``fn(value)`` as a C function for ``map`` (``operator.call`` is Python 3.11+).
_call: Callable[[Callable[[Any], Any], Any], Any] = getattr(operator, "call", _call_one)


class Rejected(Exception):
    """The fast path does not take this value; the reference path decides."""


def _str_enum(tp: Any) -> bool:
    return (
        isinstance(tp, type)
        and issubclass(tp, enum.Enum)
        and all(type(m.value) is str for m in tp)
        and len({m.value for m in tp}) == len(tp)
    )


# -- checks shared by the readers ------------------------------------------------

#: How many valid items each kind of set-like field remembers (products, topics and
#: instruments repeat from event to event): a bound, so that input cannot grow it.
_REMEMBERED = 4096
_valid: dict[str, set[str]] = {}


def _strs(items: Any, check: Callable[..., None], attribute: Any, valid: set[str]) -> None:
    """Check each item of a set-like field of strings with the model's validator (the
    validators check items one by one), remembering those that pass."""
    for item in items:
        if type(item) is not str:
            raise Rejected
        if item not in valid:
            check(None, attribute, (item,))
            if len(valid) < _REMEMBERED:
                valid.add(item)


def _codes(items: Any, codes: frozenset[str]) -> None:
    for item in items:
        if type(item) is not str or item not in codes:
            raise Rejected


def _number(value: Any) -> float:
    kind = type(value)
    if kind is float:
        return value  # type: ignore[no-any-return]
    if kind is int:  # the cattrs hook's conversion, then the model's (_to_float)
        return float(value)
    raise Rejected


# -- readers -------------------------------------------------------------------


Reader = Callable[[Any], Any]


def _field_reader(
    kind: str,
    hint: Any,
    field: attrs.Attribute[Any],
    nested: Callable[[type], Reader | None],
) -> Reader | None:
    """A function from the JSON value of *field* to its value on the instance, raising
    on anything the reference path would not turn into the same value."""
    if kind in _STR_SET_CHECKS:
        if kind == "codes":
            codes = _known_codes()

            def check(items: Any) -> None:
                _codes(items, codes)

        else:
            validator = _STR_SET_CHECKS[kind]
            valid = _valid.setdefault(kind, set())

            def check(items: Any) -> None:
                _strs(items, validator, field, valid)

        def read_strs(value: Any) -> Any:
            if type(value) is not list:
                raise Rejected
            if not value:
                return ()
            check(value)
            return _str_set(tuple(value))

        return read_strs
    if kind in ("official_set", "rate_set"):
        item = _sequence_of(hint)
        if not (isinstance(item, type) and attrs.has(item)):
            return None
        canonical = _official_set if kind == "official_set" else _rate_set
        read_item = nested(item)
        if read_item is None:
            return None
        item_reader: Reader = read_item

        def read_objects(value: Any) -> Any:
            if type(value) is not list:
                raise Rejected
            return canonical(tuple(map(item_reader, value))) if value else ()

        return read_objects
    inner = _optional_of(hint)
    if kind == "optional_object":
        if not (isinstance(inner, type) and attrs.has(inner)):
            return None
        read_inner = nested(inner)
        if read_inner is None:
            return None
        inner_reader: Reader = read_inner

        def read_object(value: Any) -> Any:
            return None if value is None else inner_reader(value)

        return read_object
    if kind == "optional_date":
        return _date_reader(optional=True)
    if kind == "confidence":

        def read_confidence(value: Any) -> Any:
            if value is None:
                return None
            number = _number(value)
            if not 0.0 <= number <= 1.0:
                raise Rejected
            return number

        return read_confidence
    if kind == "amount":

        def read_amount(value: Any) -> Any:
            number = _number(value)
            if not 0.0 <= number < _INF:
                raise Rejected
            return number

        return read_amount
    if kind in ("str", "optional_str", "phrase", "optional_phrase", "optional_code"):
        return _str_reader(kind)
    if kind in ("offset", "end"):  # "end" is also checked against "start" (see reader)

        def read_offset(value: Any) -> Any:
            if type(value) is not int or value < 0:
                raise Rejected
            return value

        return read_offset
    if kind == "enum":
        return _enum_reader(hint)
    if kind == "plain":
        return _plain_reader(hint)
    return None


def _str_reader(kind: str) -> Reader:
    optional = kind.startswith("optional")
    phrase = kind in ("phrase", "optional_phrase")
    codes = _known_codes() if kind == "optional_code" else None

    def read_str(value: Any) -> Any:
        if value is None and optional:
            return None
        if type(value) is not str:
            raise Rejected
        if phrase and not _is_phrase(value):
            raise Rejected
        if codes is not None and value not in codes:
            raise Rejected
        return value

    return read_str


def _date_reader(*, optional: bool) -> Reader:
    from ._converter import _parse_date  # the shared cache of parsed dates

    def read_date(value: Any) -> Any:
        if type(value) is str:
            return _parse_date(value)
        if value is None and optional:
            return None
        raise Rejected

    return read_date


def _enum_reader(hint: Any) -> Reader | None:
    if not _str_enum(hint):
        return None
    members = {m.value: m for m in hint}

    def read_value(value: Any) -> Any:
        if type(value) is not str:
            raise Rejected
        return members[value]

    return read_value


def _plain_reader(hint: Any) -> Reader | None:
    """A JSON field without validator or converter: the strict cattrs hooks' checks."""
    inner = _optional_of(hint)
    if inner is not None:
        read_inner = _plain_reader(inner)
        if read_inner is None:
            return None
        inner_reader: Reader = read_inner

        def read_optional(value: Any) -> Any:
            return None if value is None else inner_reader(value)

        return read_optional
    if hint in (str, int, bool):

        def read_exact(value: Any) -> Any:
            if type(value) is not hint:
                raise Rejected
            return value

        return read_exact
    if hint is float:

        def read_float(value: Any) -> Any:
            return _number(value)

        return read_float
    if hint is EventDate:
        return _date_reader(optional=False)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _enum_reader(hint)
    return None


def _default_of(field: attrs.Attribute[Any]) -> Any:
    """The value the public constructor gives *field* when it is not passed
    (:data:`_REQUIRED` if it must be); :class:`Rejected` for defaults not handled."""
    default: Any = field.default
    if default is attrs.NOTHING:
        return _REQUIRED
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        if default.takes_self or default.factory is not tuple:
            raise Rejected
        default = ()
    converter = field.converter
    if converter is not None:
        if not callable(converter):
            raise Rejected
        default = converter(default)
    if field.validator is not None:
        field.validator(None, field, default)  # a default its own validator refuses: not ours
    return default


def _as_read(default: Any) -> Any:
    """What a missing field reads as: the JSON form of its default."""
    if default is _REQUIRED:
        return default
    if default == () and type(default) is tuple:
        return _EMPTY_LIST
    if isinstance(default, enum.Enum):
        return default.value
    if isinstance(default, EventDate):
        return str(default)
    if default is None or type(default) in (str, int, float, bool):
        return default
    raise Rejected


def reader(cls: type, nested: Callable[[type], Reader | None]) -> Reader | None:
    """A function from the JSON-form dict of *cls* to the instance; it raises on
    anything it does not take. ``None`` if the class has fields it does not know.
    *nested* gives the reader of a nested attrs class."""
    try:
        return _reader(cls, nested)
    except (Rejected, TypeError, ValueError, NameError, AttributeError):
        return None


def _reader(cls: type, nested: Callable[[type], Reader | None]) -> Reader | None:
    if not _is_trusted_buildable(cls):
        return None
    hints = typing.get_type_hints(cls)
    readers: list[Reader] = []
    keys: list[str] = []
    missing: list[Any] = []
    end_after_start: tuple[int, int] | None = None
    for index, field in enumerate(attrs.fields(cls)):
        kind = _field_kind(field)
        if kind is None:
            return None
        read = _field_reader(kind, hints[field.name], field, nested)
        if read is None:
            return None
        default = _default_of(field)
        if default is not _REQUIRED:  # the default must read back as itself
            got = read(_as_read(default))
            if type(got) is not type(default) or got != default:
                return None
        if kind == "end":
            if index == 0 or attrs.fields(cls)[index - 1].name != "start":
                return None
            end_after_start = (index - 1, index)
        readers.append(read)
        keys.append(field.name)  # the key of the JSON form (cattrs' default)
        missing.append(_as_read(default))
    new = _trusted_new(cls)
    call = _call

    if end_after_start is None:

        def structure(data: Any) -> Any:
            if type(data) is not dict:
                raise Rejected
            return new(list(map(call, readers, map(data.get, keys, missing))))

        return structure
    start, end = end_after_start

    def structure_span(data: Any) -> Any:
        if type(data) is not dict:
            raise Rejected
        values = list(map(call, readers, map(data.get, keys, missing)))
        if values[end] < values[start]:
            raise Rejected
        return new(values)

    return structure_span


# -- writers -------------------------------------------------------------------


def _writable_kinds(cls: type) -> bool:
    """Whether every field holds what the JSON encoders write as the reference dicts do."""
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        kind = _field_kind(field)
        if kind is None or kind == "plain":
            return False
        if kind == "enum" and not _str_enum(hints[field.name]):
            return False
    return True


def field_dict(cls: type) -> Callable[[Any], dict[str, Any]] | None:
    """For the encoders' ``default=``: a function from an instance of *cls* to the dict
    of its fields as they are, or, for an event, ``id``, ``type`` and its fields;
    ``None`` for a class whose values the encoders would not write as the reference
    dicts (a user-defined field)."""
    try:
        if not attrs.has(cls) or not _writable_kinds(cls):
            return None
    except (TypeError, NameError, AttributeError):
        return None
    names = tuple(field.name for field in attrs.fields(cls))
    if not names:
        return None
    getter = operator.attrgetter(*names)
    if len(names) == 1:
        name = names[0]

        def one_field(value: Any) -> dict[str, Any]:
            return {name: getter(value)}

        return one_field
    if not issubclass(cls, Event):

        def fields(value: Any) -> dict[str, Any]:
            return dict(zip(names, getter(value), strict=True))

        return fields
    tag = getattr(cls, "type", None)
    if cls.id is not Event.__dict__["id"] or not isinstance(tag, str) or "date" not in names:
        return None
    at_date = names.index("date")

    def event_fields(event: Any) -> dict[str, Any]:
        values = getter(event)
        try:
            uid = event._id_cache
        except AttributeError:
            date = values[at_date]
            uid = _content_id(event, None if date is None else str(date))
        out = {"id": uid, "type": tag}
        out.update(zip(names, values, strict=True))
        return out

    return event_fields


# -- the compact JSON text, written directly (stdlib spelling) ----------------------

#: The C string encoder of ``json.dumps(..., ensure_ascii=False)``: quoted and escaped.
_encode: Callable[[str], str] = json_encoder.encode_basestring
_float_repr = float.__repr__  # json's spelling of a float
_int_repr = int.__repr__
_value_encoder = json_module.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _json_int(value: int) -> str:
    # an int subclass (True passes the offset validator) is spelled as json spells it
    return _int_repr(value) if value.__class__ is int else _value_encoder.encode(value)


#: The texts of set-like fields of strings written before (the same parties, products
#: and instruments recur from event to event); bounded like :data:`_valid`.
_set_texts: dict[tuple[str, ...], str] = {}


def _strs_text(value: tuple[str, ...]) -> str:
    text = _set_texts.get(value)
    if text is not None:
        "".join(value)  # every item a str: an equal object of another type is not written so
    else:
        text = "[" + ",".join(map(_encode, value)) + "]"
        if len(_set_texts) < _REMEMBERED:
            _set_texts[value] = text
    return text


def _optional_str_text(value: str | None) -> str:
    return "null" if value is None else _encode(value)


def _optional_date_text(value: EventDate | None) -> str:
    return "null" if value is None else '"' + str(value) + '"'  # digits, "-", "Q", "H"


def _confidence_text(value: float | None) -> str:
    return "null" if value is None else _float_repr(value)


def _field_text(
    kind: str, hint: Any, nested: Callable[[type], Callable[[Any], str] | None]
) -> Callable[[Any], str] | None:
    """A function from the value of a field to its compact JSON text."""
    if kind in _STR_SET_CHECKS:
        return _strs_text
    if kind in ("official_set", "rate_set"):
        item = _sequence_of(hint)
        write_item = nested(item) if isinstance(item, type) and attrs.has(item) else None
        if write_item is None:
            return None
        item_text: Callable[[Any], str] = write_item

        def objects_text(value: tuple[Any, ...]) -> str:
            return "[" + ",".join(map(item_text, value)) + "]" if value else "[]"

        return objects_text
    if kind == "optional_object":
        inner = _optional_of(hint)
        write_inner = nested(inner) if isinstance(inner, type) and attrs.has(inner) else None
        if write_inner is None:
            return None
        inner_text: Callable[[Any], str] = write_inner

        def object_text(value: Any) -> str:
            return "null" if value is None else inner_text(value)

        return object_text
    if kind == "optional_date":
        return _optional_date_text
    if kind == "confidence":
        return _confidence_text
    if kind == "amount":
        return _float_repr  # a finite float (the converter and validator see to it)
    if kind in ("str", "phrase"):
        return _encode
    if kind in ("optional_str", "optional_phrase", "optional_code"):
        return _optional_str_text
    if kind in ("offset", "end"):
        return _json_int
    if kind == "enum" and _str_enum(hint):
        return {m: _encode(m.value) for m in hint}.__getitem__
    return None  # "plain" fields (user-defined): the reference path writes them


def text_writer(
    cls: type, nested: Callable[[type], Callable[[Any], str] | None]
) -> Callable[[Any], str] | None:
    """A function from an instance of *cls* to its compact JSON text (for an event,
    with ``id`` and ``type`` first): the bytes of ``json.dumps`` of its reference dict
    with ``ensure_ascii=False, separators=(",", ":")``. ``None`` for a class with a
    field it does not know. *nested* gives the writer of a nested attrs class."""
    try:
        return _text_writer(cls, nested)
    except (TypeError, NameError, AttributeError):
        return None


def _text_writer(
    cls: type, nested: Callable[[type], Callable[[Any], str] | None]
) -> Callable[[Any], str] | None:
    if not attrs.has(cls):
        return None
    hints = typing.get_type_hints(cls)
    names = tuple(field.name for field in attrs.fields(cls))
    writers = []
    for field in attrs.fields(cls):
        kind = _field_kind(field)
        write = None if kind is None else _field_text(kind, hints[field.name], nested)
        if write is None:
            return None
        writers.append(write)
    if len(names) < 2:
        return None
    getter = operator.attrgetter(*names)
    call = _call
    add = operator.add
    if not issubclass(cls, Event):
        keys = [_encode(names[0]) + ":"] + [f",{_encode(name)}:" for name in names[1:]]

        def value_text(value: Any) -> str:
            return "{" + "".join(map(add, keys, map(call, writers, getter(value)))) + "}"

        return value_text
    tag = getattr(cls, "type", None)
    if cls.id is not Event.__dict__["id"] or not isinstance(tag, str) or "date" not in names:
        return None
    at_date = names.index("date")
    if writers[at_date] is not _optional_date_text:
        return None
    head = '{"id":"'
    after_id = f'","type":{_encode(tag)}'
    event_keys = [f",{_encode(name)}:" for name in names]

    def event_text(event: Any) -> str:
        texts = list(map(call, writers, getter(event)))
        try:
            uid: str = event._id_cache
        except AttributeError:
            date = texts[at_date]
            uid = _content_id(event, None if date == "null" else date[1:-1])
        # a plain id is the tag (a slug), "-" and hexadecimal digits: nothing to escape
        return head + uid + after_id + "".join(map(add, event_keys, texts)) + "}"

    return event_text
