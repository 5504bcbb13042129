"""Lines and sentences over the token stream.

A line break always ends a sentence (headings, datelines, captions and list
items stand alone). Within a line a sentence ends at ``.``, ``!`` or ``?``
(and any closing quotes or brackets after it) when the next token starts with
a capital, a digit or an opening quote, unless the token before the period is
a known abbreviation (``Nov.``, ``Dept.``, ``Inc.``, ``No.``) or a single
letter (an initial). Dotted abbreviations (``U.S.``) are single tokens and
never end a sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from .tokens import Tokens

__all__ = ["Span", "lines", "sentences"]

_ENDERS = frozenset(".!?")
_CLOSERS = frozenset("\"')]")


class Span(NamedTuple):
    """A run of tokens ``[lo, hi)`` and its character span ``[start, end)``."""

    start: int
    end: int
    lo: int
    hi: int


def lines(text: str, tokens: Tokens) -> Iterator[Span]:
    """The non-blank lines of *text* as token runs (a line without tokens is left out)."""
    starts = tokens.starts
    n = len(starts)
    i = 0
    pos = 0
    size = len(text)
    while i < n:
        nl = text.find("\n", starts[i])
        line_end = size if nl == -1 else nl
        lo = i
        while i < n and starts[i] < line_end:
            i += 1
        yield Span(starts[lo], tokens.ends[i - 1], lo, i)
        pos = line_end + 1
    del pos


def sentences(
    text: str, tokens: Tokens, line: Span, abbreviations: frozenset[str]
) -> Iterator[Span]:
    """The sentences of one line."""
    norm = tokens.norm
    lo = line.lo
    hi = line.hi
    j = lo
    while j < hi:
        tok = norm[j]
        if tok in _ENDERS:
            k = j + 1
            while k < hi and norm[k] in _CLOSERS:
                k += 1
            if k < hi and tok == ".":
                prev = norm[j - 1] if j > lo else ""
                first = text[tokens.starts[k]]
                if (
                    prev in abbreviations
                    or (len(prev) == 1 and prev.isalpha())
                    or not (first.isupper() or first.isdigit() or first in "\"'“‘(")
                ):
                    j += 1
                    continue
            elif k < hi:
                first = text[tokens.starts[k]]
                if not (first.isupper() or first.isdigit() or first in "\"'“‘("):
                    j += 1
                    continue
            yield Span(tokens.starts[lo], tokens.ends[k - 1], lo, k)
            lo = k
            j = k
            continue
        j += 1
    if lo < hi:
        yield Span(tokens.starts[lo], tokens.ends[hi - 1], lo, hi)
