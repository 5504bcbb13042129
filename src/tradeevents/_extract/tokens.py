"""Normalisation and tokenization: one lowercase pass, one C-level regex pass.

The normalised text has exactly the length of the input, so every token span is
also a span of the original text: curly quotes and dashes map to their ASCII
forms one character for one, and a character whose lowercase form is longer
(``"İ"``) keeps its case.
"""

from __future__ import annotations

import re
from operator import add

__all__ = ["TOKEN", "Tokens", "normalize", "tokenize", "tokenize_phrase"]

#: A dotted abbreviation (``u.s.``), a run of letters and digits (``73.6`` as one), or one symbol.
#: Each alternative is a simple run; the dotted form needs a letter after each dot, so the
#: pattern cannot backtrack more than the length of one word.
TOKEN = re.compile(r"[^\W_]+(?:[.,][^\W_]+)*\.?|\S")

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


def normalize(text: str) -> str:
    """Lowercase *text* and fold quotes and dashes, keeping its length."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered.translate(_FOLD)


class Tokens:
    """The tokens of one text: parallel lists of normalised strings and spans."""

    __slots__ = ("ends", "norm", "starts")

    def __init__(self, norm: list[str], starts: list[int], ends: list[int]) -> None:
        self.norm = norm
        self.starts = starts
        self.ends = ends

    def __len__(self) -> int:
        return len(self.norm)


def _strip_trailing_dot(tok: str) -> bool:
    # "tariffs." is not an abbreviation: a trailing dot belongs to the token only
    # in dotted forms ("u.s.") where a dot also occurs inside.
    return tok.endswith(".") and "." not in tok[:-1]


def tokenize(norm_text: str) -> Tokens:
    """Tokenize normalised text in one regex pass.

    The tokens come from one C-level ``findall``; as only whitespace lies between
    two tokens, each start is found with one ``str.find`` from the end of the last.
    """
    norm: list[str] = []
    starts: list[int] = []
    add_n, add_s = norm.append, starts.append
    find = norm_text.find
    pos = 0
    for tok in TOKEN.findall(norm_text):
        pos = find(tok, pos)
        if "," in tok or (tok[-1] == "." and len(tok) > 1):
            if tok[-1] in ".," and _strip_trailing_dot(tok):
                # "tariffs." and "tariffs,": the word, then the punctuation
                add_n(tok[:-1])
                add_s(pos)
                add_n(tok[-1])
                add_s(pos + len(tok) - 1)
                pos += len(tok)
                continue
            if "," in tok and not tok.replace(",", "").isdigit():
                # a comma inside letters ("a,b") is punctuation, not a thousands separator
                at = pos
                for part in tok.split(","):
                    if part:
                        add_n(part)
                        add_s(at)
                    at += len(part)
                    if at < pos + len(tok):
                        add_n(",")
                        add_s(at)
                        at += 1
                pos += len(tok)
                continue
        add_n(tok)
        add_s(pos)
        pos += len(tok)
    return Tokens(norm, starts, list(map(add, starts, map(len, norm))))


def tokenize_phrase(phrase: str) -> tuple[str, ...]:
    """The normalised tokens of a lexicon phrase."""
    return tuple(tokenize(normalize(phrase)).norm)
