"""Normalisation and tokenization: one lowercase pass, one C-level regex pass.

The normalised text has exactly the length of the input, so every token span is
also a span of the original text: curly quotes and dashes map to their ASCII
forms one character for one, and a character whose lowercase form is longer
(``"İ"``) keeps its case.
"""

from __future__ import annotations

import re

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
    """Tokenize normalised text in one regex pass."""
    norm: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    add_n, add_s, add_e = norm.append, starts.append, ends.append
    for m in TOKEN.finditer(norm_text):
        tok = m.group()
        s, e = m.span()
        if len(tok) > 1 and tok[-1] in ".," and _strip_trailing_dot(tok):
            add_n(tok[:-1])
            add_s(s)
            add_e(e - 1)
            add_n(".")
            add_s(e - 1)
            add_e(e)
            continue
        if "," in tok and not tok.replace(",", "").isdigit():
            # a comma inside letters ("a,b") is punctuation, not a thousands separator
            pos = s
            for part in tok.split(","):
                if part:
                    add_n(part)
                    add_s(pos)
                    add_e(pos + len(part))
                pos += len(part)
                if pos < e:
                    add_n(",")
                    add_s(pos)
                    add_e(pos + 1)
                    pos += 1
            continue
        add_n(tok)
        add_s(s)
        add_e(e)
    return Tokens(norm, starts, ends)


def tokenize_phrase(phrase: str) -> tuple[str, ...]:
    """The normalised tokens of a lexicon phrase."""
    return tuple(tokenize(normalize(phrase)).norm)
