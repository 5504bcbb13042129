"""Pausing the cyclic garbage collector while a loader builds many small objects.

A whole-document load creates tens of thousands of tracked containers (dicts,
lists, tuples, events) that all survive: every collection on the way traverses
them again and finds nothing to free. Like orjson's and msgspec's users, the
loaders switch automatic collection off while they build, and back on at the
end (only if it was on, so a caller's own ``gc.disable()`` is respected).

Streaming readers (``iter_load``) do not use this: they hand control back to
the caller between events, and the collector must not stay off for an
unbounded time.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__: list[str] = []  # private module


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Automatic collection off for the ``with`` block; restored on the way out."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
