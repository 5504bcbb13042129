"""File helpers shared by the serializers and the command line."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["write_atomic"]


def write_atomic(path: str | os.PathLike[str], chunks: Iterable[str], /) -> None:
    """Write *chunks* to *path* as UTF-8, all or nothing.

    The text goes to a temporary file in the same directory, which is flushed,
    synced and renamed over *path* only once every chunk is written: a failure
    half-way (an error raised by the iterable, a full disk, Ctrl-C) leaves any
    previous file at *path* as it was.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fp:
            for chunk in chunks:
                fp.write(chunk)
            fp.flush()
            os.fsync(fp.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
