"""The event model: immutable, validated, typed values.

An event is one real-world occurrence in trade policy (EVENTS.md). Every event
type is its own frozen, slotted attrs class deriving from :class:`Event`; the
class attribute :attr:`Event.type` is the tag used by every serializer. Sets
(parties, instruments, products, officials, topics) are stored as sorted,
de-duplicated tuples so that equal events compare and hash equal.

This module does no I/O.
"""

from __future__ import annotations

import collections
import enum
import functools
import hashlib
import itertools
import math
import operator
import re
import types
from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar, TypeVar, cast

import attrs

from .dates import EventDate

__all__ = [
    "Agreement",
    "Dispute",
    "Event",
    "EventType",
    "Evidence",
    "ExportControl",
    "ImportRestriction",
    "Investigation",
    "Legislation",
    "MeasureEvent",
    "Meeting",
    "Negotiation",
    "Official",
    "Quota",
    "Rate",
    "RateQualifier",
    "Sanction",
    "Status",
    "Tariff",
    "TradeRemedy",
    "Visit",
    "builtin_event_types",
]


class EventType(str, enum.Enum):
    """The event types of EVENTS.md."""

    AGREEMENT = "agreement"
    NEGOTIATION = "negotiation"
    MEETING = "meeting"
    VISIT = "visit"
    TARIFF = "tariff"
    TRADE_REMEDY = "trade-remedy"
    EXPORT_CONTROL = "export-control"
    SANCTION = "sanction"
    IMPORT_RESTRICTION = "import-restriction"
    DISPUTE = "dispute"
    INVESTIGATION = "investigation"
    LEGISLATION = "legislation"

    def __str__(self) -> str:
        return self.value


class Status(str, enum.Enum):
    """The phase of an event as the text tells it (a closed vocabulary)."""

    PLANNED = "planned"
    ANNOUNCED = "announced"
    CONCLUDED = "concluded"
    IN_EFFECT = "in-effect"
    ENDED = "ended"

    def __str__(self) -> str:
        return self.value


class RateQualifier(str, enum.Enum):
    """How a rate is bounded in the text: "25%", "up to 73.6%", "at least 10%"."""

    EXACT = "exact"
    UP_TO = "up-to"
    AT_LEAST = "at-least"

    def __str__(self) -> str:
        return self.value


# -- validators and converters -------------------------------------------------
#
# One plain function per field, each doing its isinstance and value checks
# inline, with fast paths for the common values (None, the empty tuple, an
# already canonical tuple): attrs' composed validators (``optional``,
# ``deep_iterable``, lists of validators) cost a Python call per layer and per
# item, which dominated loading. The messages are those of attrs' own
# validators (``'date' must be <class ...> (got ...)``) and of the checks below.

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_T = TypeVar("_T")


def _not_instance(attribute: attrs.Attribute[Any], expected: type, value: Any) -> TypeError:
    """The error of ``attrs.validators.instance_of(expected)``, word for word."""
    msg = f"'{attribute.name}' must be {expected!r} (got {value!r} that is a {value.__class__!r})."
    return TypeError(msg, attribute, expected, value)


def _is_phrase(value: str) -> bool:
    """Non-empty, no whitespace at either end (``str.isspace`` is the regex ``\\s``)."""
    return bool(value) and not value[0].isspace() and not value[-1].isspace()


def _sort_key(item: Any) -> Any:
    fields = getattr(type(item), "__attrs_attrs__", None)
    if fields is not None:
        return tuple(_sort_key(getattr(item, f.name)) for f in fields)
    if item is None:
        return ""
    if isinstance(item, enum.Enum):
        return item.value
    return item


def _sorted_unique(items: Iterable[_T]) -> tuple[_T, ...]:
    """The canonical form of a set-like field: a sorted tuple without repeats."""
    if isinstance(items, (str, bytes)):
        raise TypeError(f"a sequence of values is needed, not a single {type(items).__name__}")
    unique = set(items)
    if len(unique) < 2:
        return tuple(unique)
    try:
        if all(type(item) is str for item in unique):
            return tuple(sorted(unique))  # type: ignore[type-var]  # strings order
        return tuple(sorted(unique, key=_sort_key))
    except TypeError:
        raise TypeError("the values of a set-like field must be of one kind") from None


