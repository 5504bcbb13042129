"""Reading the type hints of event fields: shared by the converter and the fast path."""

from __future__ import annotations

import types
import typing
from typing import Any

__all__: list[str] = []  # private module

NONE = type(None)


def optional_of(tp: Any) -> Any | None:
    """``X`` for ``X | None`` (or ``Optional[X]``), else ``None``."""
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        args = typing.get_args(tp)
        if len(args) == 2 and NONE in args:
            return args[0] if args[1] is NONE else args[1]
    return None


def sequence_of(tp: Any) -> Any | None:
    """``X`` for ``tuple[X, ...]``, else ``None``."""
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return args[0]
    return None
