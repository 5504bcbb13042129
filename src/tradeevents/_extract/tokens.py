"""Normalisation and tokenization: one lowercase pass, one C-level regex pass.

The normalised text has exactly the length of the input, so every token span is
also a span of the original text: curly quotes and dashes map to their ASCII
forms one character for one, and a character whose lowercase form is longer
(``"İ"``) keeps its case.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import accumulate, compress, repeat
from operator import add, contains

__all__ = ["TOKEN", "Tokens", "normalize", "tokenize", "tokenize_phrase"]

#: A run of letters and digits, or one symbol. Inside a run, commas and dots join
#: letters and digits (``1,000``, ``73.6``, ``u.s``); a final dot belongs to the run
#: only where a dot also joins inside it (``u.s.``, but ``tariffs`` then ``.``). Every
#: separator decides its branch by the one character after it, so the pattern cannot
#: backtrack more than one character. The group makes ``split`` keep the tokens.
TOKEN = re.compile(r"([^\W_]+(?:,[^\W_]+)*(?:\.[^\W_]+(?:[.,][^\W_]+)*\.?)?|\S)")
#: A comma before a letter or digit: the text may have tokens joined by a comma. (It
#: opens with the literal comma, which the regex engine finds by a fast search.)
_JOINED = re.compile(r",[^\W_]")

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)


_FOLD_PAIRS = tuple((chr(old), new) for old, new in _FOLD.items())


#: Each non-ASCII character met so far, and what it folds to (itself if nothing).
_BASES: dict[str, str] = {}


def _base(char: str) -> str:
    """*char* without its accents ("é" -> "e", "ệ" -> "e"), or *char* itself when it is
    no letter with marks (so one character always stays one)."""
    parts = unicodedata.normalize("NFD", char)
    if len(parts) > 1 and parts[0].isascii() and all(map(unicodedata.combining, parts[1:])):
        return parts[0].lower()  # ("İ" keeps its case in lowering, not here)
    return char


def normalize(text: str) -> str:
    """Lowercase *text*, fold quotes and dashes and strip accents ("Việt Nam" reads as
    "viet nam", "Brasília" as "brasilia"), keeping its length."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    if lowered.isascii():
        return lowered  # (a flag of the string: nothing to fold)
    # one C-level search per folded character: far faster than str.translate, which
    # looks every character up in the table
    for old, new in _FOLD_PAIRS:
        if old in lowered:
            lowered = lowered.replace(old, new)
    for char in set(lowered):
        if not char.isascii():
            base = _BASES.get(char)
            if base is None:
                base = _BASES[char] = _base(char)
            if base != char:
                lowered = lowered.replace(char, base)
    return lowered


class Tokens:
    """The tokens of one text: parallel lists of normalised strings and spans."""

    __slots__ = ("ends", "norm", "starts")

    def __init__(self, norm: list[str], starts: list[int], ends: list[int]) -> None:
        self.norm = norm
        self.starts = starts
        self.ends = ends

    def __len__(self) -> int:
        return len(self.norm)


def tokenize(norm_text: str) -> Tokens:
    """Tokenize normalised text in C-level passes.

    ``TOKEN.split`` gives the text as gaps and tokens in turn, so the running sum
    of their lengths gives every token's start and end. A comma run that is not a
    number ("a,b", but not "1,000") is then split at its commas.
    """
    pieces = TOKEN.split(norm_text)
    bounds = list(accumulate(map(len, pieces), initial=0))
    norm = pieces[1::2]
    starts = bounds[1:-1:2]
    ends = bounds[2::2]
    if _JOINED.search(norm_text) is not None:
        joined = [
            i
            for i in compress(range(len(norm)), map(contains, norm, repeat(",")))
            if norm[i] != ","
        ]
        if joined:
            norm, starts, ends = _split_commas(norm, starts, ends, joined)
    return Tokens(norm, starts, ends)


def _split_commas(
    norm: list[str], starts: list[int], ends: list[int], joined: list[int]
) -> tuple[list[str], list[int], list[int]]:
    """Split the tokens at *joined* at their commas, unless they are numbers."""
    out_norm: list[str] = []
    out_starts: list[int] = []
    done = 0
    for i in joined:
        tok = norm[i]
        if tok.replace(",", "").isdigit():
            continue  # "1,000"
        out_norm += norm[done:i]
        out_starts += starts[done:i]
        at, end = starts[i], ends[i]
        for part in tok.split(","):
            if part:
                out_norm.append(part)
                out_starts.append(at)
            at += len(part)
            if at < end:
                out_norm.append(",")
                out_starts.append(at)
                at += 1
        done = i + 1
    if not done:
        return norm, starts, ends
    out_norm += norm[done:]
    out_starts += starts[done:]
    return out_norm, out_starts, list(map(add, out_starts, map(len, out_norm)))


def tokenize_phrase(phrase: str) -> tuple[str, ...]:
    """The normalised tokens of a lexicon phrase."""
    return tuple(tokenize(normalize(phrase)).norm)