def _str_set(items: Iterable[str]) -> tuple[str, ...]:
    """:func:`_sorted_unique` for a set of strings, typed; canonical tuples pass through."""
    if type(items) is tuple:
        size = len(items)
        if size == 0:
            return items
        if size == 1:
            if type(items[0]) is str:
                return items
        elif size == 2:
            first, second = items
            if type(first) is str and type(second) is str:
                if first < second:
                    return items
                if second < first:
                    return (second, first)
    return _sorted_unique(items)


def _official_set(items: Iterable[Official]) -> tuple[Official, ...]:
    """:func:`_sorted_unique` for officials, typed; the empty and one-item tuples pass through."""
    if type(items) is tuple and (not items or (len(items) == 1 and type(items[0]) is Official)):
        return items
    return _sorted_unique(items)


def _rate_set(items: Iterable[Rate]) -> tuple[Rate, ...]:
    """:func:`_sorted_unique` for rates, typed; the empty and one-item tuples pass through."""
    if type(items) is tuple and (not items or (len(items) == 1 and type(items[0]) is Rate)):
        return items
    return _sorted_unique(items)


def _to_status(value: Status | str) -> Status:
    return value if type(value) is Status else Status(value)


def _to_qualifier(value: RateQualifier | str) -> RateQualifier:
    return value if type(value) is RateQualifier else RateQualifier(value)


@functools.cache
def _known_codes() -> frozenset[str]:
    from .jurisdictions import default_table  # lazy: the table loads on first use

    return default_table().codes


