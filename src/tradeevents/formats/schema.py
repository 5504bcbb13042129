"""The JSON Schema (draft 2020-12) of the events' JSON form, generated from the classes.

The schema is built by walking :func:`attrs.fields` and the type hints of every
registered event class (:func:`tradeevents.registry.event_types`), so that a
user-registered class is described as soon as it is registered. The top level
is an array of events; each event is a ``oneOf`` over the event types,
discriminated by the ``type`` constant::

    >>> from tradeevents.formats import schema
    >>> schema.json_schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'

The schema describes the shapes that the readers accept (types, required
fields, enumerations, date syntax, jurisdiction code syntax); a few value
checks stay with the readers (a date that does not exist such as
``2021-02-30``, a code that is well formed but unknown).
"""

from __future__ import annotations

import copy
import enum
import functools
import json as _json
from typing import Any

import attrs

from .. import registry
from ..dates import EventDate
from ..model import Event
from ._converter import _hints, check_writable, type_name
from ._typehints import optional_of as _optional_of
from ._typehints import sequence_of as _sequence_of

__all__ = ["SCHEMA_ID", "dumps", "json_schema"]

#: The ``$id`` of the schema.
SCHEMA_ID = "https://tradeevents.readthedocs.io/schema/events.json"

_DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-Q[1-4]|-H[12])?$"
_CODE_PATTERN = r"^[A-Z]{2}$"
_SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_PHRASE_PATTERN = r"^\S([\s\S]*\S)?$"

#: Field descriptions and tighter string rules for the fields of EVENTS.md.
_DESCRIPTIONS = {
    "status": "Its phase as the text tells it.",
    "parties": "The jurisdictions principally involved (ISO 3166-1 alpha-2 codes and EU), sorted.",
    "date": "When it happened or is to happen, as a canonical date string; null when unknown.",
    "instruments": "The legal authorities or trade-remedy kinds named, as sorted slugs.",
    "products": "The goods or sectors named, as sorted lowercase singular nouns.",
    "officials": "People acting for a jurisdiction.",
    "topics": "Free phrases.",
    "evidence": "The sentence and its [start, end) character span in the input.",
    "confidence": "The extractor's belief in the event, from 0 to 1.",
    "source": "The document the event came from, where known.",
    "rates": "Tariff or duty rates.",
    "quota": "A quota volume.",
    "effective": "When the measure takes effect.",
    "expires": "When the measure expires.",
}
_ITEM_RULES: dict[str, dict[str, Any]] = {
    "parties": {"type": "string", "pattern": _CODE_PATTERN},
    "instruments": {"type": "string", "pattern": _SLUG_PATTERN},
    "products": {"type": "string", "pattern": _PHRASE_PATTERN},
    "topics": {"type": "string", "pattern": _PHRASE_PATTERN},
}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def type_schema(self, tp: Any) -> dict[str, Any]:
        inner = _optional_of(tp)
        if inner is not None:
            return {"anyOf": [self.type_schema(inner), {"type": "null"}]}
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is float:
            return {"type": "number"}
        if tp is EventDate:
            return self.ref("date")
        item = _sequence_of(tp)
        if item is not None:
            return {"type": "array", "items": self.type_schema(item)}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            name = tp.__name__
            if name not in self.defs:
                self.defs[name] = {
                    "enum": [m.value for m in tp],
                    "description": _first_line(tp.__doc__),
                }
            return self.ref(name)
        if isinstance(tp, type) and attrs.has(tp):
            name = tp.__name__
            if name not in self.defs:
                self.defs[name] = {}  # a placeholder against recursion
                self.defs[name] = self.object_schema(tp)
            return self.ref(name)
        raise TypeError(f"no JSON Schema for type {type_name(tp)}")  # pragma: no cover

    def object_schema(self, cls: type, leading: dict[str, Any] | None = None) -> dict[str, Any]:
        properties: dict[str, Any] = dict(leading or {})
        required = [name for name in properties if name == "type"]
        hints = _hints(cls)
        is_event = issubclass(cls, Event)
        for field in attrs.fields(cls):
            if not field.init:
                continue
            schema = self.type_schema(hints[field.name])
            if is_event and field.name in _ITEM_RULES and schema.get("type") == "array":
                schema = {"type": "array", "items": _ITEM_RULES[field.name]}
            if is_event and field.name in _DESCRIPTIONS:
                schema = {**schema, "description": _DESCRIPTIONS[field.name]}
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        result: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            result["required"] = required
        doc = _first_line(cls.__doc__)
        if doc:
            result["description"] = doc
        return result


def _first_line(doc: str | None) -> str:
    return (doc or "").strip().split("\n\n")[0].replace("\n", " ")


@functools.cache
def _cached(types: tuple[tuple[str, type[Event]], ...]) -> dict[str, Any]:
    builder = _Builder()
    builder.defs["date"] = {
        "type": "string",
        "pattern": _DATE_PATTERN,
        "description": "A canonical date: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Hn.",
    }
    variants = []
    for tag, cls in types:
        check_writable(cls, cls.__name__)
        leading = {
            "id": {
                "type": "string",
                "description": "Derived from the content; ignored on reading.",
            },
            "type": {"const": tag},
        }
        name = f"{cls.__name__}Event" if cls.__name__ in builder.defs else cls.__name__
        builder.defs[name] = builder.object_schema(cls, leading)
        variants.append(builder.ref(name))
    tags = [tag for tag, _ in types]
    event = {
        "type": "object",
        "description": "One event, tagged by its type.",
        "required": ["type"],
        "properties": {"type": {"enum": tags}},
        "oneOf": variants,
    }
    builder.defs["Event"] = event
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "tradeevents events",
        "description": "A list of trade-policy events in the JSON form of EVENTS.md.",
        "type": "array",
        "items": builder.ref("Event"),
        "$defs": builder.defs,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a JSON document of events (a fresh copy; yours to change).

    Raises :class:`TypeError` when a registered event class has a field type the
    JSON form cannot hold.
    """
    return copy.deepcopy(_cached(tuple(registry.event_types().items())))


def dumps(*, indent: int | None = 2) -> str:
    """The schema as JSON text."""
    return _json.dumps(json_schema(), indent=indent, ensure_ascii=False)
