"""Site boilerplate: copyright lines, cookie banners, subscription prompts, share bars.

A line is boilerplate when it holds a phrase of ``boilerplate.json``'s
``line`` list, or is short (at most ``short_line_words`` tokens) and holds a
phrase of its ``short_line`` list. Everything after a copyright notice is the
site's footer and is left out as well.
"""

from __future__ import annotations

from itertools import compress, islice
from operator import itemgetter

from .lexicon import Lexicon, PhraseIndex
from .splitter import Span
from .tokens import Tokens

__all__ = ["classify_line"]

_FOOTER_STARTERS = frozenset({"copyright", "©"})


def _find(index: PhraseIndex, norm: list[str], lo: int, hi: int) -> str | None:
    # the look-ups run in C (map); the loop visits only the tokens that start a phrase
    buckets = list(map(index.lookup, norm[lo:hi]))
    for k in compress(range(hi - lo), buckets):
        i = lo + k
        for entry in buckets[k] or ():
            words = entry.tokens
            n = len(words)
            if n == 1 or (
                # the second word first: most candidates fail there ("all", "this", "not")
                i + n <= hi and norm[i + 1] == words[1] and tuple(norm[i : i + n]) == words
            ):
                return " ".join(words)
    return None


def classify_line(tokens: Tokens, line: Span, lexicon: Lexicon) -> tuple[str | None, bool]:
    """``(reason, starts_footer)``: why the line is boilerplate (``None`` if it is not),
    and whether it is a copyright notice after which the rest is footer."""
    norm = tokens.norm
    phrase = _find(lexicon.boiler_line, norm, line.lo, line.hi)
    if phrase is not None:
        footer = any(norm[i] in _FOOTER_STARTERS for i in range(line.lo, line.hi))
        return f"boilerplate: {phrase!r}", footer
    # a short line's phrases count only on a short line: the words first, in C
    limit = lexicon.short_line_words
    if line.hi - line.lo > limit:
        # the words are counted only as far as one past the limit
        words = filter(None, map(str.isalnum, map(itemgetter(0), norm[line.lo : line.hi])))
        if next(islice(words, limit, None), False):
            return None, False
    phrase = _find(lexicon.boiler_short, norm, line.lo, line.hi)
    if phrase is not None:
        return f"boilerplate: short line with {phrase!r}", False
    return None, False