def _check_codes(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if not value:
        return
    codes = _known_codes()
    for code in value:
        if code not in codes:
            if not isinstance(code, str):
                raise TypeError(
                    f"{attribute.name}: jurisdiction codes are strings, not {type(code).__name__}"
                )
            raise ValueError(f"{attribute.name}: unknown jurisdiction code {code!r}")


def _check_optional_code(
    instance: object, attribute: attrs.Attribute[Any], value: str | None
) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise _not_instance(attribute, str, value)
    if value not in _known_codes():
        raise ValueError(f"{attribute.name}: unknown jurisdiction code {value!r}")


def _check_slugs(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    fullmatch = _SLUG.fullmatch
    for slug in value:
        if not isinstance(slug, str) or not fullmatch(slug):
            raise ValueError(
                f"{attribute.name}: {slug!r} is not a lowercase slug such as 'section-232'"
            )


def _check_products(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    for product in value:
        if not isinstance(product, str) or not _is_phrase(product) or product != product.lower():
            raise ValueError(
                f"{attribute.name}: {product!r} is not a lowercase noun without surrounding spaces"
            )
        if "\n" in product or "\r" in product:
            raise ValueError(f"{attribute.name}: {product!r} spans lines")


def _check_phrases(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    for phrase in value:
        if not isinstance(phrase, str) or not _is_phrase(phrase):
            raise ValueError(f"{attribute.name}: {phrase!r} is empty or has surrounding spaces")


def _check_phrase(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """A string, non-empty, without surrounding whitespace."""
    if not isinstance(value, str):
        raise _not_instance(attribute, str, value)
    if not _is_phrase(value):
        raise ValueError(f"{attribute.name}: {value!r} is empty or has surrounding spaces")


def _check_optional_phrase(
    instance: object, attribute: attrs.Attribute[Any], value: str | None
) -> None:
    if value is not None:
        _check_phrase(instance, attribute, value)


def _check_str(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str):
        raise _not_instance(attribute, str, value)


def _check_optional_str(
    instance: object, attribute: attrs.Attribute[Any], value: str | None
) -> None:
    if value is not None and not isinstance(value, str):
        raise _not_instance(attribute, str, value)


def _check_offset(instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if not isinstance(value, int):
        raise _not_instance(attribute, int, value)
    if value < 0:
        raise ValueError(f"'{attribute.name}' must be >= 0: {value}")


def _check_amount(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if not isinstance(value, float):
        raise _not_instance(attribute, float, value)
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{attribute.name}: must be a finite number >= 0, not {value!r}")


def _check_confidence(
    instance: object, attribute: attrs.Attribute[Any], value: float | None
) -> None:
    if value is None:
        return
    if not isinstance(value, float):
        raise _not_instance(attribute, float, value)
    if not (0.0 <= value <= 1.0):
        raise ValueError(f"{attribute.name}: must be between 0 and 1, not {value!r}")


def _optional_instance_of(expected: type) -> Callable[[object, attrs.Attribute[Any], Any], None]:
    """``attrs.validators.optional(instance_of(expected))`` in one call, with the same message."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and not isinstance(value, expected):
            raise _not_instance(attribute, expected, value)

    check.__name__ = check.__qualname__ = f"_check_optional_{expected.__name__.lower()}"
    return check


def _items_of(expected: type) -> Callable[[object, attrs.Attribute[Any], Any], None]:
    """``attrs.validators.deep_iterable(instance_of(expected))`` in one call, same message."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        for item in value:
            if not isinstance(item, expected):
                raise _not_instance(attribute, expected, item)

    check.__name__ = check.__qualname__ = f"_check_{expected.__name__.lower()}_items"
    return check


def _to_float(value: Any) -> Any:
    # ints are accepted for convenience (Rate(25)); bools are not numbers here.
    if type(value) is float:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _to_optional_float(value: Any) -> Any:
    if value is None or type(value) is float:
        return value
    return _to_float(value)


# -- value types ---------------------------------------------------------------


@attrs.frozen
class Official:
    """A person acting for a jurisdiction: ``Official("Gina Raimondo", "Commerce Secretary", "US")``."""

    name: str = attrs.field(validator=_check_phrase)
    title: str | None = attrs.field(default=None, validator=_check_optional_phrase)
    jurisdiction: str | None = attrs.field(default=None, validator=_check_optional_code)


def _check_end(instance: Evidence, attribute: attrs.Attribute[int], value: int) -> None:
    _check_offset(instance, attribute, value)
    if value < instance.start:
        raise ValueError(f"end ({value}) must not be before start ({instance.start})")


@attrs.frozen
class Evidence:
    """Where the text says it: the sentence and its ``[start, end)`` character span in the input."""

    text: str = attrs.field(validator=_check_str)
    start: int = attrs.field(validator=_check_offset)
    end: int = attrs.field(validator=_check_end)


@attrs.frozen
class Rate:
    """A tariff or duty rate: ``Rate(25.0)`` is 25%, ``Rate(73.6, qualifier=RateQualifier.UP_TO)``
    is "up to 73.6%"."""

    value: float = attrs.field(converter=_to_float, validator=_check_amount)
    unit: str = attrs.field(default="%", validator=_check_phrase)
    qualifier: RateQualifier = attrs.field(default=RateQualifier.EXACT, converter=_to_qualifier)

    def __str__(self) -> str:
        number = f"{self.value:g}"
        unit = self.unit if self.unit == "%" else f" {self.unit}"
        prefix = {
            RateQualifier.EXACT: "",
            RateQualifier.UP_TO: "up to ",
            RateQualifier.AT_LEAST: "at least ",
        }
        return f"{prefix[self.qualifier]}{number}{unit}"


@attrs.frozen
class Quota:
    """A quota volume: ``Quota(3_300_000, "metric ton")``."""

    amount: float = attrs.field(converter=_to_float, validator=_check_amount)
    unit: str = attrs.field(validator=_check_phrase)


_check_optional_date = _optional_instance_of(EventDate)
_check_optional_evidence = _optional_instance_of(Evidence)
_check_optional_quota = _optional_instance_of(Quota)
_check_official_items = _items_of(Official)
_check_rate_items = _items_of(Rate)


# -- events --------------------------------------------------------------------


class _IdCache:
    """A hidden slot for :attr:`Event.id`, computed on first use (events are immutable).

    A plain slotted base class rather than an attrs field: the slot is no field
    (not in ``attrs.fields``, ``asdict``, ``==``, ``hash``, ``repr`` or pickles).
    """

    __slots__ = ("_id_cache",)
    _id_cache: str


@attrs.frozen(kw_only=True)
class Event(_IdCache):
    """The fields every event has. Do not instantiate: use a subclass such as :class:`Agreement`.

    ``parties``, ``instruments``, ``products``, ``officials`` and ``topics`` are sets
    in meaning; they are stored sorted and de-duplicated. ``date`` is ``None``
    when the text gives none. ``confidence`` is the extractor's belief in the
    event (``None`` for events not made by an extractor); ``source`` names the
    document the event came from, where known.
    """

    #: The type tag, as in EVENTS.md (``"agreement"``, ...); set on every subclass.
    type: ClassVar[str]

    status: Status = attrs.field(converter=_to_status)  # always a Status: no validator needed
    parties: tuple[str, ...] = attrs.field(
        factory=tuple, converter=_str_set, validator=_check_codes
    )
    date: EventDate | None = attrs.field(default=None, validator=_check_optional_date)
    instruments: tuple[str, ...] = attrs.field(
        factory=tuple, converter=_str_set, validator=_check_slugs
    )
    products: tuple[str, ...] = attrs.field(
        factory=tuple, converter=_str_set, validator=_check_products
    )
    officials: tuple[Official, ...] = attrs.field(
        factory=tuple, converter=_official_set, validator=_check_official_items
    )
    topics: tuple[str, ...] = attrs.field(
        factory=tuple, converter=_str_set, validator=_check_phrases
    )
    evidence: Evidence | None = attrs.field(default=None, validator=_check_optional_evidence)
    confidence: float | None = attrs.field(
        default=None, converter=_to_optional_float, validator=_check_confidence
    )
    source: str | None = attrs.field(default=None, validator=_check_optional_str)

    def __attrs_pre_init__(self) -> None:
        if getattr(type(self), "type", None) is None:
            raise TypeError(
                f"{type(self).__name__} has no 'type' tag: instantiate an event subclass"
            )

    @property
    def id(self) -> str:
        """A stable id derived from the content: type, the scored fields and the evidence span.

        The same event from the same text always gets the same id; ``source``,
        ``confidence`` and descriptive fields do not enter it. Computed once per
        event (the event is immutable) and kept.
        """
        try:
            return self._id_cache
        except AttributeError:
            pass
        date = self.date
        return _content_id(self, None if date is None else str(date))

    def replace(self, **changes: Any) -> Any:
        """A copy with *changes* applied (``attrs.evolve``), validated like a new event."""
        return attrs.evolve(self, **changes)


@attrs.frozen(kw_only=True)
class MeasureEvent(Event):
    """An event that sets a measure: rates, a quota, the day it takes effect and the day it expires."""

    rates: tuple[Rate, ...] = attrs.field(
        factory=tuple, converter=_rate_set, validator=_check_rate_items
    )
    quota: Quota | None = attrs.field(default=None, validator=_check_optional_quota)
    effective: EventDate | None = attrs.field(default=None, validator=_check_optional_date)
    expires: EventDate | None = attrs.field(default=None, validator=_check_optional_date)


@attrs.frozen(kw_only=True)
class Agreement(Event):
    """Trade agreements, partnerships, frameworks, deals, arrangements, memoranda."""

    type: ClassVar[str] = EventType.AGREEMENT.value


@attrs.frozen(kw_only=True)
class Negotiation(Event):
    """Talks, negotiations, consultations and dialogues aimed at an outcome."""

    type: ClassVar[str] = EventType.NEGOTIATION.value


@attrs.frozen(kw_only=True)
class Meeting(Event):
    """A meeting, summit, ministerial, call, or series of meetings."""

    type: ClassVar[str] = EventType.MEETING.value


@attrs.frozen(kw_only=True)
class Visit(Event):
    """An official trip by officials of one jurisdiction to a place."""

    type: ClassVar[str] = EventType.VISIT.value


@attrs.frozen(kw_only=True)
class Tariff(MeasureEvent):
    """Tariffs and duties other than trade remedies, and tariff-rate quotas."""

    type: ClassVar[str] = EventType.TARIFF.value


@attrs.frozen(kw_only=True)
class TradeRemedy(MeasureEvent):
    """Antidumping, countervailing and safeguard cases: investigations, determinations, orders."""

    type: ClassVar[str] = EventType.TRADE_REMEDY.value


@attrs.frozen(kw_only=True)
class ExportControl(MeasureEvent):
    """Export controls, licensing requirements, entity-list actions."""

    type: ClassVar[str] = EventType.EXPORT_CONTROL.value


@attrs.frozen(kw_only=True)
class Sanction(MeasureEvent):
    """Economic sanctions imposed or lifted."""

    type: ClassVar[str] = EventType.SANCTION.value


@attrs.frozen(kw_only=True)
class ImportRestriction(MeasureEvent):
    """Import bans, quotas other than TRQs, detentions, withhold-release orders."""

    type: ClassVar[str] = EventType.IMPORT_RESTRICTION.value


@attrs.frozen(kw_only=True)
class Dispute(Event):
    """WTO or agreement dispute steps: consultations, panels, rulings, appeals."""

    type: ClassVar[str] = EventType.DISPUTE.value


@attrs.frozen(kw_only=True)
class Investigation(Event):
    """A government investigation of trade practices opened or concluded."""

    type: ClassVar[str] = EventType.INVESTIGATION.value


@attrs.frozen(kw_only=True)
class Legislation(Event):
    """A law or regulation on trade proposed, passed, signed, or in force."""

    type: ClassVar[str] = EventType.LEGISLATION.value


def _content_id(event: Event, date: str | None) -> str:
    """:attr:`Event.id` given the canonical text of the event's date (the serializers
    have it already)."""
    evidence = event.evidence
    tag = event.type
    key = (
        tag,
        event.status.value,
        event.parties,
        date,
        event.instruments,
        event.products,
        None if evidence is None else (evidence.start, evidence.end),
    )
    # repr() of a tuple of str, int and None is stable across Python versions.
    digest = hashlib.blake2b(repr(key).encode("utf-8", "surrogatepass"), digest_size=8)
    uid = f"{tag}-{digest.hexdigest()}"
    if type(event).id is _EVENT_ID:  # a subclass that overrides ``id`` keeps its own
        _set_id_cache(event, uid)
    return uid


_EVENT_ID = Event.__dict__["id"]
_set_id_cache = _IdCache.__dict__["_id_cache"].__set__


_BUILTIN: tuple[type[Event], ...] = (
    Agreement,
    Negotiation,
    Meeting,
    Visit,
    Tariff,
    TradeRemedy,
    ExportControl,
    Sanction,
    ImportRestriction,
    Dispute,
    Investigation,
    Legislation,
)


def builtin_event_types() -> dict[str, type[Event]]:
    """The built-in event classes keyed by their type tag, in EVENTS.md order."""
    return {cls.type: cls for cls in _BUILTIN}


# -- trusted construction (internal) -------------------------------------------
#
# INTERNAL: for the library's own JSON readers (tradeevents.formats._fast), never
# for user code. A reader that has already checked every value the way
# the validators above do, and put it in the form the converters give, builds
# the instance through _trusted_new instead of the attrs __init__ (which would
# convert and check every value a second time). The readers find which checks
# a field needs in _FIELD_KINDS; a field or class they do not know goes through
# the public constructor as before. tests/test_fast_path.py checks that both
# ways give equal events with fields of the same types and values.

#: What a field's (validator, converter) pair checks and makes, for the readers.
_FIELD_KINDS: dict[tuple[Any, Any], str] = {
    (None, _to_status): "enum",
    (None, _to_qualifier): "enum",
    (_check_codes, _str_set): "codes",
    (_check_slugs, _str_set): "slugs",
    (_check_products, _str_set): "products",
    (_check_phrases, _str_set): "phrases",
    (_check_official_items, _official_set): "official_set",
    (_check_rate_items, _rate_set): "rate_set",
    (_check_optional_date, None): "optional_date",
    (_check_optional_evidence, None): "optional_object",
    (_check_optional_quota, None): "optional_object",
    (_check_confidence, _to_optional_float): "confidence",
    (_check_optional_str, None): "optional_str",
    (_check_str, None): "str",
    (_check_phrase, None): "phrase",
    (_check_optional_phrase, None): "optional_phrase",
    (_check_optional_code, None): "optional_code",
    (_check_offset, None): "offset",
    (_check_end, None): "end",
    (_check_amount, _to_float): "amount",
}
#: The validator run on each item of a set-like field of strings, by kind.
_STR_SET_CHECKS: dict[str, Callable[[object, attrs.Attribute[Any], Any], None]] = {
    "codes": _check_codes,
    "slugs": _check_slugs,
    "products": _check_products,
    "phrases": _check_phrases,
}


def _field_kind(attribute: attrs.Attribute[Any]) -> str | None:
    """The kind of *attribute* in :data:`_FIELD_KINDS`; ``"plain"`` for a field with
    neither validator nor converter; ``None`` for any other."""
    validator = attribute.validator
    converter = attribute.converter
    if validator is None and converter is None:
        return "plain"
    try:
        return _FIELD_KINDS.get((validator, converter))
    except TypeError:  # an unhashable validator or converter
        return None


def _is_trusted_buildable(cls: type) -> bool:
    """Whether :func:`_trusted_new` may build *cls*: an attrs class whose ``__init__``
    does nothing but set its fields (after :class:`Event`'s tag check)."""
    if not attrs.has(cls) or "__attrs_init__" in dir(cls):
        return False
    if getattr(cls, "__attrs_post_init__", None) is not None:
        return False
    pre_init = getattr(cls, "__attrs_pre_init__", None)
    if pre_init is not None and pre_init is not Event.__attrs_pre_init__:
        return False
    if issubclass(cls, Event) and not isinstance(getattr(cls, "type", None), str):
        return False
    return all(field.init for field in attrs.fields(cls))


@functools.cache
def _trusted_new(cls: type[_T]) -> Callable[[Sequence[Any]], _T]:
    """INTERNAL. A function building a *cls* from the values of all its fields, in
    field order, with no converter and no validator run.

    Only for values already checked and converted exactly as the public
    constructor would (see :data:`_FIELD_KINDS`); :class:`TypeError` for a class
    it cannot build (check :func:`_is_trusted_buildable` first). The fields are
    set as attrs' own ``__init__`` sets them, with ``object.__setattr__`` (the
    class is frozen), here in one ``map`` run to its end by ``any`` (each setter
    returns ``None``).
    """
    if not _is_trusted_buildable(cls):
        raise TypeError(f"{cls.__qualname__} cannot be built without its __init__")
    names = tuple(field.name for field in attrs.fields(cast(Any, cls)))
    count = len(names)
    new = object.__new__
    call = getattr(operator, "call", None)  # Python 3.11+
    slots = [_slot(cls, name) for name in names]
    if call is not None and all(slot is not None for slot in slots):
        # the slots' own setters, called from map: no attribute lookup per field
        setters = [slot.__set__ for slot in slots]
        repeat = itertools.repeat

        def trusted_new(values: Sequence[Any]) -> _T:
            if len(values) != count:
                raise TypeError(f"{cls.__qualname__} has {count} fields, not {len(values)}")
            self = new(cls)
            # any() runs the setters to the end (each returns None) without a deque
            any(map(call, setters, repeat(self, count), values))
            return self

        return trusted_new
    setattr_ = object.__setattr__

    def trusted_new_by_name(values: Sequence[Any]) -> _T:
        if len(values) != count:
            raise TypeError(f"{cls.__qualname__} has {count} fields, not {len(values)}")
        self = new(cls)
        collections.deque(map(setattr_, itertools.repeat(self, count), names, values), 0)
        return self

    return trusted_new_by_name


def _slot(cls: type, name: str) -> Any:
    """The slot descriptor of attribute *name* of *cls*, or ``None`` (not a slot)."""
    for klass in cls.__mro__:
        if name in klass.__dict__:
            found = klass.__dict__[name]
            return found if isinstance(found, types.MemberDescriptorType) else None
    return None
