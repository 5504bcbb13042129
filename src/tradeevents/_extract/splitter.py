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

from bisect import bisect_left
from collections.abc import Iterator
from itertools import compress
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
    size = len(text)
    while i < n:
        nl = text.find("\n", starts[i])
        line_end = size if nl == -1 else nl
        lo = i
        i = bisect_left(starts, line_end, i)  # the first token on a later line
        yield Span(starts[lo], tokens.ends[i - 1], lo, i)


def sentences(
    text: str, tokens: Tokens, line: Span, abbreviations: frozenset[str]
) -> Iterator[Span]:
    """The sentences of one line."""
    norm = tokens.norm
    lo = line.lo
    hi = line.hi
    # the candidate ends, found in one C-level pass; the loop looks only at them
    for j in compress(range(lo, hi), map(_ENDERS.__contains__, norm[lo:hi])):
        if j < lo:
            continue  # taken with the closers of the sentence before
        k = j + 1
        while k < hi and norm[k] in _CLOSERS:
            k += 1
        if k < hi:
            first = text[tokens.starts[k]]
            starts_sentence = first.isupper() or first.isdigit() or first in "\"'“‘("
            if norm[j] == ".":
                prev = norm[j - 1] if j > lo else ""
                if prev in abbreviations or (len(prev) == 1 and prev.isalpha()):
                    continue  # "Nov. 17", "J. Smith"
            if not starts_sentence:
                continue
        yield Span(tokens.starts[lo], tokens.ends[k - 1], lo, k)
        lo = k
    if lo < hi:
        yield Span(tokens.starts[lo], tokens.ends[hi - 1], lo, hi)
