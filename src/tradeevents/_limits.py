"""The ``max_bytes`` limit of the loaders: the size of a document, in UTF-8 bytes.

Every loader (``loads``, ``load``, ``load_path`` and the streaming ``iter_load``
of each format) takes ``max_bytes=None`` (no limit, the default) or an integer:
a document larger than that many bytes of UTF-8 is refused with the format's
own error before it is parsed (or, for streams, as soon as the lines read pass
the limit). Text is measured as the UTF-8 it would be written as; files are
read no further than the limit.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any

__all__: list[str] = []  # private module


def check_limit(max_bytes: int | None) -> None:
    """Refuse a *max_bytes* that is neither ``None`` nor an integer >= 0."""
    if max_bytes is None:
        return
    if type(max_bytes) is not int:
        raise TypeError(f"max_bytes must be None or an int, not {type(max_bytes).__name__}")
    if max_bytes < 0:
        raise ValueError(f"max_bytes must be >= 0, not {max_bytes}")


def size(text: str | bytes) -> int:
    """The size of *text* in bytes of UTF-8 (``len`` for bytes)."""
    if isinstance(text, (bytes, bytearray)) or text.isascii():  # isascii is O(1) for str
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))


def exceeds(text: str | bytes, max_bytes: int | None) -> bool:
    """Whether *text* is larger than *max_bytes* bytes of UTF-8 (cheaply, where it can tell)."""
    if max_bytes is None or len(text) * 4 <= max_bytes:
        return False
    return len(text) > max_bytes or size(text) > max_bytes


def message(max_bytes: int | None) -> str:
    return f"the document is larger than max_bytes={max_bytes} bytes"


def read(fp: IO[Any], max_bytes: int | None) -> str | bytes:
    """All of the file *fp* (text or binary), or its first ``max_bytes + 1`` characters or bytes.

    A result for which :func:`exceeds` holds means the file is too large.
    """
    data: str | bytes = fp.read() if max_bytes is None else fp.read(max_bytes + 1)
    return data


class Exceeded(Exception):
    """Raised by :func:`counted` when the lines read pass the limit; *lineno* is 1-based."""

    def __init__(self, lineno: int) -> None:
        self.lineno = lineno
        super().__init__(lineno)


def counted(lines: Iterable[Any], max_bytes: int | None) -> Iterator[Any]:
    """*lines*, raising :class:`Exceeded` at the line that takes the total past *max_bytes*."""
    if max_bytes is None:
        yield from lines
        return
    total = 0
    for lineno, line in enumerate(lines, 1):
        total += size(line)
        if total > max_bytes:
            raise Exceeded(lineno)
        yield line
