"""Phrase mentions: every lexicon phrase found in a run of tokens.

One dict look-up per token (phrases are keyed by their first token); within
each category the longest phrase at a position wins and phrases of one
category do not overlap. Jurisdiction names must be capitalised as written
("Turkey", not "turkey"); short all-capital forms ("US", "EU") must be
written in capitals ("us" is a pronoun). The hedge "may" must be lowercase
("May" is a month).
"""

from __future__ import annotations

from itertools import compress
from typing import Any

import attrs

from .lexicon import NOT_PLACE, Lexicon
from .tokens import Tokens

__all__ = ["Mention", "scan"]


@attrs.define(order=True, unsafe_hash=True)
class Mention:
    """A phrase at tokens ``[lo, hi)`` of one category with its value.

    Never changed once built (use :func:`attrs.evolve`). Not frozen, and not a
    named tuple: the rules read these fields in their hottest loops, where a
    slot is read faster than a tuple field, and built faster than a frozen one.
    """

    lo: int
    hi: int
    category: str
    value: Any


#: The categories whose phrases must be written with the right case.
_CASED = frozenset({"jur", "ambig", "hedge", "cue"})
#: Of those, the names: every phrase of theirs is checked (the others only for "may").
_NAMES = frozenset({"jur", "ambig"})


def _case_ok(text: str, tokens: Tokens, i: int, n: int, category: str, value: Any) -> bool:
    first = text[tokens.starts[i]]
    if category in ("jur", "ambig"):
        if not (first.isupper() or first.isdigit()):
            return False
        if value[2]:  # strict: all capitals as written
            raw = text[tokens.starts[i] : tokens.ends[i + n - 1]]
            return raw.replace(".", "").replace("-", "").isupper()
        return True
    if category in ("hedge", "cue") and tokens.norm[i] == "may":
        return not first.isupper()
    return True


def scan(text: str, tokens: Tokens, lo: int, hi: int, lexicon: Lexicon) -> list[Mention]:
    """Every mention in tokens ``[lo, hi)``, ordered by position."""
    norm = tokens.norm
    get = lexicon.index.split_lookup  # the dict's own get: one C call per token
    free: dict[str, int] = {}
    out: list[Mention] = []
    # the look-ups run in C (map), and the loop only visits the tokens that start a phrase
    buckets = list(map(get, norm[lo:hi]))
    last = hi - 1
    for k in compress(range(hi - lo), buckets):
        i = lo + k
        longer, single = buckets[k]  # type: ignore[misc]
        tried = longer.get(norm[i + 1]) if longer and i < last else None
        if tried:
            entries = tried + single if single else tried  # the longer phrases first
        elif single:
            entries = single
        else:
            continue  # "the", "on": words that only open longer phrases, not this one
        for words, category, value in entries:
            if free.get(category, lo) > i:
                continue
            n = len(words)
            if n > 2 and (i + n > hi or tuple(norm[i : i + n]) != words):
                continue
            if (
                category in _CASED
                # (only "may" of the hedges and cues: the look-up word is inline)
                and (category in _NAMES or words[0] == "may")
                and not _case_ok(text, tokens, i, n, category, value)
            ):
                continue
            free[category] = i + n
            if value is NOT_PLACE:
                continue  # "the South China Sea": its words name no jurisdiction
            out.append(Mention(i, i + n, category, value))
    return out
