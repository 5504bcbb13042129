"""The one cattrs converter behind every format, and the error-path explainer.

Events become plain dicts in the JSON form of EVENTS.md and back. The work is
split in two, as cattrs' own detailed validation suggests but cheaper:

* the **fast path** is a cattrs :class:`~cattrs.Converter` whose
  ``make_dict_structure_fn`` / ``make_dict_unstructure_fn`` hooks are generated
  once per registered event class, with strict hooks for the primitives (cattrs'
  defaults would turn ``5`` into ``"5"`` and ``"JP"`` into ``("J", "P")``);
* the **error path** runs only when the fast path fails: :func:`_explain` walks
  the same type hints by hand and raises :class:`~tradeevents.errors.LoadError`
  naming the path of the first bad value (``$[3].date: invalid date '2021-13':
  ...``). If it finds nothing wrong, the fast path's own error is reported at the
  object's path, so no other exception escapes.

The converter and the per-class functions are cached and rebuilt whenever the
event-type registry changes (:func:`tradeevents.registry.on_change`).
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, NoReturn

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from .. import registry
from ..dates import EventDate
from ..errors import LoadError
from ..model import Event, _content_id
from . import _fast
from ._typehints import NONE as _NONE
from ._typehints import optional_of as _optional_of
from ._typehints import sequence_of as _sequence_of

__all__: list[str] = []  # private module

Unstructured = dict[str, Any]

#: Keys written before the fields of every event.
LEADING_KEYS = ("id", "type")


# -- type grammar --------------------------------------------------------------


def type_name(tp: Any) -> str:
    """A readable name for a type hint, for messages."""
    if typing.get_origin(tp) is not None:
        return repr(tp).replace("typing.", "")
    return getattr(tp, "__qualname__", None) or repr(tp)


def check_writable(tp: Any, where: str) -> None:
    """Raise :class:`TypeError` naming *tp* when the formats cannot represent it.

    The JSON form knows strings, integers, floats, booleans, ``None``,
    enumerations with string or integer values, :class:`EventDate`, attrs
    classes of those, ``tuple[X, ...]`` and ``X | None``.
    """
    if tp in (str, int, float, bool, EventDate, _NONE):
        return
    inner = _optional_of(tp)
    if inner is not None:
        check_writable(inner, where)
        return
    inner = _sequence_of(tp)
    if inner is not None:
        check_writable(inner, f"{where}[]")
        return
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        if all(isinstance(m.value, (str, int)) for m in tp):
            return
    elif isinstance(tp, type) and attrs.has(tp):
        for name, hint in _hints(tp).items():
            check_writable(hint, f"{where}.{name}")
        return
    raise TypeError(f"cannot write {where} of type {type_name(tp)}: the JSON form has no such type")


@functools.cache
def _hints_cached(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in attrs.fields(cls) if f.init}


def _hints(cls: type) -> dict[str, Any]:
    return _hints_cached(cls)


# -- strict primitive hooks (fast path) ---------------------------------------


def _structure_str(value: Any, _: Any) -> str:
    if type(value) is not str:
        raise TypeError("not a string")
    return value


def _structure_int(value: Any, _: Any) -> int:
    if type(value) is not int:
        raise TypeError("not an integer")
    return value


def _structure_float(value: Any, _: Any) -> float:
    kind = type(value)
    if kind is float:
        return value  # type: ignore[no-any-return]
    if kind is int:
        return float(value)
    raise TypeError("not a number")


def _structure_bool(value: Any, _: Any) -> bool:
    if type(value) is not bool:
        raise TypeError("not a boolean")
    return value


@functools.lru_cache(maxsize=4096)
def _parse_date(text: str) -> EventDate:
    # EventDate is immutable: equal strings may share one instance. Dates repeat
    # a lot in real data (a bulletin's date, the month a measure takes effect).
    return EventDate.parse(text)


def _structure_date(value: Any, _: Any) -> EventDate:
    if type(value) is not str:
        raise TypeError("not a string")
    return _parse_date(value)


def _structure_optional_date(value: Any, _: Any) -> EventDate | None:
    if value is None:
        return None
    if type(value) is not str:
        raise TypeError("not a string")
    return _parse_date(value)


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    member = cls(value)
    if type(value) is not type(member.value):  # no True for 1, no members for their values
        raise TypeError("wrong kind of enumeration value")
    return member


def _enum_structure(cls: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    """A structure hook for *cls*: a dict lookup, then the strict kind check."""
    members = {member.value: member for member in cls}

    def structure(value: Any, _: Any) -> enum.Enum:
        member = members.get(value) if isinstance(value, (str, int)) else None
        if member is None:
            return _structure_enum(value, cls)  # cattrs' message for a bad value
        if type(value) is not type(member.value):  # no True for 1
            raise TypeError("wrong kind of enumeration value")
        return member

    return structure


def _unstructure_enum(member: enum.Enum) -> Any:
    return member.value  # a str-valued enum is a str: plain values keep dicts plain


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def _enums_in(tp: Any, seen: set[Any]) -> Iterator[type[enum.Enum]]:
    """The enumeration classes used anywhere in the type *tp*."""
    if tp in seen:
        return
    seen.add(tp)
    if _is_enum(tp):
        yield tp
    elif isinstance(tp, type) and attrs.has(tp):
        for hint in _hints(tp).values():
            yield from _enums_in(hint, seen)
    else:
        for arg in typing.get_args(tp):
            yield from _enums_in(arg, seen)


def _is_optional(tp: Any) -> bool:
    return _optional_of(tp) is not None


def _identity(value: Any) -> Any:
    return value


def _is_sequence(tp: Any) -> bool:
    return _sequence_of(tp) is not None


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(
        detailed_validation=False,  # the error path explains; see _explain
        forbid_extra_keys=False,  # extra keys (the corpus' "main") are ignored
        prefer_attrib_converters=False,
    )
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(EventDate, _structure_date)
    conv.register_unstructure_hook(EventDate, str)
    conv.register_structure_hook_factory(_is_enum, _enum_structure)
    # Enums are unstructured per class (see _register_enums): a str-valued enum is a
    # str subclass, and cattrs' class dispatch would pass it through as is.

    def sequence_structure(tp: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        item = _sequence_of(tp)
        if item is str:

            def structure_strs(value: Any, _: Any) -> tuple[Any, ...]:
                if type(value) is not list:
                    raise TypeError("not a list")
                for x in value:
                    if type(x) is not str:
                        raise TypeError("not a string")
                return tuple(value)

            return structure_strs
        hook = conv.get_structure_hook(item)

        def structure_items(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise TypeError("not a list")
            return tuple([hook(x, item) for x in value])

        return structure_items

    def sequence_unstructure(tp: Any) -> Callable[[Any], list[Any]]:
        item = _sequence_of(tp)
        if item in (str, int, float, bool):
            return list
        hook = conv.get_unstructure_hook(item)
        return lambda value: [hook(x) for x in value]

    conv.register_structure_hook_factory(_is_sequence, sequence_structure)
    conv.register_unstructure_hook_factory(_is_sequence, sequence_unstructure)

    # ``X | None``: cattrs' generic optional hooks look the inner hook up on every
    # call; these bind it once.
    def optional_structure(tp: Any) -> Callable[[Any, Any], Any]:
        inner = _optional_of(tp)
        if inner is EventDate:
            return _structure_optional_date
        hook = conv.get_structure_hook(inner)

        def structure_optional(value: Any, _: Any) -> Any:
            return None if value is None else hook(value, inner)

        return structure_optional

    def optional_unstructure(tp: Any) -> Callable[[Any], Any]:
        inner = _optional_of(tp)
        if inner in (str, int, float, bool):
            return _identity
        hook = conv.get_unstructure_hook(inner)
        return lambda value: None if value is None else hook(value)

    conv.register_structure_hook_factory(_is_optional, optional_structure)
    conv.register_unstructure_hook_factory(_is_optional, optional_unstructure)

    # attrs classes: generated, straight-line functions (one per class).
    conv.register_structure_hook_factory(attrs.has, lambda cls: make_dict_structure_fn(cls, conv))
    conv.register_unstructure_hook_factory(
        attrs.has, lambda cls: make_dict_unstructure_fn(cls, conv)
    )
    return conv


# -- the per-type cache --------------------------------------------------------


@attrs.frozen
class _Codec:
    cls: type[Event]
    structure: Callable[[Mapping[str, Any], Any], Event]
    unstructure: Callable[[Any], Unstructured]
    error: str | None  # why this class cannot be written, if it cannot
    plain_id: bool  # the class keeps Event.id: it can be made from the date text written
    # from _fast, for the classes whose fields it knows (else None):
    fast_structure: Callable[[Any], Event] | None  # checks once, builds without __init__
    fast_fields: Callable[[Event], Unstructured] | None  # for orjson's default=
    fast_text: Callable[[Event], str] | None  # the compact JSON text (stdlib spelling)


_EVENT_ID = Event.__dict__["id"]


class _State:
    """Everything derived from the registry; dropped when the registry changes."""

    def __init__(self) -> None:
        self.converter = _make_converter()
        self.types = registry.event_types()
        self.by_tag: dict[str, _Codec] = {}
        self.by_class: dict[type[Event], _Codec] = {}
        self._readers: dict[type, Any] = {}
        self._text_writers: dict[type, Any] = {}
        #: The compact JSON text writer of each event class that has one, by class.
        self.text_of: dict[type, Callable[[Any], str]] = {}
        #: For orjson's ``default=``: by exact type, the dict of an event or value
        #: (or a date's text); built with each codec (see :func:`_fast.field_dict`).
        self.fields_of: dict[type, Callable[[Any], Any]] = {EventDate: str}

    def text_writer(self, cls: type) -> Any:
        """The compact JSON text writer of *cls* (:func:`_fast.text_writer`), or ``None``."""
        if cls in self._text_writers:
            return self._text_writers[cls]
        self._text_writers[cls] = None  # a class nested in itself: the reference path
        fn = _fast.text_writer(cls, self.text_writer)
        self._text_writers[cls] = fn
        return fn

    def reader(self, cls: type) -> Any:
        """The fast reader of the JSON form of *cls* (:func:`_fast.reader`), or ``None``."""
        if cls in self._readers:
            return self._readers[cls]
        self._readers[cls] = None  # a class nested in itself is left to the reference path
        fn = _fast.reader(cls, self.reader)
        self._readers[cls] = fn
        return fn

    def _add_fields(self, cls: type) -> bool:
        """Put *cls* and the attrs classes inside it in :attr:`fields_of`; whether all are."""
        if cls in self.fields_of:
            return True
        fn = _fast.field_dict(cls)
        if fn is None:
            return False
        for hint in _hints(cls).values():
            for nested in _attrs_classes_in(hint):
                if not self._add_fields(nested):
                    return False
        self.fields_of[cls] = fn
        return True

    def _default(self, value: Any) -> Any:
        fn = self.fields_of.get(type(value))
        if fn is None:
            raise _Unwritten
        return fn(value)

    def codec_for_tag(self, tag: str) -> _Codec | None:
        codec = self.by_tag.get(tag)
        if codec is None:
            cls = self.types.get(tag)
            if cls is None:
                return None
            codec = self._build(cls)
        return codec

    def codec_for_class(self, cls: type[Event]) -> _Codec | None:
        codec = self.by_class.get(cls)
        if codec is None:
            if self.types.get(getattr(cls, "type", None)) is not cls:  # type: ignore[arg-type]
                return None
            codec = self._build(cls)
        return codec

    def _build(self, cls: type[Event]) -> _Codec:
        error = None
        try:
            check_writable(cls, cls.__name__)
        except TypeError as exc:
            error = str(exc)
        conv = self.converter
        for found in _enums_in(cls, set()):
            conv.register_unstructure_hook(found, _unstructure_enum)
        fast_fields = None
        if error is None and self._add_fields(cls):
            fast_fields = self.fields_of[cls]
        codec = _Codec(
            cls,
            conv.get_structure_hook(cls),
            conv.get_unstructure_hook(cls),
            error,
            getattr(cls, "id", None) is _EVENT_ID,
            self.reader(cls),
            fast_fields,
            self.text_writer(cls) if error is None else None,
        )
        if codec.fast_text is not None:
            self.text_of[cls] = codec.fast_text
        self.by_tag[cls.type] = codec
        self.by_class[cls] = codec
        return codec


_state: _State | None = None


def _get_state() -> _State:
    global _state
    state = _state
    if state is None:
        state = _state = _State()
    return state


def _reset() -> None:
    global _state
    _state = None


registry.on_change(_reset)


def converter() -> cattrs.Converter:
    """The shared converter (rebuilt after the registry changes)."""
    return _get_state().converter


# -- writing -------------------------------------------------------------------


def _refuse(value: Any) -> NoReturn:
    if isinstance(value, Event):
        cls = type(value)
        raise TypeError(
            f"cannot write {cls.__qualname__}: its type tag {getattr(cls, 'type', None)!r} "
            "is not registered (tradeevents.registry.register_event_type)"
        )
    raise TypeError(f"cannot write {type(value).__qualname__}: not a tradeevents event")


def to_dict(event: Event) -> Unstructured:
    """The JSON form of *event*: ``id``, ``type``, then its fields in class order."""
    codec = _get_state().codec_for_class(type(event))
    if codec is None:
        _refuse(event)
    if codec.error is not None:
        raise TypeError(codec.error)
    fields = codec.unstructure(event)
    return {"id": event.id, "type": codec.cls.type, **fields}


def to_dicts(events: Iterable[Event]) -> list[Unstructured]:
    """The JSON forms of *events*, in order."""
    if isinstance(events, Event):
        raise TypeError(
            f"a list of events is needed, not a single {type(events).__qualname__} "
            "(use to_dict for one event)"
        )
    state = _get_state()
    out = []
    for event in events:
        codec = state.by_class.get(type(event)) or state.codec_for_class(type(event))
        if codec is None:
            _refuse(event)
        if codec.error is not None:
            raise TypeError(codec.error)
        fields = codec.unstructure(event)
        # the date's canonical text is in the fields already: the id need not redo it
        uid = _content_id(event, fields["date"]) if codec.plain_id else event.id
        out.append({"id": uid, "type": codec.cls.type, **fields})
    return out


class _Unwritten(Exception):
    """A value the fast writers do not know: the reference path writes the events."""


def _fast_state(events: list[Any], orjson: bool) -> _State | None:
    """The state, if every one of *events* is an event the fast writers know."""
    state = _get_state()
    known = state.fields_of if orjson else state.text_of
    for event in events:
        if type(event) not in known:
            codec = state.codec_for_class(type(event)) if isinstance(event, Event) else None
            if codec is None or (codec.fast_fields if orjson else codec.fast_text) is None:
                return None
    return state


def fast_json(events: list[Any], orjson: Any = None) -> str | None:
    """The compact JSON array of *events*, written by the fast text writers (or by
    *orjson*, the module, with the fast writers' ``default=``): the bytes of
    ``json.dumps(to_dicts(events), ...)`` (or of orjson's). ``None`` when the
    reference path must write (a class or a value the fast writers do not know,
    a non-event)."""
    state = _fast_state(events, orjson is not None)
    if state is None:
        return None
    if orjson is None:
        text_of = state.text_of
        return "[" + ",".join([text_of[type(event)](event) for event in events]) + "]"
    try:
        return orjson.dumps(events, default=state._default).decode()  # type: ignore[no-any-return]
    except (_Unwritten, TypeError, ValueError):  # orjson wraps what default= raises
        return None


def fast_json_lines(events: list[Any], orjson: Any = None) -> list[str] | None:
    """One compact JSON text per event, as :func:`fast_json`; ``None`` likewise."""
    state = _fast_state(events, orjson is not None)
    if state is None:
        return None
    if orjson is None:
        text_of = state.text_of
        return [text_of[type(event)](event) for event in events]
    try:
        dump = orjson.dumps
        default = state._default
        return [dump(event, default=default).decode() for event in events]
    except (_Unwritten, TypeError, ValueError):  # orjson wraps what default= raises
        return None


def _attrs_classes_in(tp: Any) -> Iterator[type]:
    if isinstance(tp, type) and attrs.has(tp):
        yield tp
    for arg in typing.get_args(tp):
        yield from _attrs_classes_in(arg)


# -- reading -------------------------------------------------------------------


def from_dict(data: Any, path: str = "$", *, lineno: int | None = None) -> Event:
    """The event whose JSON form is *data*; :class:`LoadError` naming *path* when it is bad."""
    state = _get_state()
    if type(data) is dict:
        tag = data.get("type")
        if type(tag) is str:
            codec = state.by_tag.get(tag) or state.codec_for_tag(tag)
            if codec is not None:
                if codec.fast_structure is not None:
                    try:
                        return codec.fast_structure(data)
                    except Exception:  # the reference path below decides
                        pass
                try:
                    return codec.structure(data, codec.cls)
                except Exception as exc:  # explained below
                    raise _explain_event(state, data, path, lineno, exc) from None
    raise _explain_event(state, data, path, lineno, None)


def from_dicts(data: Any, path: str = "$", *, lineno: int | None = None) -> list[Event]:
    """The events of a list of JSON forms; :class:`LoadError` naming the bad item's path."""
    if type(data) is not list:
        raise LoadError(f"expected a list of events, not {describe(data)}", path, lineno=lineno)
    state = _get_state()
    by_tag = state.by_tag
    out: list[Event] = []
    append = out.append
    for index, item in enumerate(data):
        if type(item) is dict:
            tag = item.get("type")
            codec = by_tag.get(tag) if type(tag) is str else None
            if codec is not None:
                fast = codec.fast_structure
                if fast is not None:
                    try:
                        append(fast(item))
                        continue
                    except Exception:  # the reference path below decides
                        pass
                try:
                    append(codec.structure(item, codec.cls))
                    continue
                except Exception:  # the slow path below explains
                    pass
        append(from_dict(item, f"{path}[{index}]", lineno=lineno))
    return out


# -- the error path ------------------------------------------------------------


class _Bad(Exception):
    def __init__(self, path: str, msg: str) -> None:
        self.path = path
        self.msg = msg


def describe(value: Any) -> str:
    """How a JSON value is named in messages: ``a string 'x'``, ``an object``, ``null``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"a boolean ({'true' if value else 'false'})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"a string {shown!r}"
    if isinstance(value, (int, float)):
        return f"a number ({value!r})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__qualname__}"


def _explain_event(
    state: _State, data: Any, path: str, lineno: int | None, exc: BaseException | None
) -> LoadError:
    try:
        if type(data) is not dict:
            raise _Bad(path, f"expected an event object, not {describe(data)}")
        if "type" not in data:
            raise _Bad(f"{path}.type", "required field is missing (every event has a type tag)")
        tag = data["type"]
        if type(tag) is not str:
            raise _Bad(f"{path}.type", f"expected a string, not {describe(tag)}")
        codec = state.codec_for_tag(tag)
        if codec is None:
            known = ", ".join(sorted(state.types))
            raise _Bad(f"{path}.type", f"unknown event type {tag!r} (registered: {known})")
        _explain_object(data, codec.cls, path)
    except _Bad as bad:
        return LoadError(bad.msg, bad.path, lineno=lineno)
    except RecursionError:
        return LoadError("nested too deeply", path, lineno=lineno)
    # The explainer found nothing: report the fast path's own complaint.
    detail = f"{type(exc).__name__}: {exc}" if exc is not None else "cannot be read"
    return LoadError(f"invalid event ({detail})", path, lineno=lineno)


def _strip_name(msg: str, name: str) -> str:
    prefix = f"{name}: "
    return msg[len(prefix) :] if msg.startswith(prefix) else msg


def _explain_value(value: Any, tp: Any, path: str) -> Any:
    """Structure *value* as *tp*, raising :class:`_Bad` with a path and a message."""
    inner = _optional_of(tp)
    if inner is not None:
        return None if value is None else _explain_value(value, inner, path)
    if tp is str:
        if type(value) is not str:
            raise _Bad(path, f"expected a string, not {describe(value)}")
        return value
    if tp is float:
        if type(value) is int:
            return float(value)
        if type(value) is not float:
            raise _Bad(path, f"expected a number, not {describe(value)}")
        return value
    if tp is int:
        if type(value) is not int:
            raise _Bad(path, f"expected an integer, not {describe(value)}")
        return value
    if tp is bool:
        if type(value) is not bool:
            raise _Bad(path, f"expected true or false, not {describe(value)}")
        return value
    if tp is EventDate:
        if type(value) is not str:
            raise _Bad(path, f"expected a date string such as '2021-11-17', not {describe(value)}")
        try:
            return EventDate.parse(value)
        except ValueError as exc:
            raise _Bad(path, str(exc)) from None
    item = _sequence_of(tp)
    if item is not None:
        if type(value) is not list:
            raise _Bad(path, f"expected a list, not {describe(value)}")
        return tuple([_explain_value(x, item, f"{path}[{i}]") for i, x in enumerate(value)])
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        for member in tp:
            if type(value) is type(member.value) and value == member.value:
                return member
        allowed = ", ".join(repr(m.value) for m in tp)
        raise _Bad(path, f"expected one of {allowed}, not {describe(value)}")
    if isinstance(tp, type) and attrs.has(tp):
        return _explain_object(value, tp, path)
    raise _Bad(path, f"cannot read a value of type {type_name(tp)}")  # pragma: no cover


def _explain_object(value: Any, cls: type, path: str) -> Any:
    if type(value) is not dict:
        raise _Bad(path, f"expected an object, not {describe(value)}")
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    raw: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if not field.init:
            continue
        name = field.name
        if name not in value:
            if field.default is attrs.NOTHING:
                raise _Bad(f"{path}.{name}", "required field is missing")
            continue
        raw[name] = value[name]
        kwargs[field.alias] = _explain_value(value[name], hints[name], f"{path}.{name}")
    try:
        return cls(**kwargs)
    except (ValueError, TypeError) as exc:
        _locate(cls, kwargs, raw, path, exc)


def _locate(
    cls: type, kwargs: dict[str, Any], raw: dict[str, Any], path: str, exc: Exception
) -> NoReturn:
    """Find the field whose converter or validator rejects its value; raise :class:`_Bad` there."""
    stand_in = types.SimpleNamespace(**{f.name: kwargs.get(f.alias) for f in attrs.fields(cls)})
    for field in attrs.fields(cls):
        if field.alias not in kwargs:
            continue
        value = kwargs[field.alias]
        convert = field.converter if callable(field.converter) else None
        check = field.validator
        if isinstance(value, tuple) and isinstance(raw.get(field.name), list):
            for index, item in enumerate(value):  # the element, at its index in the input
                try:
                    one = convert((item,)) if convert is not None else (item,)
                    if check is not None:
                        check(stand_in, field, one)
                except (ValueError, TypeError) as err:
                    msg = _strip_name(str(err), field.name)
                    raise _Bad(f"{path}.{field.name}[{index}]", msg) from None
        try:
            converted = convert(value) if convert is not None else value
            if check is not None:
                check(stand_in, field, converted)
        except (ValueError, TypeError) as err:
            raise _Bad(f"{path}.{field.name}", _strip_name(str(err), field.name)) from None
    raise _Bad(path, str(exc))
