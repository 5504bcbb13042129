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
from itertools import compress, repeat
from operator import or_
from typing import NamedTuple

from .tokens import Tokens

__all__ = ["Span", "lines", "sentences"]

_ENDERS = frozenset(".!?")
#: Capitalised words that open a sentence and rarely follow "U.S." inside one.
_OPENERS = frozenset(
    {
        "The",
        "A",
        "An",
        "It",
        "Its",
        "This",
        "That",
        "These",
        "Those",
        "He",
        "She",
        "They",
        "We",
        "But",
        "However",
        "Meanwhile",
        "In",
        "On",
        "At",
        "Officials",
        "There",
    }
)
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
    # the candidate ends, found in one C-level pass; the loop looks only at them: full
    # stops, and dotted abbreviations ("U.S.") that may close a sentence as well
    window = norm[lo:hi]
    marks = map(or_, map(_ENDERS.__contains__, window), map(str.endswith, window, repeat(".")))
    for j in compress(range(lo, hi), marks):
        if j < lo:
            continue  # taken with the closers of the sentence before
        if norm[j] not in _ENDERS:
            # "... parcel shipments to the U.S. The statutory exemption ...": a dotted
            # abbreviation ends a sentence before a word that only opens one
            if j + 1 < hi and text[tokens.starts[j + 1] : tokens.ends[j + 1]] in _OPENERS:
                yield Span(tokens.starts[lo], tokens.ends[j], lo, j + 1)
                lo = j + 1
            continue
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
