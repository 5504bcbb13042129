"""Registries: event types (for the serializers) and parsers (for :func:`tradeevents.extract`).

Event types are keyed by their ``type`` tag. The built-in types of EVENTS.md are
always present; a user-defined event class (a subclass of
:class:`~tradeevents.model.Event` with its own ``type`` tag) becomes known to
every serializer, the JSON Schema and the text format once passed to
:func:`register_event_type`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from .model import Event, builtin_event_types

__all__ = [
    "event_class",
    "event_types",
    "on_change",
    "register_event_type",
    "unregister_event_type",
]

_E = TypeVar("_E", bound=type[Event])
_TAG = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")

_event_types: dict[str, type[Event]] = builtin_event_types()
_BUILTIN_TAGS = frozenset(_event_types)


def register_event_type(cls: _E) -> _E:
    """Make the event class *cls* known to the serializers; usable as a class decorator.

    *cls* must be an attrs class deriving from :class:`~tradeevents.model.Event`
    with a ``type`` tag (a lowercase slug) that no other registered class uses.
    Registering the same class twice is harmless.
    """
    if not (isinstance(cls, type) and issubclass(cls, Event) and "__attrs_attrs__" in cls.__dict__):
        raise TypeError(f"{cls!r} is not an attrs subclass of tradeevents.Event")
    tag = getattr(cls, "type", None)
    if not isinstance(tag, str) or not _TAG.fullmatch(tag):
        raise ValueError(
            f"{cls.__qualname__}.type must be a lowercase slug such as 'procurement', not {tag!r}"
        )
    known = _event_types.get(tag)
    if known is not None and known is not cls:
        raise ValueError(
            f"event type {tag!r} is already registered to {known.__module__}.{known.__qualname__}"
        )
    _event_types[tag] = cls
    _changed()
    return cls


def unregister_event_type(tag: str) -> None:
    """Forget a user-defined event type (built-in types cannot be removed)."""
    if tag in _BUILTIN_TAGS:
        raise ValueError(f"{tag!r} is a built-in event type")
    if _event_types.pop(tag, None) is None:
        raise KeyError(tag)
    _changed()


def event_types() -> dict[str, type[Event]]:
    """A copy of the registered event classes keyed by type tag (built-ins first)."""
    return dict(_event_types)


def event_class(tag: str) -> type[Event]:
    """The class registered for *tag*; :class:`KeyError` when there is none."""
    return _event_types[tag]


#: Callbacks run when the set of event types changes (serializers drop cached converters).
_listeners: list[Callable[[], None]] = []


def on_change(listener: Callable[[], None]) -> None:
    """Call *listener* whenever an event type is registered or removed (for caches)."""
    _listeners.append(listener)


def _changed() -> None:
    for listener in list(_listeners):
        listener()
